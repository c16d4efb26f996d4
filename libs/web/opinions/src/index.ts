export { opinionsTranslations, OPINIONS_NS } from './lib/i18n';
export { OpinionsPage } from './lib/OpinionsPage';
export { RequestFormPage } from './lib/RequestFormPage';
export { RequestPage } from './lib/RequestPage';
export { TriagePage } from './lib/TriagePage';
export { DashboardPage as OpinionDashboardPage } from './lib/DashboardPage';
export { LibraryPage as OpinionLibraryPage } from './lib/LibraryPage';
export { PublishedOpinionPage } from './lib/PublishedOpinionPage';
