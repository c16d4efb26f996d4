export { practicesTranslations, PRACTICES_NS } from './lib/i18n';
export { SearchPage as PracticeSearchPage } from './lib/SearchPage';
export { PracticePage } from './lib/PracticePage';
export { PracticeFormPage } from './lib/PracticeFormPage';
export {
  BookmarksPage as PracticeBookmarksPage,
  MyPracticesPage,
  ReviewQueuePage as PracticeReviewQueuePage,
} from './lib/ListsPages';
export { AreasPage as PracticeAreasPage } from './lib/AreasPage';
