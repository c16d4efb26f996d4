import './lib/civitas.css';

export * from './lib/CivitasUiProvider';
export * from './lib/theme';
export * from './lib/errors';
export * from './lib/i18n/create-i18n';
export * from './lib/i18n/format';
export * from './lib/i18n/types';
export { commonPl, type CommonTexts } from './lib/i18n/common.pl';
export { commonEn } from './lib/i18n/common.en';
export * from './lib/components/AppLayout';
export * from './lib/components/DescriptionList';
export * from './lib/components/feedback';
export * from './lib/components/LanguageSwitch';
export * from './lib/components/Page';
export * from './lib/components/PasswordHints';
export * from './lib/validators';
export * from './lib/components/PasswordField';
export * from './lib/components/ConfirmDialog';
