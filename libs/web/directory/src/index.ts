export { directoryTranslations, DIRECTORY_NS } from './lib/i18n';
export { DirectoryPage } from './lib/DirectoryPage';
export { CityPage, type CityMembershipProps } from './lib/CityPage';
export { PeoplePage } from './lib/PeoplePage';
