import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType()
export class UpdateMyProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'cannot be empty' })
  @MaxLength(120)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  position?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  department?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,25}$/, {
    message: 'must be a phone number (digits, spaces, +, -, parentheses)',
  })
  phone?: string | null;

  @Field({ nullable: true, description: '"pl" or "en".' })
  @IsOptional()
  @IsIn(['pl', 'en'], { message: 'must be "pl" or "en"' })
  locale?: string;
}
