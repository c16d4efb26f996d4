export { eventsTranslations, EVENTS_NS } from './lib/i18n';
export { EventsCalendarPage } from './lib/EventsCalendarPage';
export { EventPage } from './lib/EventPage';
export { EventFormPage } from './lib/EventFormPage';
