import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  foldForSearch,
  INVITATION_TTL_DAYS,
  MembershipStatus,
  OrganisationKind,
  Role,
} from '@civitas/shared/domain';
import {
  APP_CONFIG,
  badUserInput,
  conflict,
  Connection,
  decodeCursor,
  domainError,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { AccessService } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser, ClientInfo, IssuedSession } from '@civitas/api/auth';
import {
  hashSecretToken,
  newSecretToken,
  PasswordService,
  SessionService,
  User,
} from '@civitas/api/auth';
import { composeMail, MailQueue } from '@civitas/api/mail';
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  InvitationPreview,
  InvitationsArgs,
} from './dto/invitation.inputs';
import { Invitation, InvitationStatus, invitationStatus } from './invitation.entity';

interface OrganisationFacts {
  id: string;
  name: string;
  kind: OrganisationKind;
  membership_status: MembershipStatus;
}

const ROLE_LABELS: Record<Role, string> = {
  [Role.OFFICE_ADMIN]: 'pracownik biura Związku / association office',
  [Role.EXPERT]: 'ekspert / expert',
  [Role.CITY_ADMIN]: 'administrator miasta / city administrator',
  [Role.CITY_OFFICIAL]: 'urzędnik miasta / city official',
  [Role.GUEST]: 'gość / guest',
};

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly mail: MailQueue,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
  ) {}

  async create(actor: AuthUser, input: CreateInvitationInput): Promise<Invitation> {
    const email = input.email.trim().toLowerCase();
    const organisation = await this.organisation(input.organisationId);
    this.access.assertCanInvite(actor, organisation.id, input.role);
    this.assertRoleFits(input, organisation);
    const { token, hash } = newSecretToken();

    const invitation = await this.db.transaction(async (tx) => {
      if (await tx.getRepository(User).existsBy({ email })) {
        throw conflict('This e-mail address already has a Civitas account');
      }
      // A new invitation to the same address replaces the pending one.
      await tx
        .createQueryBuilder()
        .update(Invitation)
        .set({ revokedAt: () => 'now()' })
        .where('email = :email AND accepted_at IS NULL AND revoked_at IS NULL', { email })
        .execute();
      const created = await tx.getRepository(Invitation).save({
        email,
        organisationId: organisation.id,
        role: input.role,
        isLegalOfficer: input.isLegalOfficer,
        tokenHash: hash,
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: created.id,
          details: {
            email,
            organisationId: organisation.id,
            role: input.role,
            isLegalOfficer: input.isLegalOfficer,
          },
        },
        tx,
      );
      return created;
    });

    const url = `${this.config.appUrl}/invitation?token=${encodeURIComponent(token)}`;
    await this.mail.enqueue(
      composeMail(email, {
        subject: `Zaproszenie do Civitas — ${organisation.name} / Invitation to Civitas`,
        paragraphs: [
          `Dzień dobry. Zapraszamy do Civitas, extranetu Związku, jako: ${ROLE_LABELS[input.role]} (${organisation.name}). Link jest ważny ${INVITATION_TTL_DAYS} dni i działa jeden raz.`,
          `Hello. You are invited to Civitas, the association's extranet, as ${ROLE_LABELS[input.role].split(' / ')[1]} (${organisation.name}). The link is valid for ${INVITATION_TTL_DAYS} days and works once.`,
        ],
        action: { label: 'Przyjmij zaproszenie / Accept the invitation', url },
      }),
    );
    return invitation;
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.usable(token, this.db.manager);
    const organisation = await this.organisation(invitation.organisationId);
    return {
      email: invitation.email,
      organisationName: organisation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Checks everything before writing anything: a refused acceptance leaves the invitation usable. */
  async accept(input: AcceptInvitationInput, client: ClientInfo): Promise<IssuedSession> {
    this.passwords.assertStrong(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    const outcome = await this.db.transaction(async (tx) => {
      let invitation: Invitation;
      try {
        invitation = await this.usable(input.token, tx, true);
      } catch (e) {
        return { error: e };
      }
      if (await tx.getRepository(User).existsBy({ email: invitation.email })) {
        return {
          error: conflict('This e-mail address already has a Civitas account; sign in instead'),
        };
      }
      const name = input.name.trim();
      const user = await tx.getRepository(User).save({
        email: invitation.email,
        passwordHash,
        name,
        nameFolded: foldForSearch(name),
        position: input.position.trim(),
        department: input.department?.trim() || null,
        role: invitation.role,
        isLegalOfficer: invitation.isLegalOfficer,
        organisationId: invitation.organisationId,
        locale: 'pl',
        sessionVersion: 0,
      });
      await tx
        .getRepository(Invitation)
        .update(invitation.id, { acceptedAt: new Date(), acceptedUserId: user.id });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
        },
        tx,
      );
      const fresh = await tx.getRepository(User).findOneByOrFail({ id: user.id });
      return { session: await this.sessions.start(fresh, client, tx) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  async list(actor: AuthUser, args: InvitationsArgs): Promise<Connection<Invitation>> {
    const scope = this.access.invitationScope(actor);
    const filtered = this.db.getRepository(Invitation).createQueryBuilder('i');
    if (scope.organisationId)
      filtered.andWhere('i.organisation_id = :org', { org: scope.organisationId });
    switch (args.status) {
      case InvitationStatus.PENDING:
        filtered.andWhere(
          'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()',
        );
        break;
      case InvitationStatus.ACCEPTED:
        filtered.andWhere('i.accepted_at IS NOT NULL');
        break;
      case InvitationStatus.REVOKED:
        filtered.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NOT NULL');
        break;
      case InvitationStatus.EXPIRED:
        filtered.andWhere(
          'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()',
        );
        break;
    }
    const page = filtered
      .clone()
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(args.first + 1);
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, 2);
      page.andWhere('(i.created_at, i.id) < (:createdAt, :id)', { createdAt, id });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return toConnection(rows, args.first, total, (i) => [i.createdAt.toISOString(), i.id]);
  }

  async revoke(actor: AuthUser, id: string): Promise<Invitation> {
    const scope = this.access.invitationScope(actor);
    return this.db.transaction(async (tx) => {
      const invitation = await tx.getRepository(Invitation).findOneBy({ id, ...scope });
      if (!invitation) throw notFound('Invitation');
      if (invitationStatus(invitation) !== InvitationStatus.PENDING) {
        throw conflict('Only a pending invitation can be revoked');
      }
      await tx.getRepository(Invitation).update(id, { revokedAt: new Date() });
      await this.audit.record(
        { actorId: actor.id, action: 'invitation.revoke', entityType: 'invitation', entityId: id },
        tx,
      );
      return tx.getRepository(Invitation).findOneByOrFail({ id });
    });
  }

  private async usable(token: string, manager: EntityManager, lock = false): Promise<Invitation> {
    const invitation = await manager.getRepository(Invitation).findOne({
      where: { tokenHash: hashSecretToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const status = invitation ? invitationStatus(invitation) : undefined;
    if (!invitation || status === InvitationStatus.REVOKED) {
      throw domainError(
        ErrorCode.TOKEN_INVALID,
        'This invitation link is not valid. Ask for a new invitation.',
      );
    }
    if (status === InvitationStatus.ACCEPTED) {
      throw domainError(
        ErrorCode.TOKEN_USED,
        'This invitation has already been accepted. Sign in instead.',
      );
    }
    if (status === InvitationStatus.EXPIRED) {
      throw domainError(ErrorCode.TOKEN_EXPIRED, 'This invitation has expired. Ask for a new one.');
    }
    return invitation;
  }

  private async organisation(id: string): Promise<OrganisationFacts> {
    const [organisation]: OrganisationFacts[] = await this.db.query(
      `SELECT id, name, kind, membership_status FROM organisation WHERE id = $1`,
      [id],
    );
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  /** Office roles belong to the office; city roles to member or candidate towns; guests to the rest. */
  private assertRoleFits(input: CreateInvitationInput, organisation: OrganisationFacts): void {
    const office = organisation.kind === OrganisationKind.ASSOCIATION_OFFICE;
    const memberLike = [MembershipStatus.MEMBER, MembershipStatus.CANDIDATE].includes(
      organisation.membership_status,
    );
    const problem =
      (input.role === Role.OFFICE_ADMIN || input.role === Role.EXPERT) && !office
        ? 'Office staff and experts are invited into the association office'
        : (input.role === Role.CITY_ADMIN || input.role === Role.CITY_OFFICIAL) &&
            (office || !memberLike)
          ? `${organisation.name} is not a member or candidate city; invite its people as guests`
          : input.role === Role.GUEST && (office || memberLike)
            ? 'Guests come from non-member towns'
            : input.isLegalOfficer &&
                input.role !== Role.CITY_OFFICIAL &&
                input.role !== Role.CITY_ADMIN
              ? 'Only city staff can be legal officers'
              : null;
    if (problem) throw badUserInput(problem, [{ field: 'role', problems: [problem] }]);
  }
}
