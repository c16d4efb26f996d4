import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { CITY_ADMIN_INVITABLE_ROLES, Permission, Role } from '@civitas/shared/domain';
import {
  CreateInvitationDocument,
  fieldProblems,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  looksLikeEmail,
  StatusMessage,
  summaryItems,
  useErrorText,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_NS } from './i18n';
import { invitationRoleProblem, invitationRuleFromServer } from './invitation-rules';
import { OrganisationPicker, type PickedOrganisation } from './OrganisationPicker';

const ALL_ROLES: Role[] = [
  Role.CITY_OFFICIAL,
  Role.CITY_ADMIN,
  Role.OFFICE_ADMIN,
  Role.EXPERT,
  Role.GUEST,
];

interface Errors {
  email?: string;
  organisation?: string;
  role?: string;
}

export function InvitationForm() {
  const { t } = useTranslation(ADMIN_NS);
  const errorText = useErrorText();
  const session = useSession();
  const anyOrganisation = session.can(Permission.INVITATION_CREATE_ANY);
  const roles = anyOrganisation ? ALL_ROLES : [...CITY_ADMIN_INVITABLE_ROLES];

  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState<PickedOrganisation | null>(null);
  const [role, setRole] = useState<Role>(roles[0]);
  const [legalOfficer, setLegalOfficer] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [sentTo, setSentTo] = useState<string>();
  const [create, { loading, error, reset }] = useMutation(CreateInvitationDocument, {
    refetchQueries: ['Invitations'],
  });
  const problem = toApiProblem(error);
  const cityRole = role === Role.CITY_ADMIN || role === Role.CITY_OFFICIAL;

  const serverRoleProblem = fieldProblems(problem, 'role')[0];
  const serverRule = serverRoleProblem ? invitationRuleFromServer(serverRoleProblem) : null;
  const serverEmail = fieldProblems(problem, 'email')[0];
  const roleError =
    errors.role ??
    (serverRule
      ? t(`invitations.${serverRule}`)
      : serverRoleProblem
        ? errorText.field(serverRoleProblem)
        : undefined);
  const emailError = errors.email ?? (serverEmail ? errorText.field(serverEmail) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(undefined);
    reset();
    const target = anyOrganisation ? organisation : null;
    const rule = invitationRoleProblem(role, legalOfficer && cityRole, target);
    const found: Errors = {
      email: !email.trim()
        ? t('common:form.required')
        : !looksLikeEmail(email)
          ? t('common:form.invalidEmail')
          : undefined,
      organisation: anyOrganisation && !organisation ? t('common:form.required') : undefined,
      role: rule ? t(`invitations.${rule}`) : undefined,
    };
    setErrors(found);
    if (found.email || found.organisation || found.role) return;
    const organisationId = anyOrganisation ? organisation!.id : session.user!.organisationId;
    try {
      await create({
        variables: {
          input: {
            email: email.trim(),
            organisationId,
            role,
            isLegalOfficer: legalOfficer && cityRole,
          },
        },
      });
      setSentTo(email.trim());
      setEmail('');
      setLegalOfficer(false);
    } catch {
      // shown from `error`
    }
  }

  const summary = summaryItems([
    ['invite-email', t('invitations.email'), emailError],
    ['invite-organisation', t('invitations.organisation'), errors.organisation],
    ['invite-role', t('invitations.role'), roleError],
  ]);
  const generalProblem =
    problem && !(problem.code === 'BAD_USER_INPUT' && problem.fields.length) ? problem : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <Stack gap="md">
        <ErrorSummary items={summary} />
        {generalProblem && (
          <ErrorAlert>
            {errorText.message(generalProblem, { CONFLICT: t('invitations.conflict') })}
          </ErrorAlert>
        )}
        {sentTo && <StatusMessage>{t('invitations.sent', { email: sentTo })}</StatusMessage>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            id="invite-email"
            label={t('invitations.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          {anyOrganisation ? (
            <OrganisationPicker
              id="invite-organisation"
              value={organisation}
              onChange={(o) => {
                setOrganisation(o);
                setErrors((e) => ({ ...e, organisation: undefined, role: undefined }));
              }}
              error={errors.organisation}
            />
          ) : (
            <TextInput
              id="invite-organisation"
              label={t('invitations.organisation')}
              description={t('invitations.organisationFixed')}
              value={session.user?.organisation.name ?? ''}
              readOnly
            />
          )}
          <NativeSelect
            id="invite-role"
            label={t('invitations.role')}
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as Role);
              setErrors((x) => ({ ...x, role: undefined }));
            }}
            data={roles.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
            error={roleError}
          />
          <Checkbox
            id="invite-legal-officer"
            mt={{ base: 0, md: 'xl' }}
            label={t('invitations.legalOfficer')}
            description={cityRole ? undefined : t('invitations.legalOfficerHint')}
            checked={legalOfficer && cityRole}
            disabled={!cityRole}
            onChange={(e) => setLegalOfficer(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={loading}>
            {t('invitations.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
