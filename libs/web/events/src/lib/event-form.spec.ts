import { EventAudience } from '@civitas/shared/domain';
import { describe, expect, it } from 'vitest';
import { emptyForm, inputOf, problemsOf } from './event-form';

const filled = {
  ...emptyForm(false),
  title: 'Forum Rozwoju Miast',
  startsAt: '2026-10-25T10:00',
  endsAt: '2026-10-25T16:00',
  place: 'Poznań',
};

describe('the event form', () => {
  it('names the problems the API would refuse, before sending', () => {
    expect(problemsOf(filled)).toEqual({});
    expect(problemsOf({ ...filled, endsAt: '2026-10-25T09:00' })).toEqual({
      endsAt: 'form.endBeforeStart',
    });
    expect(problemsOf({ ...filled, registrationDeadline: '2026-10-25T11:00' })).toEqual({
      registrationDeadline: 'form.deadlineAfterStart',
    });
    expect(problemsOf({ ...filled, place: '' })).toEqual({ place: 'form.placeOrLink' });
    expect(problemsOf({ ...filled, audience: EventAudience.WORKING_GROUP })).toEqual({
      groupId: 'form.groupRequired',
    });
  });

  it('sends instants and leaves out what the audience does not use', () => {
    const input = inputOf({ ...filled, capacity: '40', invitedCityIds: ['c1'] });
    expect(input).toMatchObject({
      startsAt: '2026-10-25T09:00:00.000Z',
      endsAt: '2026-10-25T15:00:00.000Z',
      capacity: 40,
      onlineUrl: null,
      groupId: null,
      invitedCityIds: [],
    });
  });
});
