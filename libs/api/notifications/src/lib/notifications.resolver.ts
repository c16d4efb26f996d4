import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotificationKind, Permission } from '@civitas/shared/domain';
import { Connection, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, Public, RequirePermission } from '@civitas/api/auth';
import {
  NotificationConnection,
  NotificationsArgs,
  UpdateNotificationPreferencesInput,
} from './dto/notification.inputs';
import { Notification, NotificationPreference } from './notification.entity';
import { NotificationsService } from './notifications.service';

/**
 * A person's own notifications and e-mail settings. Everyone who can sign in has them,
 * so they ask for the permission every role holds: acting on one's own account.
 */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @RequirePermission(Permission.PROFILE_OWN)
  @Query(() => NotificationConnection, { description: 'My notifications, newest first.' })
  notifications(
    @Args() args: NotificationsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<Notification>> {
    return this.service.list(user.id, args);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Query(() => Int)
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.service.unreadCount(user.id);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => Notification)
  markNotificationRead(
    @Args('id', { type: () => ID }, new ParseIdPipe('Notification')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<Notification> {
    return this.service.markRead(user.id, id);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => Int, { description: 'Marks every unread notification read; how many were.' })
  markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<number> {
    return this.service.markAllRead(user.id);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Query(() => [NotificationPreference], { description: 'When I am e-mailed, per kind.' })
  notificationPreferences(@CurrentUser() user: AuthUser): Promise<NotificationPreference[]> {
    return this.service.preferences(user.id);
  }

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => [NotificationPreference])
  updateNotificationPreferences(
    @Args('input') input: UpdateNotificationPreferencesInput,
    @CurrentUser() user: AuthUser,
  ): Promise<NotificationPreference[]> {
    return this.service.updatePreferences(user.id, input.preferences);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "From a mail's link, signed in or not: no more e-mail of one kind, or of any kind without one.",
  })
  unsubscribe(
    @Args('token') token: string,
    @Args('kind', { type: () => NotificationKind, nullable: true }) kind?: NotificationKind,
  ): Promise<boolean> {
    return this.service.unsubscribe(token, kind ?? undefined);
  }

  @ResolveField(() => Boolean)
  read(@Parent() n: Notification): boolean {
    return n.readAt !== null;
  }

  @ResolveField(() => String, { nullable: true })
  actorName(@Parent() n: Notification): string | null {
    return n.payload.actorName ?? null;
  }

  @ResolveField(() => String, { nullable: true })
  groupName(@Parent() n: Notification): string | null {
    return n.payload.groupName ?? null;
  }

  @ResolveField(() => String, { nullable: true })
  threadTitle(@Parent() n: Notification): string | null {
    return n.payload.threadTitle ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "OPINION_* and TRIBUNAL_*: the opinion request's subject or the case's title.",
  })
  subject(@Parent() n: Notification): string | null {
    return n.payload.requestSubject ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'OPINION_DEADLINE and TRIBUNAL_DEADLINE: the due date (YYYY-MM-DD).',
  })
  dueDate(@Parent() n: Notification): string | null {
    return n.payload.dueDate ?? null;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'JOIN_DECISION: whether the request was approved.',
  })
  approved(@Parent() n: Notification): boolean | null {
    return n.payload.approved ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "The coordinator's decision message or moderation reason.",
  })
  message(@Parent() n: Notification): string | null {
    return n.payload.message ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'MODERATION: what was done.' })
  moderationAction(@Parent() n: Notification): string | null {
    return n.payload.action ?? null;
  }
}
