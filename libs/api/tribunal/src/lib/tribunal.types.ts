import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  TribunalCaseKind,
  TribunalJoinStatus,
  TribunalStage,
  TribunalSupportKind,
} from '@civitas/shared/domain';

registerEnumType(TribunalCaseKind, {
  name: 'TribunalCaseKind',
  description: 'K: a statute; U: another normative act.',
});
registerEnumType(TribunalStage, {
  name: 'TribunalStage',
  description:
    'PREPARATION → FILED → PRELIMINARY_EXAMINATION → (DEFECTS_CALL | REFUSAL → COMPLAINT_DECIDED) → ADMITTED → HEARING_SCHEDULED → JUDGMENT | DISCONTINUED → PUBLISHED; TRIBUNAL_TRANSITIONS in the shared domain lists every edge.',
});
registerEnumType(TribunalSupportKind, { name: 'TribunalSupportKind' });
registerEnumType(TribunalJoinStatus, { name: 'TribunalJoinStatus' });

@ObjectType({
  description: 'A city in a case: the applicant, a co-applicant or one asking to join.',
})
export class TribunalCaseCity {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  cityName: string;

  @Field()
  isApplicant: boolean;

  @Field(() => TribunalJoinStatus)
  status: TribunalJoinStatus;

  @Field({ description: "The city council's resolution number, e.g. XII/345/25." })
  resolutionNumber: string;

  @Field({ description: 'YYYY-MM-DD' })
  resolutionDate: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The resolution (a TRIBUNAL_RESOLUTION document of this case).',
  })
  resolutionDocumentId: string | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: 'A correction of a stage entry: who, when, why, and what it was.' })
export class TribunalStageCorrection {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (an office admin).' })
  actorName: string | null;

  @Field()
  reason: string;

  @Field({ description: 'True when the entry was withdrawn as made by mistake.' })
  voided: boolean;

  @Field({ description: 'The entry before the correction, as JSON.' })
  previous: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: 'One entry of the stage timeline.' })
export class TribunalStageEntry {
  @Field(() => ID)
  id: string;

  @Field(() => TribunalStage)
  stage: TribunalStage;

  @Field({ description: 'YYYY-MM-DD: when the stage began (filing date, decision date…).' })
  enteredOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the delivery of a call or refusal.',
  })
  deliveredOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: computed from deliveredOn (7 days, next working day), never typed.',
  })
  deadline: string | null;

  @Field(() => Date, { nullable: true })
  hearingAt: Date | null;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Dz.U. 2025 poz. 123' })
  journalReference: string | null;

  @Field()
  note: string;

  @Field(() => [ID], { description: 'TRIBUNAL_STAGE documents of the case.' })
  documentIds: string[];

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (an office admin).' })
  actorName: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when withdrawn as made by mistake.' })
  voidedAt: Date | null;

  @Field(() => [TribunalStageCorrection])
  corrections: TribunalStageCorrection[];
}

@ObjectType({ description: 'A case the Tribunal joined with this one.' })
export class TribunalLinkedCase {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => TribunalStage)
  stage: TribunalStage;

  @Field(() => String, { nullable: true, description: 'K n/yy, else Tw n/yy, if given.' })
  signature: string | null;

  @Field({ description: 'The office’s note on the link.' })
  note: string;
}

@ObjectType({ description: 'A published expert opinion linked to a case.' })
export class TribunalLinkedOpinion {
  @Field(() => ID, { description: 'The published opinion (publishedOpinion(id)).' })
  id: string;

  @Field()
  subject: string;

  @Field(() => Int, { description: 'The year it was released.' })
  year: number;

  @Field(() => String, { nullable: true, description: 'Null when published redacted.' })
  cityName: string | null;
}

@ObjectType({ description: 'The association’s support decision.' })
export class TribunalSupport {
  @Field(() => String, { nullable: true })
  boardResolutionNumber: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  boardResolutionDate: string | null;

  @Field(() => [TribunalSupportKind])
  kinds: TribunalSupportKind[];

  @Field(() => Float, {
    nullable: true,
    description:
      'In grosze. Null for those who may not see it (only the office and the applicant cities’ legal officers and admins).',
  })
  amountGrosze: number | null;
}

@ObjectType({ description: 'A Constitutional Tribunal support case.' })
export class TribunalCase {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => TribunalCaseKind)
  kind: TribunalCaseKind;

  @Field()
  challengedAct: string;

  @Field()
  challengedProvisions: string;

  @Field({ description: 'Wzorce kontroli: the constitutional provisions invoked.' })
  constitutionalProvisions: string;

  @Field()
  argumentSummary: string;

  @Field(() => String, {
    nullable: true,
    description: 'Restricted: null unless viewerIsParty.',
  })
  internalNotes: string | null;

  @Field(() => TribunalStage)
  stage: TribunalStage;

  @Field(() => [TribunalStage], { description: 'Where the office may move the case next.' })
  nextStages: TribunalStage[];

  @Field(() => String, { nullable: true, description: 'Tw n/yy' })
  preliminarySignature: string | null;

  @Field(() => String, { nullable: true, description: 'K n/yy or U n/yy' })
  signature: string | null;

  @Field(() => TribunalSupport)
  support: TribunalSupport;

  @Field(() => [ID], { description: 'Published expert opinions linked to the case.' })
  linkedOpinionIds: string[];

  @Field(() => [ID], { description: 'Cases the Tribunal joined with this one.' })
  linkedCaseIds: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  filedOn: string | null;

  @Field({
    description:
      'The office, or a legal officer or admin of the applicant or an accepted co-applicant city: sees the restricted fields and documents.',
  })
  viewerIsParty: boolean;

  @Field({ description: 'In the caller’s calendar feed.' })
  followed: boolean;

  @Field(() => [TribunalCaseCity], {
    description:
      'Applicant and accepted co-applicants; pending and declined requests too for the office and the parties.',
  })
  cities: TribunalCaseCity[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ description: 'A running statutory deadline of a case.' })
export class TribunalDeadline {
  @Field(() => ID)
  caseId: string;

  @Field()
  caseTitle: string;

  @Field(() => String, { nullable: true })
  signature: string | null;

  @Field(() => ID)
  stageEntryId: string;

  @Field(() => TribunalStage)
  stage: TribunalStage;

  @Field({ description: 'YYYY-MM-DD' })
  deliveredOn: string;

  @Field({ description: 'YYYY-MM-DD' })
  deadline: string;

  @Field(() => Int, { description: 'Days from today in Poland (negative: overdue).' })
  daysLeft: number;

  @Field()
  overdue: boolean;
}
