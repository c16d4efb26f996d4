export { adminTranslations, ADMIN_NS } from './lib/i18n';
export { InvitationsPage } from './lib/InvitationsPage';
export { MembershipEditor, type MembershipEditorProps } from './lib/MembershipEditor';
export { invitationRoleProblem, type InvitationRule } from './lib/invitation-rules';
