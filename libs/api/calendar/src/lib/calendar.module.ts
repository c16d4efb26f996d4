import { Controller, Get, Module, Param, Res } from '@nestjs/common';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { Permission } from '@civitas/shared/domain';
import { notFound } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, Public, RequirePermission } from '@civitas/api/auth';
import { CalendarFeedRegistry } from './calendar-feed.registry';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeed, CalendarFeedLink } from './calendar-feed.types';

@Controller('api/calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** `/api/calendar/<token>.ics`: public, the token is the secret; unknown or revoked: 404. */
  @Public()
  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const body = await this.feeds.feed(token);
    if (body === null) throw notFound('Calendar');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(body);
  }
}

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Query(() => CalendarFeed, { description: 'Whether the caller has a personal calendar feed.' })
  @RequirePermission(Permission.PROFILE_OWN)
  calendarFeed(@CurrentUser() user: AuthUser) {
    return this.feeds.status(user.id);
  }

  @Mutation(() => CalendarFeedLink, {
    description: 'A new secret feed address; the previous one stops working.',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  regenerateCalendarFeed(@CurrentUser() user: AuthUser) {
    return this.feeds.regenerate(user.id);
  }

  @Mutation(() => CalendarFeed, { description: 'The feed address stops working (404).' })
  @RequirePermission(Permission.PROFILE_OWN)
  revokeCalendarFeed(@CurrentUser() user: AuthUser) {
    return this.feeds.revoke(user.id);
  }
}

/**
 * The one personal calendar feed. Domains import this module and register a
 * CalendarFeedSource at init; the module is one instance however often it is imported.
 */
@Module({
  controllers: [CalendarFeedController],
  providers: [CalendarFeedRegistry, CalendarFeedService, CalendarFeedResolver],
  exports: [CalendarFeedRegistry, CalendarFeedService],
})
export class CalendarModule {}
