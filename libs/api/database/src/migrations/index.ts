import { Foundation1764230000000 } from './1764230000000-Foundation';
import { WorkingGroups1764250000000 } from './1764250000000-WorkingGroups';
import { Forum1764260000000 } from './1764260000000-Forum';
import { Notifications1764270000000 } from './1764270000000-Notifications';
import { Chat1764280000000 } from './1764280000000-Chat';
import { Search1764285000000 } from './1764285000000-Search';
import { Documents1764290000000 } from './1764290000000-Documents';
import { DocumentsNoChecksum1764290000001 } from './1764290000001-DocumentsNoChecksum';
import { Practices1764300000000 } from './1764300000000-Practices';
import { PracticeSearchSpeed1764300000001 } from './1764300000001-PracticeSearchSpeed';
import { Opinions1764310000000 } from './1764310000000-Opinions';
import { Tribunal1764320000000 } from './1764320000000-Tribunal';
import { ConsentLog1764390000000 } from './1764390000000-ConsentLog';
import { Positions1764400000000 } from './1764400000000-Positions';
import { PositionNotifications1764400000001 } from './1764400000001-PositionNotifications';
import { Events1764410000000 } from './1764410000000-Events';
import { Newsletter1764420000000 } from './1764420000000-Newsletter';
import { Privacy1764430000000 } from './1764430000000-Privacy';
import { PracticeFacetCounts1764440000000 } from './1764440000000-PracticeFacetCounts';
import { SearchWordForms1764450000000 } from './1764450000000-SearchWordForms';
import { EventCancellation1764460000000 } from './1764460000000-EventCancellation';
import { PrivacyRequestAlerts1764470000000 } from './1764470000000-PrivacyRequestAlerts';
import { ConsultationOpenedNotifications1764475000000 } from './1764475000000-ConsultationOpenedNotifications';
import { TribunalCaseSearch1764480000000 } from './1764480000000-TribunalCaseSearch';
import { EmailChange1764483000000 } from './1764483000000-EmailChange';
import { ConsentFormerAddress1764486000000 } from './1764486000000-ConsentFormerAddress';

/** Every migration, in order. A schema change is a new file here, reviewed as SQL. */
export const migrations = [
  Foundation1764230000000,
  WorkingGroups1764250000000,
  Forum1764260000000,
  Notifications1764270000000,
  Chat1764280000000,
  Search1764285000000,
  Documents1764290000000,
  DocumentsNoChecksum1764290000001,
  Practices1764300000000,
  PracticeSearchSpeed1764300000001,
  Opinions1764310000000,
  Tribunal1764320000000,
  ConsentLog1764390000000,
  Positions1764400000000,
  PositionNotifications1764400000001,
  Events1764410000000,
  Newsletter1764420000000,
  Privacy1764430000000,
  PracticeFacetCounts1764440000000,
  SearchWordForms1764450000000,
  EventCancellation1764460000000,
  PrivacyRequestAlerts1764470000000,
  ConsultationOpenedNotifications1764475000000,
  TribunalCaseSearch1764480000000,
  EmailChange1764483000000,
  ConsentFormerAddress1764486000000,
];
