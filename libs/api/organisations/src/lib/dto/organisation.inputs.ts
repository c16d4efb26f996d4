import { Field, InputType } from '@nestjs/graphql';
import {
  IsEmail,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { MembershipStatus } from '@civitas/shared/domain';

/** Null clears a field; an omitted field stays as it is. */
@InputType()
export class UpdateOrganisationProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be a web address starting with https://' },
  )
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,25}$/, {
    message: 'must be a phone number (digits, spaces, +, -, parentheses)',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;
}

@InputType()
export class ChangeMembershipInput {
  @Field(() => MembershipStatus)
  @IsEnum(MembershipStatus)
  status: MembershipStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Required for MEMBER: ISO date of accession.',
  })
  @ValidateIf(
    (o: ChangeMembershipInput) => o.status === MembershipStatus.MEMBER || o.accessionDate != null,
  )
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  accessionDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Required for MEMBER: the council resolution's number.",
  })
  @ValidateIf(
    (o: ChangeMembershipInput) =>
      o.status === MembershipStatus.MEMBER || o.resolutionNumber != null,
  )
  @IsString()
  @Matches(/\S/, { message: 'is required for a member' })
  @MaxLength(100)
  resolutionNumber?: string | null;
}
