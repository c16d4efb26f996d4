import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptInvitationDocument,
  fieldProblems,
  InvitationPreviewDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  LoadingState,
  Page,
  type SummaryItem,
  useErrorText,
  useFormatters,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ACCOUNT_NS } from './i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordErrors } from './password-form';

interface Errors {
  name?: string;
  position?: string;
  department?: string;
  password?: string;
  confirm?: string;
}

export function AcceptInvitationPage({ afterAccept = '/cities' }: { afterAccept?: string }) {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const format = useFormatters();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  const preview = useQuery(InvitationPreviewDocument, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'network-only',
  });
  const [accept, acceptState] = useMutation(AcceptInvitationDocument);

  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [department, setDepartment] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const tokenMessages = {
    TOKEN_USED: t('invitation.used'),
    TOKEN_EXPIRED: t('invitation.expired'),
    TOKEN_INVALID: t('invitation.invalid'),
    CONFLICT: t('invitation.conflict'),
  };
  const previewProblem = toApiProblem(preview.error);
  const acceptProblem = toApiProblem(acceptState.error);
  const serverField = (field: string) => {
    const problems = fieldProblems(acceptProblem, field);
    return problems.length ? errorText.field(problems[0]) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const passwordErrors = newPasswordErrors(t, password, confirm);
    const found: Errors = {
      name: name.trim() ? undefined : t('common:form.required'),
      position: position.trim() ? undefined : t('common:form.required'),
      ...passwordErrors,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      const { data } = await accept({
        variables: {
          input: {
            token,
            name: name.trim(),
            position: position.trim(),
            department: department.trim() || null,
            password,
          },
        },
      });
      if (data) {
        session.establish(data.acceptInvitation);
        navigate(afterAccept, { replace: true });
      }
    } catch {
      // shown from acceptState.error
    }
  }

  const fieldError = (key: keyof Errors, serverName: string) =>
    errors[key] ?? serverField(serverName);
  const passwordError =
    errors.password ??
    (acceptProblem?.code === 'WEAK_PASSWORD'
      ? errorText.message(acceptProblem)
      : serverField('password'));
  const labels: Record<keyof Errors, string> = {
    name: t('invitation.name'),
    position: t('invitation.position'),
    department: t('invitation.department'),
    password: t('invitation.password'),
    confirm: t('invitation.confirm'),
  };
  const summary: SummaryItem[] = (Object.keys(labels) as (keyof Errors)[])
    .filter((k) => errors[k])
    .map((k) => ({ fieldId: `invitation-${k}`, message: `${labels[k]}: ${errors[k]}` }));

  let body;
  if (!token) {
    body = <ErrorAlert>{t('invitation.missingToken')}</ErrorAlert>;
  } else if (preview.loading) {
    body = <LoadingState label={t('invitation.loading')} />;
  } else if (previewProblem || !preview.data) {
    body = (
      <Stack>
        <ErrorAlert>
          {errorText.message(previewProblem ?? { code: 'UNKNOWN' }, tokenMessages)}
        </ErrorAlert>
        <Anchor component={Link} to="/sign-in">
          {t('invitation.signIn')}
        </Anchor>
      </Stack>
    );
  } else {
    const invitation = preview.data.invitationPreview;
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600}>
            {t('invitation.summary', {
              organisation: invitation.organisationName,
              role: t(`common:role.${invitation.role}`),
            })}
          </Text>
          <Text size="sm">
            {t('invitation.expires', { date: format.dateTime(invitation.expiresAt) })}
          </Text>
          <ErrorSummary items={summary} />
          {acceptProblem &&
            acceptProblem.code !== 'WEAK_PASSWORD' &&
            acceptProblem.code !== 'BAD_USER_INPUT' && (
              <ErrorAlert>
                {errorText.message(acceptProblem, tokenMessages)}{' '}
                {(acceptProblem.code === 'TOKEN_USED' || acceptProblem.code === 'CONFLICT') && (
                  <Anchor component={Link} to="/sign-in">
                    {t('invitation.signIn')}
                  </Anchor>
                )}
              </ErrorAlert>
            )}
          <TextInput
            id="invitation-email"
            label={t('invitation.email')}
            value={invitation.email}
            readOnly
            autoComplete="username"
          />
          <TextInput
            id="invitation-name"
            label={t('invitation.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name', 'name')}
          />
          <TextInput
            id="invitation-position"
            label={t('invitation.position')}
            autoComplete="organization-title"
            required
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value)}
            error={fieldError('position', 'position')}
          />
          <TextInput
            id="invitation-department"
            label={t('invitation.department')}
            value={department}
            onChange={(e) => setDepartment(e.currentTarget.value)}
            error={fieldError('department', 'department')}
          />
          <NewPasswordFields
            idPrefix="invitation"
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordLabel={t('invitation.password')}
            confirmLabel={t('invitation.confirm')}
            passwordError={passwordError}
            confirmError={errors.confirm}
          />
          <Button type="submit" loading={acceptState.loading}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Page title={t('invitation.title')} narrow>
      <Paper withBorder p="xl" radius="md">
        {body}
      </Paper>
    </Page>
  );
}
