import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '@civitas/shared/domain';
import { User } from '../user.entity';

@InputType()
export class SignInInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword: string;
}

@ObjectType({
  description: 'A fresh access token; the refresh token travels in an httpOnly cookie.',
})
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field(() => User)
  user: User;
}
