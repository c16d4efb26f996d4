import {
  GROUP_INITIAL_COORDINATORS_MAX,
  GROUP_NAME_MAX,
  GroupRole,
  GroupVisibility,
} from '@civitas/shared/domain';
import { describe, expect, it } from 'vitest';
import {
  groupDetailsErrors,
  joinAction,
  mayCoordinate,
  maySeeMembers,
  normaliseDetails,
} from './group-rules';

const details = {
  name: 'Edukacja',
  topic: 'Oświata samorządowa',
  description: '',
  visibility: GroupVisibility.REQUEST,
  openToGuests: false,
};

describe('joinAction', () => {
  it('joins OPEN groups at once, asks REQUEST groups, and offers nothing otherwise', () => {
    expect(joinAction({ visibility: GroupVisibility.OPEN })).toBe('join');
    expect(joinAction({ visibility: GroupVisibility.REQUEST, viewerRole: null })).toBe('request');
    expect(joinAction({ visibility: GroupVisibility.INVITE })).toBe('none');
    expect(joinAction({ visibility: GroupVisibility.SECRET })).toBe('none');
  });

  it('says "member" whatever the visibility once the viewer has a role', () => {
    expect(joinAction({ visibility: GroupVisibility.OPEN, viewerRole: GroupRole.MEMBER })).toBe(
      'member',
    );
  });
});

describe('who sees what', () => {
  it('gives the coordinator tools to coordinators and the office only', () => {
    expect(mayCoordinate(GroupRole.COORDINATOR, false)).toBe(true);
    expect(mayCoordinate(GroupRole.MEMBER, false)).toBe(false);
    expect(mayCoordinate(null, false)).toBe(false);
    expect(mayCoordinate(null, true)).toBe(true);
  });

  it('shows members to members and the office', () => {
    expect(maySeeMembers(GroupRole.MEMBER, false)).toBe(true);
    expect(maySeeMembers(null, false)).toBe(false);
    expect(maySeeMembers(null, true)).toBe(true);
  });
});

describe('groupDetailsErrors', () => {
  it('accepts a valid group with a coordinator', () => {
    expect(groupDetailsErrors(details, 1)).toEqual({});
  });

  it('requires a name and a topic (blank counts as empty) and at least one coordinator', () => {
    expect(groupDetailsErrors({ ...details, name: '  ', topic: '' }, 0)).toEqual({
      name: { key: 'common:form.required' },
      topic: { key: 'common:form.required' },
      coordinators: { key: 'form.coordinatorsRequired' },
    });
  });

  it('states the API limits', () => {
    const errors = groupDetailsErrors(
      { ...details, name: 'x'.repeat(GROUP_NAME_MAX + 1) },
      GROUP_INITIAL_COORDINATORS_MAX + 1,
    );
    expect(errors.name).toEqual({ key: 'form.tooLong', values: { max: GROUP_NAME_MAX } });
    expect(errors.coordinators).toEqual({
      key: 'form.coordinatorsTooMany',
      values: { max: GROUP_INITIAL_COORDINATORS_MAX },
    });
  });

  it('does not check coordinators when editing', () => {
    expect(groupDetailsErrors(details)).toEqual({});
  });
});

describe('normaliseDetails', () => {
  it('trims the texts and never opens a secret group to guests', () => {
    expect(
      normaliseDetails({
        ...details,
        name: ' Kadry ',
        visibility: GroupVisibility.SECRET,
        openToGuests: true,
      }),
    ).toEqual({
      ...details,
      name: 'Kadry',
      visibility: GroupVisibility.SECRET,
      openToGuests: false,
    });
  });
});
