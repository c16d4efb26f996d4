import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_LINK_TTL_MINUTES } from '@civitas/shared/domain';
import { APP_CONFIG, LinkSigner } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';

export interface DocumentLinkClaims {
  /** The person the link was made for: access is checked again for them on download. */
  u: string;
  /** Version id. */
  v: string;
  /** Inline (preview) rather than attachment. */
  i: boolean;
}

/**
 * Signed, short-lived download and preview links, so that a browser can follow them
 * (an <a href>, an <iframe>, an <img>) without the access token, which the web keeps in
 * memory. A link names its person and version; the download checks access again.
 */
@Injectable()
export class DocumentLinks {
  private readonly signer: LinkSigner<DocumentLinkClaims>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = new LinkSigner(config.jwtSecret, 'document-links');
  }

  url(userId: string, versionId: string, inline: boolean, now = Date.now()): string {
    const token = this.signer.sign(
      { u: userId, v: versionId, i: inline },
      DOCUMENT_LINK_TTL_MINUTES,
      now,
    );
    return `/api/documents/files/${token}`;
  }

  verify(token: string, now = Date.now()): DocumentLinkClaims | null {
    return this.signer.verify(token, now);
  }
}
