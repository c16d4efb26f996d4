import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { MembershipStatus, OrganisationKind, Permission } from '@civitas/shared/domain';
import {
  ChangeMembershipDocument,
  fieldProblems,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ErrorAlert,
  ErrorSummary,
  StatusMessage,
  summaryItems,
  useErrorText,
} from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_NS } from './i18n';

export interface MembershipEditorProps {
  organisation: {
    id: string;
    name: string;
    kind: OrganisationKind;
    membershipStatus: MembershipStatus;
    accessionDate: string | null;
    membershipResolution: string | null;
  };
}

const STATUSES = Object.values(MembershipStatus);

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** For MEMBERSHIP_MANAGE (the office): change a town's status, accession date and resolution. */
export function MembershipEditor({ organisation }: MembershipEditorProps) {
  const { t } = useTranslation(ADMIN_NS);
  const errorText = useErrorText();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<MembershipStatus>(organisation.membershipStatus);
  const [accessionDate, setAccessionDate] = useState(organisation.accessionDate ?? '');
  const [resolution, setResolution] = useState(organisation.membershipResolution ?? '');
  const [errors, setErrors] = useState<{ accessionDate?: string; resolution?: string }>({});
  const [saved, setSaved] = useState(false);
  const [change, { loading, error }] = useMutation(ChangeMembershipDocument);
  const problem = toApiProblem(error);

  if (
    !session.can(Permission.MEMBERSHIP_MANAGE) ||
    organisation.kind === OrganisationKind.ASSOCIATION_OFFICE
  ) {
    return null;
  }

  const member = status === MembershipStatus.MEMBER;
  const serverDate = fieldProblems(problem, 'accessionDate')[0];
  const serverResolution = fieldProblems(problem, 'resolutionNumber')[0];
  const dateError =
    errors.accessionDate ??
    (serverDate
      ? /future/.test(serverDate)
        ? t('membership.futureDate')
        : errorText.field(serverDate)
      : undefined);
  const resolutionError =
    errors.resolution ?? (serverResolution ? errorText.field(serverResolution) : undefined);

  function start() {
    setStatus(organisation.membershipStatus);
    setAccessionDate(organisation.accessionDate ?? '');
    setResolution(organisation.membershipResolution ?? '');
    setErrors({});
    setSaved(false);
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = member
      ? {
          accessionDate: !accessionDate
            ? t('common:form.required')
            : !/^\d{4}-\d{2}-\d{2}$/.test(accessionDate)
              ? t('common:errors.field.date')
              : accessionDate > today()
                ? t('membership.futureDate')
                : undefined,
          resolution: resolution.trim() ? undefined : t('common:form.required'),
        }
      : {};
    setErrors(found);
    if (found.accessionDate || found.resolution) return;
    try {
      await change({
        variables: {
          id: organisation.id,
          input: member
            ? { status, accessionDate, resolutionNumber: resolution.trim() }
            : { status, accessionDate: null, resolutionNumber: null },
        },
      });
      setOpen(false);
      setSaved(true);
    } catch {
      // shown from `error`
    }
  }

  const summary = summaryItems([
    ['membership-date', t('membership.accessionDate'), dateError],
    ['membership-resolution', t('membership.resolution'), resolutionError],
  ]);

  return (
    <Stack mt="lg" gap="sm">
      {saved && <StatusMessage>{t('membership.saved')}</StatusMessage>}
      {!open ? (
        <Group>
          <Button variant="default" onClick={start}>
            {t('membership.edit')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="membership-heading">
          <Stack gap="md">
            <Title order={3} size="h4" id="membership-heading">
              {t('membership.title')}
            </Title>
            <ErrorSummary items={summary} />
            {problem && !summary.length && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                id="membership-status"
                label={t('membership.status')}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as MembershipStatus)}
                data={STATUSES.map((s) => ({ value: s, label: t(`common:membershipStatus.${s}`) }))}
              />
              <TextInput
                id="membership-date"
                type="date"
                label={t('membership.accessionDate')}
                required={member}
                disabled={!member}
                max={today()}
                value={member ? accessionDate : ''}
                onChange={(e) => setAccessionDate(e.currentTarget.value)}
                error={member ? dateError : undefined}
              />
              <TextInput
                id="membership-resolution"
                label={t('membership.resolution')}
                description={t('membership.resolutionHint')}
                required={member}
                disabled={!member}
                value={member ? resolution : ''}
                onChange={(e) => setResolution(e.currentTarget.value)}
                error={member ? resolutionError : undefined}
              />
            </SimpleGrid>
            {member && <Text size="sm">{t('membership.memberFieldsHint')}</Text>}
            <Group>
              <Button type="submit" loading={loading}>
                {t('membership.save')}
              </Button>
              <Button type="button" variant="default" onClick={() => setOpen(false)}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
