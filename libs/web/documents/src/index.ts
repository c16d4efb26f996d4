export { documentsTranslations, DOCUMENTS_NS } from './lib/i18n';
export { GroupLibraryPage } from './lib/GroupLibraryPage';
export { DocumentPage } from './lib/DocumentPage';
