import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@civitas/shared/domain';
import { APP_CONFIG, notFound } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { Public } from '@civitas/api/auth';
import { downloadNames, EventFileLinks } from './event-files';
import { EventsService } from './events.service';

/**
 * An event's files as real downloads, through the signed links GraphQL gives (`icsUrl`,
 * `participantsCsvUrl`); access is checked again for the link's person when it is followed.
 */
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly links: EventFileLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('files/:token')
  async file(@Param('token') token: string, @Res() res: Response): Promise<void> {
    // Expired, tampered, a person gone or an event they may no longer see: one answer, so a
    // link tells nothing about what it points to.
    const refused = () => notFound('Download link (it may have expired: reload the page)');
    const claims = this.links.verify(token);
    const viewer = claims && (await this.events.viewer(claims.u));
    if (!claims || !viewer) throw refused();
    let file: { title: string; body: string; type: string; suffix: string };
    try {
      if (claims.k === 'ics') {
        const { title, ics } = await this.events.ics(viewer, claims.ev, this.config.appUrl);
        file = { title, body: ics, type: 'text/calendar; charset=utf-8', suffix: '' };
      } else {
        const { title, csv } = await this.events.participantsCsv(viewer, claims.ev);
        file = { title, body: csv, type: 'text/csv; charset=utf-8', suffix: ' – uczestnicy' };
      }
    } catch (e) {
      if (e instanceof GraphQLError && e.extensions['code'] === ErrorCode.NOT_FOUND)
        throw refused();
      throw e;
    }
    const { name, fallback } = downloadNames(file.title, file.suffix, claims.k);
    res.status(200);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', contentDisposition(name, { fallback }));
    // Personal data (the CSV) and per-person access: never kept by shared or browser caches.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.removeHeader('Content-Security-Policy-Report-Only');
    res.send(Buffer.from(file.body, 'utf8'));
  }
}
