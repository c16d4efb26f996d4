import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MARKDOWN_MAX_LENGTH } from '@civitas/api/markdown';
import { ConnectionType } from '@civitas/api/core';
import { NewsletterIssue } from '../newsletter.types';

@InputType()
export class SubscribeToNewsletterInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'The version of the consent wording the form showed (privacy.ts).' })
  @IsString()
  @MaxLength(100)
  consentTextVersion: string;
}

@InputType()
export class NewsletterIssueInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(200)
  subject: string;

  @Field({ description: 'Markdown.' })
  @IsString()
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(MARKDOWN_MAX_LENGTH)
  body: string;
}

@InputType()
export class SetMyNewsletterSubscriptionInput {
  @Field()
  @IsBoolean()
  subscribed: boolean;

  @Field({
    nullable: true,
    description: 'Required to subscribe: the version of the consent wording shown.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  consentTextVersion?: string;
}

@ObjectType()
export class NewsletterIssueConnection extends ConnectionType(NewsletterIssue) {}
