import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { Public } from '@civitas/api/auth';
import { NewsletterSubscriptionsService } from './newsletter-subscriptions.service';

/**
 * The List-Unsubscribe URL of every issue (RFC 8058). A mail client POSTs
 * `List-Unsubscribe=One-Click` with no cookie and no CSRF token: the secret in the URL is the
 * authority, and the POST changes only that address's subscription. A GET (a person opening
 * the URL, or a link scanner) never unsubscribes: it leads to the page with the button.
 */
@Controller('api/newsletter/unsubscribe')
export class NewsletterUnsubscribeController {
  constructor(
    private readonly subscriptions: NewsletterSubscriptionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post(':token')
  @HttpCode(200)
  async oneClick(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const done = await this.subscriptions.unsubscribeByToken(token);
    res
      .status(done ? 200 : 404)
      .type('text/plain; charset=utf-8')
      .send(
        done
          ? 'Wypisano z newslettera. / You have been unsubscribed.'
          : 'Nieznany link. / Unknown link.',
      );
  }

  @Public()
  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response): void {
    res.redirect(
      303,
      `${this.config.appUrl}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`,
    );
  }
}
