import { OpinionRequestState, Role } from '@civitas/shared/domain';
import type { DataSource } from 'typeorm';
import { OpinionAccess, OpinionRequestFacts } from './opinion-access.service';

const access = new OpinionAccess({} as DataSource);
const person = (role: Role, organisationId = 'lodz', isLegalOfficer = false, id = 'me') => ({
  id,
  role,
  organisationId,
  isLegalOfficer,
});
const request = (
  state: OpinionRequestState,
  submitted = state !== OpinionRequestState.DRAFT,
): OpinionRequestFacts => ({
  organisation_id: 'lodz',
  expert_id: 'expert',
  state,
  submitted_at: submitted ? new Date() : null,
});
const S = OpinionRequestState;

describe('OpinionAccess', () => {
  it("lets the city's legal officers and admin read, not its other officials nor other cities", () => {
    const r = request(S.DRAFT);
    expect(access.party(person(Role.CITY_OFFICIAL, 'lodz', true), r)).toBe('CITY_LEGAL_OFFICER');
    expect(access.party(person(Role.CITY_ADMIN), r)).toBe('CITY_ADMIN');
    expect(access.party(person(Role.CITY_OFFICIAL), r)).toBeNull();
    expect(access.party(person(Role.CITY_OFFICIAL, 'poznan', true), r)).toBeNull();
    expect(access.party(person(Role.CITY_ADMIN, 'poznan'), r)).toBeNull();
    expect(access.party(person(Role.GUEST, 'lodz', true), r)).toBeNull();
  });

  it('shows the office a request once it was submitted, even when withdrawn later', () => {
    const office = person(Role.OFFICE_ADMIN, 'office');
    expect(access.party(office, request(S.DRAFT))).toBeNull();
    expect(access.party(office, request(S.WITHDRAWN, false))).toBeNull();
    expect(access.party(office, request(S.WITHDRAWN, true))).toBe('OFFICE');
    expect(access.party(office, request(S.SUBMITTED))).toBe('OFFICE');
  });

  it('shows the assigned expert the request from acceptance on, and no other expert', () => {
    const expert = person(Role.EXPERT, 'office', false, 'expert');
    expect(access.party(expert, request(S.SUBMITTED))).toBeNull();
    for (const s of [S.ACCEPTED, S.IN_PROGRESS, S.DELIVERED, S.RELEASED]) {
      expect(access.party(expert, request(s))).toBe('EXPERT');
      expect(access.party(person(Role.EXPERT, 'office'), request(s))).toBeNull();
    }
  });

  it('keeps the internal discussion from the city', () => {
    expect(access.audiences('CITY_LEGAL_OFFICER')).toEqual(['CITY']);
    expect(access.audiences('EXPERT')).toEqual(['INTERNAL', 'CITY']);
  });
});
