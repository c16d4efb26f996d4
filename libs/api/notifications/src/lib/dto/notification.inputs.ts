import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, ValidateNested } from 'class-validator';
import { EmailFrequency, NotificationKind } from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import { Notification } from '../notification.entity';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean = false;
}

@ObjectType()
export class NotificationConnection extends ConnectionType(Notification) {}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => EmailFrequency)
  @IsEnum(EmailFrequency)
  email: EmailFrequency;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { description: 'Only the kinds to change.' })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.keys(NotificationKind).length)
  preferences: NotificationPreferenceInput[];
}
