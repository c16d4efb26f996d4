import {
  GROUP_DESCRIPTION_MAX,
  GROUP_INITIAL_COORDINATORS_MAX,
  GROUP_NAME_MAX,
  GROUP_TOPIC_MAX,
  GroupRole,
  GroupVisibility,
} from '@civitas/shared/domain';

/** What a person may do to get into a group they see. */
export type JoinAction = 'member' | 'join' | 'request' | 'none';

export function joinAction(group: { visibility: string; viewerRole?: string | null }): JoinAction {
  if (group.viewerRole) return 'member';
  if (group.visibility === GroupVisibility.OPEN) return 'join';
  if (group.visibility === GroupVisibility.REQUEST) return 'request';
  return 'none';
}

/** Coordinators of the group and the office (GROUP_CREATE) get the coordinator tools. */
export function mayCoordinate(viewerRole: string | null | undefined, isOffice: boolean): boolean {
  return isOffice || viewerRole === GroupRole.COORDINATOR;
}

/** Members and the office see the member list. */
export function maySeeMembers(viewerRole: string | null | undefined, isOffice: boolean): boolean {
  return isOffice || !!viewerRole;
}

export interface GroupDetails {
  name: string;
  topic: string;
  description: string;
  visibility: GroupVisibility;
  openToGuests: boolean;
}

/** A problem of one field, as a translation key and its values. */
export interface FieldRule {
  key: string;
  values?: Record<string, number>;
}

export type GroupDetailsErrors = Partial<Record<keyof GroupDetails | 'coordinators', FieldRule>>;

function text(value: string, max: number, required: boolean): FieldRule | undefined {
  const trimmed = value.trim();
  if (required && !trimmed) return { key: 'common:form.required' };
  if (trimmed.length > max) return { key: 'form.tooLong', values: { max } };
  return undefined;
}

/** The same limits the API enforces, checked before sending (CreateWorkingGroupInput). */
export function groupDetailsErrors(
  details: GroupDetails,
  coordinatorCount?: number,
): GroupDetailsErrors {
  const errors: GroupDetailsErrors = {
    name: text(details.name, GROUP_NAME_MAX, true),
    topic: text(details.topic, GROUP_TOPIC_MAX, true),
    description: text(details.description, GROUP_DESCRIPTION_MAX, false),
  };
  if (coordinatorCount !== undefined) {
    if (coordinatorCount < 1) errors.coordinators = { key: 'form.coordinatorsRequired' };
    else if (coordinatorCount > GROUP_INITIAL_COORDINATORS_MAX)
      errors.coordinators = {
        key: 'form.coordinatorsTooMany',
        values: { max: GROUP_INITIAL_COORDINATORS_MAX },
      };
  }
  for (const key of Object.keys(errors) as (keyof GroupDetailsErrors)[]) {
    if (!errors[key]) delete errors[key];
  }
  return errors;
}

/** A secret group is never open to guests: the form clears the flag with the choice. */
export function normaliseDetails(details: GroupDetails): GroupDetails {
  return {
    name: details.name.trim(),
    topic: details.topic.trim(),
    description: details.description.trim(),
    visibility: details.visibility,
    openToGuests: details.visibility === GroupVisibility.SECRET ? false : details.openToGuests,
  };
}

/** The translation overrides of the groups' error codes (see useErrorText().message). */
export function groupErrorOverrides(t: (key: string) => string): Partial<Record<string, string>> {
  return {
    NOT_FOUND: t('errors.NOT_FOUND'),
    FORBIDDEN: t('errors.FORBIDDEN'),
    CONFLICT: t('errors.CONFLICT'),
  };
}
