import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConsentPurpose, Permission, PrivacyRequestKind } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, Public, RequirePermission } from '@civitas/api/auth';
import {
  ConsentRecordsArgs,
  PrivacyReasonInput,
  PrivacyRequestsArgs,
  PublishPrivacyNoticeInput,
  RequestErasureInput,
  ResolvePrivacyRequestInput,
} from './dto/privacy.inputs';
import { ConsentRecordsService } from './consent-records.service';
import { DataExportService } from './data-export';
import { ErasureService } from './erasure.service';
import { PrivacyNoticeService } from './privacy-notice.service';
import { PrivacyRequestsService } from './privacy-requests.service';
import {
  ConsentRecordConnection,
  CurrentConsent,
  DataExportLink,
  ErasureRequest,
  PrivacyCentre,
  PrivacyNotice,
  PrivacyNoticeStatus,
  PrivacyRequest,
  PrivacyRequestConnection,
} from './privacy.types';

/**
 * The privacy centre: every signed-in person's rights over their own data (`profile:own`),
 * and the office's side (`privacy:manage`): the consent log, the request queue, the notice.
 */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly notices: PrivacyNoticeService,
    private readonly requests: PrivacyRequestsService,
    private readonly erasures: ErasureService,
    private readonly exports: DataExportService,
    private readonly consentLog: ConsentRecordsService,
  ) {}

  @Query(() => PrivacyNotice, {
    nullable: true,
    description: 'The current privacy notice, for anyone, signed in or not.',
  })
  @Public()
  privacyNotice() {
    return this.notices.current();
  }

  @Query(() => PrivacyNoticeStatus, {
    description: 'Whether I must acknowledge the current notice (shown after sign-in until I do).',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  myPrivacyNotice(@CurrentUser() user: AuthUser) {
    return this.notices.status(user);
  }

  @Mutation(() => PrivacyNoticeStatus, {
    description: 'Records that I read this version; NOT_FOUND unless it is the current one.',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  acknowledgePrivacyNotice(
    @CurrentUser() user: AuthUser,
    @Args('version', { type: () => Int }) version: number,
  ) {
    return this.notices.acknowledge(user, version);
  }

  @Mutation(() => PrivacyNotice, { description: 'The office publishes a new version.' })
  @RequirePermission(Permission.PRIVACY_MANAGE)
  publishPrivacyNotice(
    @CurrentUser() user: AuthUser,
    @Args('input') input: PublishPrivacyNoticeInput,
  ) {
    return this.notices.publish(user, input);
  }

  @Query(() => PrivacyCentre)
  @RequirePermission(Permission.PROFILE_OWN)
  privacyCentre(@CurrentUser() user: AuthUser) {
    return this.requests.centre(user);
  }

  @Mutation(() => DataExportLink, {
    description: 'A link to download all my data (zip: data.json and my files), for 15 minutes.',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  requestDataExport(@CurrentUser() user: AuthUser) {
    return this.exports.createLink(user);
  }

  @Mutation(() => [CurrentConsent], {
    description: 'Withdraws a consent at once; CONFLICT when it is not given.',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  withdrawConsent(
    @CurrentUser() user: AuthUser,
    @Args('purpose', { type: () => ConsentPurpose }) purpose: ConsentPurpose,
  ) {
    return this.requests.withdrawConsent(user, purpose);
  }

  @Mutation(() => PrivacyCentre, {
    description: 'Restricts processing of my data at once (directories and mailings skip me).',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  restrictProcessing(@CurrentUser() user: AuthUser, @Args('input') input: PrivacyReasonInput) {
    return this.requests.restrict(user, input.reason);
  }

  @Mutation(() => PrivacyCentre)
  @RequirePermission(Permission.PROFILE_OWN)
  liftProcessingRestriction(@CurrentUser() user: AuthUser) {
    return this.requests.liftRestriction(user);
  }

  @Mutation(() => PrivacyRequest, {
    description: 'An objection to processing, to the office (answered within a month).',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  objectToProcessing(@CurrentUser() user: AuthUser, @Args('input') input: PrivacyReasonInput) {
    return this.requests.file(user, PrivacyRequestKind.OBJECTION, input.reason);
  }

  @Mutation(() => PrivacyRequest, {
    description: 'Any other request about my data, in my words, to the office.',
  })
  @RequirePermission(Permission.PROFILE_OWN)
  filePrivacyRequest(@CurrentUser() user: AuthUser, @Args('input') input: PrivacyReasonInput) {
    return this.requests.file(user, PrivacyRequestKind.OTHER, input.reason);
  }

  @Mutation(() => ErasureRequest, {
    description: `Asks to erase my account, confirmed with my password; it happens after the grace period unless cancelled. CONFLICT when already asked.`,
  })
  @RequirePermission(Permission.PROFILE_OWN)
  requestErasure(@CurrentUser() user: AuthUser, @Args('input') input: RequestErasureInput) {
    return this.erasures.request(user, input.password);
  }

  @Mutation(() => Boolean, { description: 'Cancels my pending erasure; NOT_FOUND if none.' })
  @RequirePermission(Permission.PROFILE_OWN)
  cancelErasure(@CurrentUser() user: AuthUser) {
    return this.erasures.cancel(user);
  }

  @Query(() => ConsentRecordConnection, {
    description: 'The consent log for the office, newest first. Read-only.',
  })
  @RequirePermission(Permission.PRIVACY_MANAGE)
  consentRecords(@Args() args: ConsentRecordsArgs) {
    return this.consentLog.list(args);
  }

  @Query(() => PrivacyRequestConnection, {
    description: 'Requests the office answers, oldest (most urgent) first.',
  })
  @RequirePermission(Permission.PRIVACY_MANAGE)
  privacyRequests(@Args() args: PrivacyRequestsArgs) {
    return this.requests.queue(args);
  }

  @Mutation(() => PrivacyRequest, { description: 'The office answers a request with a note.' })
  @RequirePermission(Permission.PRIVACY_MANAGE)
  resolvePrivacyRequest(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ResolvePrivacyRequestInput,
  ) {
    return this.requests.resolve(user, input);
  }
}
