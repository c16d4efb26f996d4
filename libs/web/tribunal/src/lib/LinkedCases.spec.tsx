import { Role } from '@civitas/shared/domain';
import {
  LinkTribunalCasesDocument,
  type TribunalCaseDetailsFragment,
  TribunalCasesDocument,
  UnlinkTribunalCasesDocument,
} from '@civitas/web/data-access';
import type { DocumentNode } from 'graphql';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkedCases } from './LinkedCases';
import { renderPage, signedInAs } from './testing';

function node(id: string, title: string) {
  return {
    __typename: 'TribunalCaseEdge',
    cursor: id,
    node: {
      __typename: 'TribunalCase',
      id,
      title,
      kind: 'K',
      stage: 'FILED',
      preliminarySignature: null,
      signature: null,
      filedOn: null,
      followed: false,
      cities: [],
      timeline: [],
    },
  };
}

const list = {
  request: { query: TribunalCasesDocument, variables: { first: 100 } },
  result: {
    data: {
      tribunalCases: {
        __typename: 'TribunalCaseConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [node('c1', 'Janosikowe'), node('c2', 'Oświata'), node('c3', 'Drogi gminne')],
      },
    },
  },
};

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
  it('lists the joined cases by title and lets the office join another or separate one', async () => {
    const { sent, mock } = captured();
    renderPage(<LinkedCases tribunalCase={tribunalCase} office />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        list,
        mock('link', LinkTribunalCasesDocument),
        mock('unlink', UnlinkTribunalCasesDocument),
      ],
    });
    const linked = await screen.findByRole('link', { name: 'Oświata' });
    expect(linked.getAttribute('href')).toBe('/tribunal/c2');
    const select = screen.getByLabelText(/Połącz ze sprawą/) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['c3']);
    fireEvent.change(screen.getByLabelText(/Notatka/), { target: { value: 'Postanowienie TK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Połącz sprawy' }));
    await waitFor(() => expect(sent['link']).toBeDefined());
    expect(sent['link']).toEqual({ id: 'c1', otherCaseId: 'c3', note: 'Postanowienie TK' });
    fireEvent.click(screen.getByRole('button', { name: /Rozłącz/ }));
    await waitFor(() => expect(sent['unlink']).toBeDefined());
    expect(sent['unlink']).toEqual({ id: 'c1', otherCaseId: 'c2' });
  });

  it("shows a reader the joined case's title from the case itself, without asking for a list", async () => {
    renderPage(<LinkedCases tribunalCase={tribunalCase} office={false} />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
      // No mock of the case list: asking for it would fail the render.
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
