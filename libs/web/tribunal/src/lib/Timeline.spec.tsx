import { Role } from '@civitas/shared/domain';
import { type TribunalStageEntryItemFragment, TribunalStage } from '@civitas/web/data-access';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Timeline } from './Timeline';
import { renderPage, signedInAs } from './testing';

function entry(over: Partial<TribunalStageEntryItemFragment>): TribunalStageEntryItemFragment {
  return {
    __typename: 'TribunalStageEntry',
    id: 'e1',
    stage: TribunalStage.Filed,
    enteredOn: '2025-03-10',
    deliveredOn: null,
    deadline: null,
    hearingAt: null,
    outcome: null,
    summary: null,
    journalReference: null,
    note: '',
    documentIds: [],
    actorId: 'u1',
    actorName: 'Anna Biurowa',
    createdAt: '2025-03-10T10:00:00Z',
    voidedAt: null,
    corrections: [],
    ...over,
  };
}

describe('Timeline', () => {
  it("lists each entry's own documents as download links", () => {
    renderPage(
      <Timeline
        entries={[
          entry({ id: 'e1', documentIds: ['d1'] }),
          entry({ id: 'e2', stage: TribunalStage.DefectsCall, documentIds: [] }),
        ]}
        documents={{
          d1: { name: 'wezwanie.pdf', downloadUrl: 'https://files.example/d1?sig=1' },
          d2: { name: 'inne.pdf', downloadUrl: 'https://files.example/d2?sig=1' },
        }}
      />,
      { path: '/', session: signedInAs(Role.CITY_ADMIN) },
    );
    const filed = screen.getByTestId('stage-entry-e1');
    const link = within(filed).getByRole('link', { name: 'wezwanie.pdf' });
    expect(link.getAttribute('href')).toBe('https://files.example/d1?sig=1');
    expect(within(filed).queryByText('inne.pdf')).toBeNull();
    expect(within(screen.getByTestId('stage-entry-e2')).queryByRole('link')).toBeNull();
  });

  it('shows the delivery date and the deadline the API computed, in Polish dates', () => {
    renderPage(
      <Timeline
        entries={[
          entry({ id: 'e1' }),
          entry({
            id: 'e2',
            stage: TribunalStage.DefectsCall,
            enteredOn: '2025-04-11',
            deliveredOn: '2025-04-14',
            deadline: '2025-04-22',
          }),
        ]}
      />,
      { path: '/', session: signedInAs(Role.CITY_ADMIN) },
    );
    const call = screen.getByTestId('stage-entry-e2');
    expect(within(call).getByText('Wezwanie do usunięcia braków formalnych')).toBeTruthy();
    expect(within(call).getByText('14 kwietnia 2025')).toBeTruthy();
    expect(within(call).getByTestId('stage-deadline').textContent).toContain('22 kwietnia 2025');
    // The filing has no deadline.
    expect(within(screen.getByTestId('stage-entry-e1')).queryByTestId('stage-deadline')).toBeNull();
    // Who recorded it; no correction button for a city.
    expect(within(call).getByText('Wpisał(a): Anna Biurowa')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lists corrections with who and why, and strikes a withdrawn entry through', () => {
    renderPage(
      <Timeline
        entries={[
          entry({
            id: 'e1',
            corrections: [
              {
                __typename: 'TribunalStageCorrection',
                id: 'c1',
                reason: 'Zła data złożenia',
                voided: false,
                previous: '{}',
                actorName: 'Anna Biurowa',
                createdAt: '2025-03-11T09:00:00Z',
              },
            ],
          }),
          entry({
            id: 'e2',
            stage: TribunalStage.Refusal,
            voidedAt: '2025-04-01T10:00:00Z',
            corrections: [
              {
                __typename: 'TribunalStageCorrection',
                id: 'c2',
                reason: 'Wpisane do złej sprawy',
                voided: true,
                previous: '{}',
                actorName: 'Jan Kowalski',
                createdAt: '2025-04-01T10:00:00Z',
              },
            ],
          }),
        ]}
      />,
      { path: '/', session: signedInAs(Role.CITY_ADMIN) },
    );
    const first = screen.getByTestId('stage-entry-e1');
    expect(within(first).getByText(/Anna Biurowa: Zła data złożenia/)).toBeTruthy();
    const voided = screen.getByTestId('stage-entry-e2');
    expect(within(voided).getByText('Wpis wycofany jako błędny')).toBeTruthy();
    expect(within(voided).getByText('Odmowa nadania biegu').closest('s')).toBeTruthy();
    expect(
      within(voided).getByText(/Jan Kowalski wycofał\(a\) wpis: Wpisane do złej sprawy/),
    ).toBeTruthy();
  });

  it('offers the office a correction of entries not withdrawn', () => {
    const onCorrect = vi.fn();
    renderPage(
      <Timeline
        entries={[entry({ id: 'e1' }), entry({ id: 'e2', voidedAt: '2025-04-01T10:00:00Z' })]}
        onCorrect={onCorrect}
      />,
      { path: '/', session: signedInAs(Role.OFFICE_ADMIN) },
    );
    const buttons = screen.getAllByRole('button', { name: /Popraw wpis/ });
    expect(buttons).toHaveLength(1);
    buttons[0].click();
    expect(onCorrect).toHaveBeenCalledWith(expect.objectContaining({ id: 'e1' }));
  });
});
