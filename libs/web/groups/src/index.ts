export { groupsTranslations, GROUPS_NS } from './lib/i18n';
export { GroupsPage } from './lib/GroupsPage';
export { GroupPage } from './lib/GroupPage';
export { CreateGroupPage } from './lib/CreateGroupPage';
export { ThreadPage } from './lib/ThreadPage';
