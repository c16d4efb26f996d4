import { passwordProblems } from '@civitas/shared/domain';
import type { TFunction } from 'i18next';

/** Client-side checks of a new password and its confirmation, before the server's. */
export function newPasswordErrors(
  t: TFunction,
  password: string,
  confirm: string,
): { password?: string; confirm?: string } {
  return {
    password: !password
      ? t('common:form.required')
      : passwordProblems(password).length
        ? t('common:errors.WEAK_PASSWORD')
        : undefined,
    confirm: !confirm
      ? t('common:form.required')
      : confirm !== password
        ? t('common:form.passwordsDiffer')
        : undefined,
  };
}
