import { Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons, DialogFrame } from './DialogFrame';
import { ErrorAlert } from './feedback';

/**
 * A titled dialog that asks for a text — a reason, a message, a question, a comment — and
 * shows the API's answer inside until it succeeds. The text is trimmed; `validate` (or
 * `required`) refuses it before anything is sent, next to the field.
 */
export function TextDialog({
  opened,
  title,
  body,
  children,
  id,
  label,
  description,
  required = false,
  validate,
  maxLength,
  rows = 3,
  size,
  confirmLabel,
  onConfirm,
  onClose,
  loading = false,
  error,
  danger = false,
}: {
  opened: boolean;
  title: string;
  body?: string;
  /** Shown between the body and the field (e.g. a choice that goes with the text). */
  children?: ReactNode;
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  /** The problem with the trimmed text, or null when it may be sent. */
  validate?: (text: string) => string | null;
  maxLength?: number;
  rows?: number;
  size?: 'sm' | 'md' | 'lg';
  confirmLabel: string;
  onConfirm: (text: string) => void;
  onClose: () => void;
  loading?: boolean;
  /** The translated API problem of the last attempt. */
  error?: string | null;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setText('');
      setProblem(null);
    }
  }, [opened]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    const refusal =
      required && !trimmed ? t('common:form.required') : (validate?.(trimmed) ?? null);
    if (refusal) {
      setProblem(refusal);
      return;
    }
    onConfirm(trimmed);
  }

  return (
    <DialogFrame opened={opened} title={title} onClose={onClose} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {body && <Text>{body}</Text>}
          {children}
          {error && <ErrorAlert>{error}</ErrorAlert>}
          <Textarea
            id={id}
            label={label}
            description={description}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required={required}
            rows={rows}
            maxLength={maxLength}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setProblem(null);
            }}
            error={problem ?? undefined}
            data-autofocus
          />
          <DialogButtons
            onClose={onClose}
            confirmLabel={confirmLabel}
            loading={loading}
            danger={danger}
          />
        </Stack>
      </form>
    </DialogFrame>
  );
}
