export { positionsTranslations, POSITIONS_NS } from './lib/i18n';
export { LibraryPage } from './lib/LibraryPage';
export { PositionPage } from './lib/PositionPage';
export { PositionFormPage } from './lib/PositionFormPage';
export { ConsultationsPage } from './lib/ConsultationsPage';
export { ConsultationPage } from './lib/ConsultationPage';
export { ConsultationFormPage } from './lib/ConsultationFormPage';
