import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  type ApiProblem,
  CreatePracticeAreaDocument,
  DeletePracticeAreaDocument,
  ManagedPracticeAreasDocument,
  type PracticeAreaItemFragment,
  ReorderPracticeAreasDocument,
  toApiProblem,
  UpdatePracticeAreaDocument,
} from '@civitas/web/data-access';
import { ConfirmDialog, ErrorAlert, LoadingState, Page, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRACTICES_NS } from './i18n';

const CODE = /^[A-Z][A-Z_]{1,39}$/;
const REFETCH = { refetchQueries: ['ManagedPracticeAreas', 'PracticeAreas'] };

/** A code from a name: "Gospodarka wodna" → GOSPODARKA_WODNA (the office may change it). */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

interface AreaFields {
  code: string;
  name: string;
  nameEn: string;
}

/** The form's own checks: required names, a code the API takes. */
function check(v: AreaFields, withCode: boolean): Partial<Record<keyof AreaFields, string>> {
  const errors: Partial<Record<keyof AreaFields, string>> = {};
  if (withCode && !CODE.test(v.code)) errors.code = 'codeInvalid';
  if (!v.name.trim()) errors.name = 'required';
  if (!v.nameEn.trim()) errors.nameEn = 'required';
  return errors;
}

/** Name fields (and the code for a new area), with their messages; a CONFLICT is the name's. */
function AreaForm({
  idPrefix,
  initial,
  withCode,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: AreaFields;
  withCode: boolean;
  submitLabel: string;
  onSubmit: (v: AreaFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const [v, setV] = useState(initial);
  const [codeTouched, setCodeTouched] = useState(!withCode || !!initial.code);
  const [shown, setShown] = useState<Partial<Record<keyof AreaFields, string>>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const errors = check(v, withCode);
    setShown(errors);
    const first = (['code', 'name', 'nameEn'] as const).find((f) => errors[f]);
    if (first) {
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ code: v.code, name: v.name.trim(), nameEn: v.nameEn.trim() });
      if (withCode) {
        setV({ code: '', name: '', nameEn: '' });
        setCodeTouched(false);
      }
    } catch (err) {
      const p = toApiProblem(err);
      setProblem(p);
      if (p?.code === 'CONFLICT') document.getElementById(`${idPrefix}-name`)?.focus();
    } finally {
      setBusy(false);
    }
  }
  const message = (f: keyof AreaFields) => {
    if (shown[f]) return t(`areas.${shown[f]}`);
    if (problem?.code === 'CONFLICT' && f === 'name') return t('areas.conflict');
    const api =
      problem?.code === 'BAD_USER_INPUT' && problem.fields.find((x) => x.field.endsWith(f));
    return api ? errorText.field(api.problems[0] ?? '') : undefined;
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start" grow>
          <TextInput
            id={`${idPrefix}-name`}
            label={t('areas.name')}
            withAsterisk
            maxLength={100}
            value={v.name}
            error={message('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setV((x) => ({ ...x, name, code: codeTouched ? x.code : codeFromName(name) }));
            }}
          />
          <TextInput
            id={`${idPrefix}-nameEn`}
            label={t('areas.nameEn')}
            withAsterisk
            maxLength={100}
            value={v.nameEn}
            error={message('nameEn')}
            onChange={(e) => {
              const nameEn = e.currentTarget.value;
              setV((x) => ({ ...x, nameEn }));
            }}
          />
          {withCode && (
            <TextInput
              id={`${idPrefix}-code`}
              label={t('areas.code')}
              description={t('areas.codeHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              withAsterisk
              maxLength={40}
              value={v.code}
              error={message('code')}
              onChange={(e) => {
                const code = e.currentTarget.value.toUpperCase();
                setCodeTouched(true);
                setV((x) => ({ ...x, code }));
              }}
            />
          )}
        </Group>
        {problem && problem.code !== 'CONFLICT' && problem.code !== 'BAD_USER_INPUT' && (
          <ErrorAlert>{errorText.message(problem)}</ErrorAlert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('practice.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/**
 * `/practices/areas`: the office keeps the list of areas — adds, renames, moves up and down,
 * retires (kept on old practices, not offered for new ones) or restores, and deletes an area
 * no practice uses (the API refuses the rest with CONFLICT).
 */
export function AreasPage() {
  const { t } = useTranslation(PRACTICES_NS);
  const errorText = useErrorText();
  const { data, loading, error } = useQuery(ManagedPracticeAreasDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [create] = useMutation(CreatePracticeAreaDocument, REFETCH);
  const [update] = useMutation(UpdatePracticeAreaDocument, REFETCH);
  const [reorder] = useMutation(ReorderPracticeAreasDocument, REFETCH);
  const [remove, removing] = useMutation(DeletePracticeAreaDocument, REFETCH);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PracticeAreaItemFragment | null>(null);
  const [announce, setAnnounce] = useState('');
  const [failure, setFailure] = useState('');
  const areas = data?.practiceAreas ?? [];
  const fail = (e: unknown, overrides?: Partial<Record<string, string>>) => {
    const p = toApiProblem(e);
    setFailure(p ? errorText.message(p, overrides) : String(e));
  };
  const input = (a: PracticeAreaItemFragment, over: Partial<PracticeAreaItemFragment> = {}) => {
    const x = { ...a, ...over };
    return { code: x.code, name: x.name, nameEn: x.nameEn, position: x.position, active: x.active };
  };

  async function move(index: number, by: -1 | 1) {
    setFailure('');
    const codes = areas.map((a) => a.code);
    const [code] = codes.splice(index, 1);
    codes.splice(index + by, 0, code);
    try {
      await reorder({ variables: { codes } });
      const a = areas[index];
      setAnnounce(t('areas.moved', { name: a.name, n: index + by + 1, total: codes.length }));
      // The button pressed may now be gone (first or last): keep focus on the row's other one.
      const again = document.getElementById(`area-${code}-${by < 0 ? 'up' : 'down'}`);
      const other = document.getElementById(`area-${code}-${by < 0 ? 'down' : 'up'}`);
      ((again as HTMLButtonElement | null)?.disabled ? other : again)?.focus();
    } catch (e) {
      fail(e);
    }
  }
  async function setActive(a: PracticeAreaItemFragment, active: boolean) {
    setFailure('');
    try {
      await update({ variables: { input: input(a, { active }) } });
      setAnnounce(t(active ? 'areas.restored' : 'areas.retired', { name: a.name }));
    } catch (e) {
      fail(e);
    }
  }
  async function confirmDelete() {
    if (!deleting) return;
    setFailure('');
    try {
      await remove({ variables: { code: deleting.code } });
      setAnnounce(t('areas.deleted', { name: deleting.name }));
    } catch (e) {
      fail(e, { CONFLICT: t('areas.deleteConflict', { name: deleting.name }) });
    } finally {
      setDeleting(null);
    }
  }

  const problem = error ? toApiProblem(error) : null;
  return (
    <Page title={t('areas.title')}>
      <Text>{t('areas.intro')}</Text>
      {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      <div role="status" aria-live="polite">
        {announce}
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {areas.map((a, i) => (
          <li key={a.code}>
            <Paper withBorder p="md" radius="md">
              {editing === a.code ? (
                <AreaForm
                  idPrefix={`area-${a.code}-edit`}
                  initial={{ code: a.code, name: a.name, nameEn: a.nameEn }}
                  withCode={false}
                  submitLabel={t('areas.save')}
                  onCancel={() => {
                    setEditing(null);
                    requestAnimationFrame(() =>
                      document.getElementById(`area-${a.code}-rename`)?.focus(),
                    );
                  }}
                  onSubmit={async (v) => {
                    await update({
                      variables: { input: input(a, { name: v.name, nameEn: v.nameEn }) },
                    });
                    setEditing(null);
                    setAnnounce(t('areas.renamed', { name: v.name }));
                  }}
                />
              ) : (
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start">
                    <div>
                      <Title order={2} size="h4">
                        {a.name}
                      </Title>
                      <Text size="sm" lang="en">
                        {a.nameEn}
                      </Text>
                      <Text size="sm" c="gray.7">
                        {`${a.code} · ${t('areas.used', { count: a.practiceCount ?? 0 })}`}
                      </Text>
                    </div>
                    {!a.active && (
                      <Badge color="#5f6670" variant="filled" radius="sm" tt="none">
                        {t('areas.retiredBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Group gap="xs">
                    <Button
                      id={`area-${a.code}-rename`}
                      size="xs"
                      variant="default"
                      aria-label={t('areas.renameOf', { name: a.name })}
                      onClick={() => {
                        setEditing(a.code);
                        requestAnimationFrame(() =>
                          document.getElementById(`area-${a.code}-edit-name`)?.focus(),
                        );
                      }}
                    >
                      {t('areas.rename')}
                    </Button>
                    <Button
                      id={`area-${a.code}-up`}
                      size="xs"
                      variant="default"
                      disabled={i === 0}
                      aria-label={t('areas.upOf', { name: a.name })}
                      onClick={() => void move(i, -1)}
                    >
                      {t('areas.up')}
                    </Button>
                    <Button
                      id={`area-${a.code}-down`}
                      size="xs"
                      variant="default"
                      disabled={i === areas.length - 1}
                      aria-label={t('areas.downOf', { name: a.name })}
                      onClick={() => void move(i, 1)}
                    >
                      {t('areas.down')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t(a.active ? 'areas.retireOf' : 'areas.restoreOf', {
                        name: a.name,
                      })}
                      onClick={() => void setActive(a, !a.active)}
                    >
                      {t(a.active ? 'areas.retire' : 'areas.restore')}
                    </Button>
                    {a.practiceCount === 0 ? (
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        aria-label={t('areas.deleteOf', { name: a.name })}
                        onClick={() => setDeleting(a)}
                      >
                        {t('areas.delete')}
                      </Button>
                    ) : (
                      <Text size="sm">{t('areas.inUse')}</Text>
                    )}
                  </Group>
                </Stack>
              )}
            </Paper>
          </li>
        ))}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="area-new-heading">
        <Title order={2} size="h3" id="area-new-heading">
          {t('areas.add')}
        </Title>
        <AreaForm
          idPrefix="area-new"
          initial={{ code: '', name: '', nameEn: '' }}
          withCode
          submitLabel={t('areas.addSubmit')}
          onSubmit={async (v) => {
            const last = areas.reduce((m, a) => Math.max(m, a.position), 0);
            await create({ variables: { input: { ...v, position: last + 10, active: true } } });
            setAnnounce(t('areas.added', { name: v.name }));
          }}
        />
      </Stack>
      <ConfirmDialog
        opened={!!deleting}
        title={t('areas.deleteTitle')}
        body={t('areas.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('areas.delete')}
        danger
        loading={removing.loading}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />
    </Page>
  );
}
