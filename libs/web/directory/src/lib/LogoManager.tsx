import { Button, FileInput, Group, Stack } from '@mantine/core';
import { LOGO_MAX_BYTES } from '@civitas/shared/domain';
import {
  type ApiProblem,
  problemFromResponse,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import { ErrorAlert, StatusMessage, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
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
  const [file, setFile] = useState<File | null>(null);
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
      setFile(null);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    const invalid = !file
      ? t('city.logoMissing')
      : !LOGO_TYPES.includes(file.type)
        ? t('city.logoWrongType')
        : file.size > LOGO_MAX_BYTES
          ? t('city.logoTooBig', { size: sizeKb })
          : undefined;
    setFieldError(invalid);
    if (invalid || !file) {
      document.getElementById('logo-file')?.focus();
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
        <FileInput
          id="logo-file"
          label={t('city.logoFile', { size: sizeKb })}
          placeholder={t('city.chooseFile')}
          accept={LOGO_TYPES.join(',')}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setFieldError(undefined);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('city.clearFile') }}
          error={fieldError}
          maw={420}
        />
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
