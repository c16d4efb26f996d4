import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import {
  fieldProblems,
  toApiProblem,
  UpdateOrganisationProfileDocument,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  looksLikeEmail,
  summaryItems,
  useErrorText,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from './i18n';

export interface ContactDetails {
  address: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
}

type Field = keyof ContactDetails;
const FIELDS: Field[] = ['address', 'website', 'phone', 'email'];

/** The city's contact profile, for the office and the city's own administrator. */
export function ContactForm({
  organisationId,
  initial,
  onDone,
  onCancel,
}: {
  organisationId: string;
  initial: ContactDetails;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<Field, string>>({
    address: initial.address ?? '',
    website: initial.website ?? '',
    phone: initial.phone ?? '',
    email: initial.email ?? '',
  });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [save, { loading, error }] = useMutation(UpdateOrganisationProfileDocument);
  const problem = toApiProblem(error);

  const errorOf = (field: Field) => {
    if (clientErrors[field]) return clientErrors[field];
    const problems = fieldProblems(problem, field);
    return problems.length ? errorText.field(problems[0]) : undefined;
  };
  const labels: Record<Field, string> = {
    address: t('city.address'),
    website: t('city.website'),
    phone: t('city.phone'),
    email: t('city.email'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (values.email.trim() && !looksLikeEmail(values.email))
      found.email = t('common:form.invalidEmail');
    if (values.website.trim() && !/^https?:\/\/\S+\.\S+/.test(values.website.trim())) {
      found.website = t('common:errors.field.url');
    }
    setClientErrors(found);
    if (Object.keys(found).length) return;
    try {
      await save({
        variables: {
          id: organisationId,
          input: Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || null])),
        },
      });
      onDone();
    } catch {
      // shown from `error`
    }
  }

  const summary = summaryItems(FIELDS.map((f) => [`contact-${f}`, labels[f], errorOf(f)] as const));
  /** What every field of the form shares: its id, label, value and error. */
  const fieldProps = (field: Field) => ({
    id: `contact-${field}`,
    label: labels[field],
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: errorOf(field),
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('city.editContact')}>
      <Stack gap="md">
        <ErrorSummary items={summary} />
        {problem && problem.code !== 'BAD_USER_INPUT' && (
          <ErrorAlert>{errorText.message(problem)}</ErrorAlert>
        )}
        <Textarea {...fieldProps('address')} autosize minRows={2} autoComplete="street-address" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            {...fieldProps('website')}
            description={t('city.websiteHint')}
            type="url"
            autoComplete="url"
          />
          <TextInput {...fieldProps('phone')} type="tel" autoComplete="tel" />
          <TextInput {...fieldProps('email')} type="email" autoComplete="email" />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={loading}>
            {t('common:actions.save')}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
