import { Role } from '@civitas/shared/domain';
import {
  LinkTribunalCasesDocument,
  type TribunalCaseDetailsFragment,
  TribunalCaseChoicesDocument,
  UnlinkTribunalCasesDocument,
} from '@civitas/web/data-access';
import type { DocumentNode } from 'graphql';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkedCases } from './LinkedCases';
import { renderPage, signedInAs } from './testing';

function choice(id: string, title: string, signature: string | null, preliminary: string | null) {
  return {
    __typename: 'TribunalCaseEdge',
    node: {
      __typename: 'TribunalCase',
      id,
      title,
      signature,
      preliminarySignature: preliminary,
    },
  };
}

/** The server's search: the newest cases without words, Janosikowe for "janosik"; every search asked is kept. */
function choices(searches: (string | null)[]) {
  const newest = [
    choice('c3', 'Drogi gminne', null, 'Tw 5/25'),
    choice('c2', 'Oświata', null, 'Tw 3/25'),
    choice('c1', 'Janosikowe', 'K 3/25', 'Tw 1/25'),
  ];
  return {
    request: {
      query: TribunalCaseChoicesDocument,
      variables: (v: { search: string | null; first: number }) => {
        searches.push(v.search);
        return v.first === 20;
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (v: { search: string | null }) => ({
      data: {
        tribunalCases: {
          __typename: 'TribunalCaseConnection',
          edges:
            v.search === null
              ? newest
              : v.search === 'janosik'
                ? [choice('c4', 'Janosikowe II', 'K 9/25', 'Tw 7/25'), newest[2]]
                : [],
        },
      },
    }),
  };
}

const tribunalCase = {
  __typename: 'TribunalCase',
  id: 'c1',
  linkedCaseIds: ['c2'],
  linkedCases: [
    {
      __typename: 'TribunalLinkedCase',
      id: 'c2',
      title: 'Oświata',
      stage: 'FILED',
      signature: 'Tw 3/25',
      note: 'Postanowienie o połączeniu',
    },
  ],
} as unknown as TribunalCaseDetailsFragment;

function captured() {
  const sent: Record<string, unknown> = {};
  const mock = (name: string, query: DocumentNode) => ({
    request: {
      query,
      variables: (variables: unknown) => {
        sent[name] = variables;
        return true;
      },
    },
    error: new Error('stop'),
  });
  return { sent, mock };
}

describe('LinkedCases', () => {
  it('lists the joined cases by title and lets the office find another by words and join it, or separate one', async () => {
    const { sent, mock } = captured();
    const searches: (string | null)[] = [];
    renderPage(<LinkedCases tribunalCase={tribunalCase} office />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        choices(searches),
        mock('link', LinkTribunalCasesDocument),
        mock('unlink', UnlinkTribunalCasesDocument),
      ],
    });
    const linked = await screen.findByRole('link', { name: 'Oświata' });
    expect(linked.getAttribute('href')).toBe('/tribunal/c2');
    const picker = screen.getByRole('combobox', { name: /^Połącz ze sprawą/ });
    expect(picker.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/albo sygnaturę \(np\. K 3\/25, Tw 12\/24\)/)).toBeTruthy();
    // Nothing is asked before the office opens the list (list reads are audited).
    expect(searches).toEqual([]);
    picker.focus();
    fireEvent.click(picker);
    // The newest cases, without this one and those already joined.
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Drogi gminne (Tw 5/25)',
    ]);
    // Words go to the server after a pause, once; punctuation alone is not sent.
    fireEvent.change(picker, { target: { value: '//' } });
    await new Promise((r) => setTimeout(r, 400));
    fireEvent.change(picker, { target: { value: 'janosik' } });
    // Until the server answers these words, no other search's cases are offered to pick.
    expect(screen.queryByRole('option')).toBeNull();
    expect(screen.getByText('Szukam…')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Janosikowe II (K 9/25)' })).toBeTruthy();
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(searches.filter((s) => s !== null)).toEqual(['janosik']);
    fireEvent.click(screen.getByRole('option', { name: 'Janosikowe II (K 9/25)' }));
    expect((picker as HTMLInputElement).value).toBe('Janosikowe II (K 9/25)');
    fireEvent.change(screen.getByLabelText(/Notatka/), { target: { value: 'Postanowienie TK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Połącz sprawy' }));
    await waitFor(() => expect(sent['link']).toBeDefined());
    expect(sent['link']).toEqual({ id: 'c1', otherCaseId: 'c4', note: 'Postanowienie TK' });
    fireEvent.click(screen.getByRole('button', { name: /Rozłącz/ }));
    await waitFor(() => expect(sent['unlink']).toBeDefined());
    expect(sent['unlink']).toEqual({ id: 'c1', otherCaseId: 'c2' });
  });

  it('picks with the keyboard, and says to choose a case when none is chosen', async () => {
    const { sent, mock } = captured();
    renderPage(<LinkedCases tribunalCase={tribunalCase} office />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [choices([]), mock('link', LinkTribunalCasesDocument)],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Połącz sprawy' }));
    expect(await screen.findByText('Wybierz sprawę do połączenia.')).toBeTruthy();
    expect(sent['link']).toBeUndefined();

    const picker = screen.getByRole('combobox', { name: /^Połącz ze sprawą/ });
    picker.focus();
    fireEvent.keyDown(picker, { key: 'ArrowDown', code: 'ArrowDown' });
    await screen.findByRole('option', { name: 'Drogi gminne (Tw 5/25)' });
    fireEvent.keyDown(picker, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect((picker as HTMLInputElement).value).toBe('Drogi gminne (Tw 5/25)'));
    expect(screen.queryByText('Wybierz sprawę do połączenia.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Połącz sprawy' }));
    await waitFor(() => expect(sent['link']).toBeDefined());
    expect(sent['link']).toEqual({ id: 'c1', otherCaseId: 'c3', note: null });
  });

  it("shows a reader the joined case's title from the case itself, without asking for a list", async () => {
    renderPage(<LinkedCases tribunalCase={tribunalCase} office={false} />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      // No mock of the case choices: asking for them would fail the render.
      mocks: [],
    });
    expect(screen.getByRole('link', { name: 'Oświata' }).getAttribute('href')).toBe('/tribunal/c2');
    expect(screen.getByText('(Tw 3/25)')).toBeTruthy();
    expect(screen.getByText('Postanowienie o połączeniu')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText(/Połącz ze sprawą/)).toBeNull();
  });

  it('shows nothing to a reader when no case is joined', () => {
    const { container } = renderPage(
      <LinkedCases
        tribunalCase={{ ...tribunalCase, linkedCaseIds: [], linkedCases: [] }}
        office={false}
      />,
      { path: '/', session: signedInAs(Role.CITY_ADMIN) },
    );
    expect(container.querySelector('section')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
