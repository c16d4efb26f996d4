export { accountTranslations, ACCOUNT_NS } from './lib/i18n';
export { SignInPage } from './lib/SignInPage';
export { ForgotPasswordPage } from './lib/ForgotPasswordPage';
export { ResetPasswordPage } from './lib/ResetPasswordPage';
export { AcceptInvitationPage } from './lib/AcceptInvitationPage';
export { MyProfilePage } from './lib/MyProfilePage';
