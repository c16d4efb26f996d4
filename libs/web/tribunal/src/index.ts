export { tribunalTranslations, TRIBUNAL_NS } from './lib/i18n';
export { TribunalCasesPage } from './lib/TribunalCasesPage';
export { TribunalCasePage } from './lib/TribunalCasePage';
export { TribunalDeadlinesPage } from './lib/TribunalDeadlinesPage';
export { TribunalNewCasePage } from './lib/TribunalNewCasePage';
export { TribunalCalendarPage } from './lib/TribunalCalendarPage';
