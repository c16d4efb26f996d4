import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A file the person owns, to be put into their data export next to the JSON. */
export interface PersonalDataFile {
  documentId: string;
  /** The name inside the archive's files/ folder (made unique by the exporter). */
  name: string;
}

/** What one domain holds about a person, for the export (RODO art. 15 and 20). */
export interface PersonalDataSection {
  /** Machine-readable and JSON-serialisable: dates as ISO strings, ids as they are stored. */
  data: unknown;
  files?: PersonalDataFile[];
}

/**
 * What a domain answers about the personal data it keeps. Each domain registers one
 * contributor when its module starts, so the privacy centre never imports a domain
 * (the inversion DocumentAccessRegistry uses for documents).
 */
export interface PersonalDataContributor {
  /** The key of this domain's part in the export, e.g. `forum` (unique). */
  readonly section: string;
  /** Everything the domain holds about the person. */
  export(userId: string, manager: EntityManager): Promise<PersonalDataSection>;
  /**
   * Erasure (RODO art. 17), inside the erasure's transaction: delete what is only about
   * the person (bookmarks, registrations, read state…); keep contributions others rely on
   * (posts, messages, comments) but strip personal data from them (names typed into them
   * stay the author's responsibility; the account itself is anonymised by the privacy centre).
   * What to tell others (a freed seat's new holder) is answered, not sent: the privacy
   * centre runs it once the erasure commits, and never if it rolls back.
   */
  erase(userId: string, manager: EntityManager): Promise<void | AfterErasure>;
  /**
   * Rectification of the account's e-mail address (RODO art. 16), inside the change's
   * transaction: what the domain keeps by address (not by account) follows the person from
   * `from` to `to`. Both are normalised; the account already has `to`.
   */
  emailChanged?(userId: string, change: EmailAddressChange, manager: EntityManager): Promise<void>;
}

/** An account's address before and after a confirmed change. */
export interface EmailAddressChange {
  from: string;
  to: string;
}

/** Run once the erasure committed (announcements); a failure is logged, the erasure stands. */
export type AfterErasure = () => Promise<void>;

@Injectable()
export class PersonalDataRegistry {
  private readonly contributors = new Map<string, PersonalDataContributor>();

  register(contributor: PersonalDataContributor): void {
    if (this.contributors.has(contributor.section)) {
      throw new Error(`Personal data section ${contributor.section} registered twice`);
    }
    this.contributors.set(contributor.section, contributor);
  }

  /** Every contributor, in a stable order (by section) so exports and erasures are repeatable. */
  all(): PersonalDataContributor[] {
    return [...this.contributors.values()].sort((a, b) => a.section.localeCompare(b.section));
  }
}
