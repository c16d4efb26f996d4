import { Stack } from '@mantine/core';
import { PasswordHints, PasswordField } from '@civitas/web/ui';

/** A new password with its live rule checklist as its description, and the confirmation. */
export function NewPasswordFields({
  idPrefix,
  password,
  confirm,
  onPassword,
  onConfirm,
  passwordLabel,
  confirmLabel,
  passwordError,
  confirmError,
}: {
  idPrefix: string;
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  passwordLabel: string;
  confirmLabel: string;
  passwordError?: string;
  confirmError?: string;
}) {
  return (
    <Stack gap="sm">
      <PasswordField
        id={`${idPrefix}-password`}
        label={passwordLabel}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={passwordError}
        description={<PasswordHints password={password} />}
        descriptionProps={{ component: 'div' }}
        inputWrapperOrder={['label', 'input', 'error', 'description']}
      />
      <PasswordField
        id={`${idPrefix}-confirm`}
        label={confirmLabel}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={confirmError}
      />
    </Stack>
  );
}
