import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class RequestEmailChangeInput {
  @Field({ description: 'The address to use from now on; it receives the confirmation link.' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  newEmail: string;

  @Field({ description: 'The account’s current password, to confirm it is really the person.' })
  @IsString()
  @MaxLength(1000)
  password: string;
}

@InputType()
export class ConfirmEmailChangeInput {
  @Field({ description: 'The token from the link sent to the new address.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

@ObjectType({ description: 'A change of my address waiting for its link to be opened.' })
export class PendingEmailChange {
  @Field()
  newEmail: string;

  @Field()
  requestedAt: Date;

  @Field()
  expiresAt: Date;
}
