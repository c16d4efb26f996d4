import { Button, Group, Input, Stack } from '@mantine/core';
import { LOGO_MAX_BYTES } from '@civitas/shared/domain';
import {
  type ApiProblem,
  problemFromResponse,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from './i18n';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Upload or remove the city's logo through the REST route (multipart field `logo`). */
export function LogoManager({
  organisationId,
  hasLogo,
  onChanged,
}: {
  organisationId: string;
  hasLogo: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const errorText = useErrorText();
  const session = useSession();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sizeKb = Math.round(LOGO_MAX_BYTES / 1024);
  const url = `/api/organisations/${encodeURIComponent(organisationId)}/logo`;

  async function send(init: RequestInit, success: string) {
    setBusy(true);
    setProblem(null);
    setStatus(undefined);
    try {
      const response = await session.fetch(url, init);
      if (!response.ok) {
        setProblem(problemFromResponse(response.status, await response.text()));
        return;
      }
      await onChanged();
      setStatus(success);
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const invalid = !file
      ? t('city.logoMissing')
      : !LOGO_TYPES.includes(file.type)
        ? t('city.logoWrongType')
        : file.size > LOGO_MAX_BYTES
          ? t('city.logoTooBig', { size: sizeKb })
          : undefined;
    setFieldError(invalid);
    if (invalid || !file) {
      fileRef.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('logo', file);
    await send({ method: 'POST', body }, t('city.logoUploaded'));
  }

  return (
    <form onSubmit={upload} noValidate aria-label={t('city.logo')}>
      <Stack gap="sm">
        {problem && <ErrorAlert>{errorText.message(problem)}</ErrorAlert>}
        {status && <StatusMessage>{status}</StatusMessage>}
        <Input.Wrapper
          label={t('city.logoFile', { size: sizeKb })}
          error={fieldError}
          id="logo-file"
        >
          <input
            ref={fileRef}
            id="logo-file"
            type="file"
            accept={LOGO_TYPES.join(',')}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'logo-file-error' : undefined}
            style={{ display: 'block', marginTop: 4 }}
            onChange={() => setFieldError(undefined)}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" loading={busy} variant="default">
            {t('city.uploadLogo')}
          </Button>
          {hasLogo && (
            <Button
              type="button"
              color="red.9"
              variant="outline"
              disabled={busy}
              onClick={() => void send({ method: 'DELETE' }, t('city.logoRemoved'))}
            >
              {t('city.removeLogo')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
