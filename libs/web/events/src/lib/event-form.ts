import { EventAudience, EventType } from '@civitas/shared/domain';
import type { EventDetailsFragment, EventInput } from '@civitas/web/data-access';
import { fromWarsawInput, toWarsawInput } from './time';

/** The form's state: times as `datetime-local` values in Polish time. */
export interface EventFormValues {
  title: string;
  type: EventType;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: string;
  registrationDeadline: string;
  audience: EventAudience;
  groupId: string;
  invitedCityIds: string[];
}

export function emptyForm(coordinatorOnly: boolean): EventFormValues {
  return {
    title: '',
    type: coordinatorOnly ? EventType.WORKING_GROUP_MEETING : EventType.CONFERENCE,
    description: '',
    startsAt: '',
    endsAt: '',
    place: '',
    onlineUrl: '',
    capacity: '',
    registrationDeadline: '',
    audience: coordinatorOnly ? EventAudience.WORKING_GROUP : EventAudience.ALL_MEMBERS,
    groupId: '',
    invitedCityIds: [],
  };
}

export function formOf(e: EventDetailsFragment): EventFormValues {
  return {
    title: e.title,
    type: e.type as unknown as EventType,
    description: e.description,
    startsAt: toWarsawInput(e.startsAt),
    endsAt: toWarsawInput(e.endsAt),
    place: e.place ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: e.capacity == null ? '' : String(e.capacity),
    registrationDeadline: toWarsawInput(e.registrationDeadline),
    audience: e.audience as unknown as EventAudience,
    groupId: e.groupId ?? '',
    invitedCityIds: e.invitedCities.map((c) => c.id),
  };
}

/** The problems the API would refuse, by field, as translation keys (checked before sending). */
export function problemsOf(v: EventFormValues): Partial<Record<keyof EventFormValues, string>> {
  const problems: Partial<Record<keyof EventFormValues, string>> = {};
  const start = fromWarsawInput(v.startsAt);
  const end = fromWarsawInput(v.endsAt);
  const deadline = fromWarsawInput(v.registrationDeadline);
  if (!v.title.trim()) problems.title = 'form.requiredTitle';
  if (!start || !end) problems.startsAt = 'form.requiredTimes';
  else if (end <= start) problems.endsAt = 'form.endBeforeStart';
  if (start && deadline && deadline > start)
    problems.registrationDeadline = 'form.deadlineAfterStart';
  if (!v.place.trim() && !v.onlineUrl.trim()) problems.place = 'form.placeOrLink';
  if (v.audience === EventAudience.WORKING_GROUP && !v.groupId)
    problems.groupId = 'form.groupRequired';
  return problems;
}

export function inputOf(v: EventFormValues): EventInput {
  const group = v.audience === EventAudience.WORKING_GROUP;
  return {
    title: v.title.trim(),
    type: v.type as unknown as EventInput['type'],
    description: v.description,
    // Checked by problemsOf before sending.
    startsAt: fromWarsawInput(v.startsAt)!,
    endsAt: fromWarsawInput(v.endsAt)!,
    place: v.place.trim() || null,
    onlineUrl: v.onlineUrl.trim() || null,
    capacity: v.capacity.trim() ? Number(v.capacity) : null,
    registrationDeadline: fromWarsawInput(v.registrationDeadline),
    audience: v.audience as unknown as EventInput['audience'],
    groupId: group ? v.groupId : null,
    invitedCityIds: v.audience === EventAudience.MEMBERS_AND_INVITED_CITIES ? v.invitedCityIds : [],
  };
}
