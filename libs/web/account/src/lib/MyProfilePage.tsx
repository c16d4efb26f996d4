import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ChangePasswordDocument,
  fieldProblems,
  MyProfileDocument,
  type MyProfileQuery,
  toApiProblem,
  UpdateMyProfileDocument,
  useSession,
} from '@civitas/web/data-access';
import {
  DescriptionList,
  ErrorAlert,
  ErrorSummary,
  isLanguage,
  LoadingState,
  Page,
  StatusMessage,
  summaryItems,
  useErrorText,
  useFormatters,
  PasswordField,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACCOUNT_NS } from './i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordErrors } from './password-form';

type Me = MyProfileQuery['me'];

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const session = useSession();
  const [name, setName] = useState(me.name);
  const [position, setPosition] = useState(me.position ?? '');
  const [department, setDepartment] = useState(me.department ?? '');
  const [phone, setPhone] = useState(me.phone ?? '');
  const [locale, setLocale] = useState(me.locale);
  const [nameError, setNameError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateMyProfileDocument);
  const problem = toApiProblem(error);
  const serverField = (field: string) => {
    const problems = fieldProblems(problem, field);
    return problems.length ? errorText.field(problems[0]) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const missing = name.trim() ? undefined : t('common:form.required');
    setNameError(missing);
    if (missing) return;
    try {
      const { data } = await update({
        variables: {
          input: {
            name: name.trim(),
            position: position.trim() || null,
            department: department.trim() || null,
            phone: phone.trim() || null,
            locale,
          },
        },
      });
      if (data) {
        session.updateUser(data.updateMyProfile);
        if (isLanguage(locale) && locale !== i18n.language) void i18n.changeLanguage(locale);
        setSaved(true);
      }
    } catch {
      // shown from `error`
    }
  }

  const fields: [string, string, string | undefined][] = [
    ['profile-name', t('profile.name'), nameError ?? serverField('name')],
    ['profile-position', t('profile.position'), serverField('position')],
    ['profile-department', t('profile.department'), serverField('department')],
    ['profile-phone', t('profile.phone'), serverField('phone')],
  ];
  const summary = summaryItems(fields);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="profile-details-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="profile-details-heading">
          {t('profile.details')}
        </Title>
        <ErrorSummary items={summary} />
        {problem && problem.code !== 'BAD_USER_INPUT' && (
          <ErrorAlert>{errorText.message(problem)}</ErrorAlert>
        )}
        {saved && <StatusMessage>{t('profile.saved')}</StatusMessage>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id="profile-name"
            label={t('profile.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields[0][2]}
          />
          <TextInput
            id="profile-position"
            label={t('profile.position')}
            autoComplete="organization-title"
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value)}
            error={fields[1][2]}
          />
          <TextInput
            id="profile-department"
            label={t('profile.department')}
            value={department}
            onChange={(e) => setDepartment(e.currentTarget.value)}
            error={fields[2][2]}
          />
          <TextInput
            id="profile-phone"
            label={t('profile.phone')}
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fields[3][2]}
          />
          <NativeSelect
            id="profile-locale"
            label={t('profile.locale')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value)}
            data={[
              { value: 'pl', label: t('profile.localePl') },
              { value: 'en', label: t('profile.localeEn') },
            ]}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={loading}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; password?: string; confirm?: string }>(
    {},
  );
  const [changed, setChanged] = useState(false);
  const [change, { loading, error }] = useMutation(ChangePasswordDocument);
  const problem = toApiProblem(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const found = {
      current: current ? undefined : t('common:form.required'),
      ...newPasswordErrors(t, password, confirm),
    };
    setErrors(found);
    if (found.current || found.password || found.confirm) return;
    try {
      const { data } = await change({
        variables: { input: { currentPassword: current, newPassword: password } },
      });
      if (data) {
        session.establish(data.changePassword);
        setCurrent('');
        setPassword('');
        setConfirm('');
        setChanged(true);
      }
    } catch {
      // shown from `error`
    }
  }

  const currentError =
    errors.current ??
    (problem?.code === 'INVALID_CREDENTIALS' ? t('profile.wrongCurrent') : undefined);
  const passwordError =
    errors.password ?? (problem?.code === 'WEAK_PASSWORD' ? errorText.message(problem) : undefined);
  const summary = summaryItems([
    ['change-current', t('profile.currentPassword'), currentError],
    ['change-password', t('profile.newPassword'), passwordError],
    ['change-confirm', t('profile.confirmPassword'), errors.confirm],
  ]);
  const otherProblem =
    problem && !['INVALID_CREDENTIALS', 'WEAK_PASSWORD'].includes(problem.code) ? problem : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="password-heading">
          {t('profile.passwordSection')}
        </Title>
        <Text size="sm">{t('profile.passwordIntro')}</Text>
        <ErrorSummary items={summary} />
        {otherProblem && <ErrorAlert>{errorText.message(otherProblem)}</ErrorAlert>}
        {changed && <StatusMessage>{t('profile.passwordChanged')}</StatusMessage>}
        <PasswordField
          id="change-current"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={currentError}
          maw={420}
        />
        <div style={{ maxWidth: 420 }}>
          <NewPasswordFields
            idPrefix="change"
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordLabel={t('profile.newPassword')}
            confirmLabel={t('profile.confirmPassword')}
            passwordError={passwordError}
            confirmError={errors.confirm}
          />
        </div>
        <Group>
          <Button type="submit" loading={loading}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MyProfilePage() {
  const { t } = useTranslation(ACCOUNT_NS);
  const errorText = useErrorText();
  const format = useFormatters();
  const { data, loading, error } = useQuery(MyProfileDocument);
  const problem = toApiProblem(error);
  const me = data?.me;

  return (
    <Page title={t('profile.title')}>
      {loading && !me && <LoadingState />}
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {me && (
        <>
          <Paper
            withBorder
            p="lg"
            radius="md"
            component="section"
            aria-labelledby="account-heading"
          >
            <Title order={2} size="h3" id="account-heading" mb="md">
              {t('profile.account')}
            </Title>
            <DescriptionList
              items={[
                {
                  label: t('profile.email'),
                  value: (
                    <>
                      {me.email}{' '}
                      <Anchor component={Link} to="/privacy">
                        {t('profile.emailChange')}
                      </Anchor>
                    </>
                  ),
                },
                { label: t('profile.role'), value: t(`common:role.${me.role}`) },
                { label: t('profile.organisation'), value: me.organisation.name },
                {
                  label: t('profile.legalOfficer'),
                  value: me.isLegalOfficer ? t('common:yes') : t('common:no'),
                },
                { label: t('profile.memberSince'), value: format.date(me.createdAt) },
              ]}
            />
          </Paper>
          <Paper withBorder p="lg" radius="md" component="section">
            <ProfileForm me={me} />
          </Paper>
          <Paper withBorder p="lg" radius="md" component="section">
            <ChangePasswordForm />
          </Paper>
        </>
      )}
    </Page>
  );
}
