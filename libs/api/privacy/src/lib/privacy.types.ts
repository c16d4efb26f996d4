import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ConsentAction,
  ConsentPurpose,
  PrivacyRequestKind,
  PrivacyRequestStatus,
} from '@civitas/shared/domain';
import { ConnectionType } from '@civitas/api/core';
import { ConsentRecord } from '@civitas/api/personal-data';

registerEnumType(PrivacyRequestKind, { name: 'PrivacyRequestKind' });
registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });

@ObjectType({
  description: 'One version of the privacy notice (Markdown sanitised to HTML, pl and en).',
})
export class PrivacyNotice {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  bodyPlSource: string;

  @Field()
  bodyPlHtml: string;

  @Field()
  bodyEnSource: string;

  @Field()
  bodyEnHtml: string;

  @Field()
  publishedAt: Date;
}

@ObjectType({
  description: "Whether the signed-in person acknowledged the current notice's version.",
})
export class PrivacyNoticeStatus {
  @Field(() => PrivacyNotice, {
    nullable: true,
    description: 'Null before the office publishes one.',
  })
  current: PrivacyNotice | null;

  @Field({ description: 'True when there is a version the person has not acknowledged yet.' })
  needsAcknowledgement: boolean;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;
}

@ObjectType({
  description: "A consent's current state for the person, with the wording they agreed to.",
})
export class CurrentConsent {
  @Field(() => ConsentPurpose)
  purpose: ConsentPurpose;

  @Field(() => ConsentAction)
  action: ConsentAction;

  @Field()
  textVersion: string;

  @Field()
  textPl: string;

  @Field()
  textEn: string;

  @Field()
  recordedAt: Date;
}

@ObjectType({
  description: 'A request about personal data and, once the office answered, its outcome.',
})
export class PrivacyRequest {
  @Field(() => ID)
  id: string;

  @Field(() => PrivacyRequestKind)
  kind: PrivacyRequestKind;

  @Field(() => String, { nullable: true })
  details: string | null;

  @Field(() => PrivacyRequestStatus)
  status: PrivacyRequestStatus;

  @Field()
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: one month from receipt (RODO art. 12(3)); only for requests the office answers.',
  })
  dueOn: string | null;

  @Field({ description: 'Open and past its due date.' })
  overdue: boolean;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  resolutionNote: string | null;

  /** For the office's queue: who asked (their current name: anonymous once erased). */
  @Field(() => String, { nullable: true, description: 'Office only: who asked.' })
  personName?: string | null;

  @Field(() => String, { nullable: true, description: 'Office only: their e-mail, to answer.' })
  personEmail?: string | null;
}

@ObjectType()
export class PrivacyRequestConnection extends ConnectionType(PrivacyRequest) {}

@ObjectType()
export class ConsentRecordConnection extends ConnectionType(ConsentRecord) {}

@ObjectType({ description: "The person's pending erasure, cancellable until it is due." })
export class ErasureRequest {
  @Field(() => ID)
  id: string;

  @Field()
  requestedAt: Date;

  @Field({ description: 'When the account is erased unless cancelled before.' })
  dueAt: Date;
}

@ObjectType({ description: 'What the privacy centre shows its person.' })
export class PrivacyCentre {
  @Field({ description: 'Set while processing is restricted at the person’s request.' })
  processingRestricted: boolean;

  @Field(() => Date, { nullable: true })
  processingRestrictedAt: Date | null;

  @Field(() => ErasureRequest, { nullable: true })
  pendingErasure: ErasureRequest | null;

  @Field(() => [CurrentConsent])
  consents: CurrentConsent[];

  @Field(() => [PrivacyRequest], {
    description: 'The person’s requests, newest first (at most 100).',
  })
  requests: PrivacyRequest[];
}

@ObjectType({ description: 'A short-lived link to download the person’s data export.' })
export class DataExportLink {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Relative to the API: GET with the session, answers a zip.' })
  path: string;

  @Field()
  expiresAt: Date;
}
