import { Alert, Badge, Button, Center, Group, List, Loader, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_COLORS, MEMBERSHIP_COLORS } from '../theme';

/** An error the person must notice: announced at once (role="alert"). */
export function ErrorAlert({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="outline" title={title ?? t('common:errors.title')} role="alert">
      <Text size="sm" c="gray.9">
        {children}
      </Text>
    </Alert>
  );
}

/** A success or progress message, announced politely (role="status"). */
export function StatusMessage({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <Alert color="green" variant="outline" title={title} role="status" aria-live="polite">
      <Text size="sm" c="gray.9">
        {children}
      </Text>
    </Alert>
  );
}

export interface SummaryItem {
  /** The id of the input the message is about. */
  fieldId: string;
  message: string;
}

/**
 * The {@link ErrorSummary} items of a form, in field order: one `label: error` line
 * for every `[fieldId, label, error]` whose error is set.
 */
export function summaryItems(
  fields: readonly (readonly [fieldId: string, label: string, error: string | null | undefined])[],
): SummaryItem[] {
  return fields
    .filter(([, , error]) => error)
    .map(([fieldId, label, error]) => ({ fieldId, message: `${label}: ${error}` }));
}

/**
 * Lists every problem of a submitted form with links to the fields, and takes focus
 * when it appears so keyboard and screen-reader users start from it.
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => `${i.fieldId}:${i.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!items.length) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <Alert color="red" variant="outline">
        <Text fw={700} id="error-summary-title" mb="xs" c="gray.9">
          {t('common:form.errorSummaryTitle')}
        </Text>
        <List size="sm">
          {items.map((item) => (
            <List.Item key={`${item.fieldId}-${item.message}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(item.fieldId)?.focus();
                }}
              >
                {item.message}
              </a>
            </List.Item>
          ))}
        </List>
      </Alert>
    </div>
  );
}

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{label ?? t('common:app.loading')}</Text>
      </Group>
    </Center>
  );
}

export function LoadMoreButton({
  onClick,
  loading,
  hasMore,
}: {
  onClick: () => void;
  loading: boolean;
  hasMore: boolean;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" onClick={onClick} loading={loading} aria-busy={loading}>
        {t('common:actions.loadMore')}
      </Button>
    </Center>
  );
}

/** A status as a filled badge that never truncates; unknown statuses are grey. */
function StatusBadge({ color, children }: { color: string | undefined; children: ReactNode }) {
  return (
    <Badge
      color={color ?? '#5f6670'}
      variant="filled"
      radius="sm"
      tt="none"
      size="md"
      style={{ minWidth: 'max-content' }}
    >
      {children}
    </Badge>
  );
}

export function MembershipBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={MEMBERSHIP_COLORS[status]}>
      {t(`common:membershipStatus.${status}`)}
    </StatusBadge>
  );
}

export function InvitationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={INVITATION_COLORS[status]}>
      {t(`common:invitationStatus.${status}`)}
    </StatusBadge>
  );
}
