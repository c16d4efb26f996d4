import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Role } from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import { Invitation, InvitationStatus } from '../invitation.entity';

@InputType()
export class CreateInvitationInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ defaultValue: false, description: 'City legal staff: may request expert opinions.' })
  @IsBoolean()
  isLegalOfficer: boolean = false;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(120)
  position: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  department?: string | null;

  @Field()
  @IsString()
  @MaxLength(512)
  password: string;
}

@ArgsType()
export class InvitationsArgs extends PageArgs {
  @Field(() => InvitationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InvitationStatus)
  status?: InvitationStatus;
}

@ObjectType()
export class InvitationConnection extends ConnectionType(Invitation) {}

@ObjectType({
  description: 'What the invitee sees before accepting: no more than the link already tells.',
})
export class InvitationPreview {
  @Field()
  email: string;

  @Field()
  organisationName: string;

  @Field(() => Role)
  role: Role;

  @Field()
  expiresAt: Date;
}
