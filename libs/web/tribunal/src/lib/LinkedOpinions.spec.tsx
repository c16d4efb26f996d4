import { Role } from '@civitas/shared/domain';
import {
  type TribunalCaseDetailsFragment,
  TribunalOpinionChoicesDocument,
  UpdateTribunalCaseDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkedOpinions } from './LinkedOpinions';
import { renderPage, signedInAs } from './testing';

const opinion = (id: string, subject: string, cityName: string | null = 'Łódź') => ({
  __typename: 'TribunalLinkedOpinion' as const,
  id,
  subject,
  year: 2024,
  cityName,
});

const tribunalCase = {
  __typename: 'TribunalCase',
  id: 'c1',
  linkedOpinionIds: ['o1'],
  linkedOpinions: [opinion('o1', 'Udział gmin w PIT')],
} as unknown as TribunalCaseDetailsFragment;

const choices = (search: string | null, nodes: ReturnType<typeof opinion>[]) => ({
  request: { query: TribunalOpinionChoicesDocument, variables: { search } },
  result: {
    data: {
      publishedOpinions: {
        __typename: 'PublishedOpinionConnection',
        edges: nodes.map((node) => ({
          __typename: 'PublishedOpinionEdge',
          node: { ...node, __typename: 'PublishedOpinion' },
        })),
      },
    },
  },
});

function capture() {
  const sent: unknown[] = [];
  const mock = {
    request: {
      query: UpdateTribunalCaseDocument,
      variables: (variables: unknown) => {
        sent.push(variables);
        return true;
      },
    },
    error: new Error('stop'),
    maxUsageCount: 5,
  };
  return { sent, mock };
}

describe('LinkedOpinions', () => {
  it('lets the office find an opinion of the library by words and link it, or unlink one', async () => {
    const { sent, mock } = capture();
    renderPage(<LinkedOpinions tribunalCase={tribunalCase} office />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        choices(null, [opinion('o1', 'Udział gmin w PIT'), opinion('o2', 'Janosikowe', null)]),
        choices('subwencja', [opinion('o3', 'Subwencja oświatowa a zadania gmin', 'Poznań')]),
        mock,
      ],
    });
    expect(
      screen.getByRole('link', { name: 'Udział gmin w PIT (Łódź, 2024)' }).getAttribute('href'),
    ).toBe('/opinions/library/o1');
    // The linked one is not offered again; a redacted one has no city.
    const select = (await screen.findByLabelText(/Opinia do dołączenia/)) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Janosikowe (2024)']);

    fireEvent.change(screen.getByLabelText(/Szukaj w bibliotece opinii/), {
      target: { value: 'subwencja' },
    });
    await screen.findByRole('option', {
      name: 'Subwencja oświatowa a zadania gmin (Poznań, 2024)',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Dołącz opinię' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: 'c1', input: { linkedOpinionIds: ['o1', 'o3'] } });

    // The buttons wait (disabled, loading) until the first answer has come back.
    const unlink = screen.getByRole('button', {
      name: 'Odłącz: Udział gmin w PIT',
    }) as HTMLButtonElement;
    await waitFor(() => expect(unlink.disabled).toBe(false));
    fireEvent.click(unlink);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ id: 'c1', input: { linkedOpinionIds: [] } });
  });

  it('shows a reader the linked opinions as links, without the form; nothing when none', () => {
    const { unmount } = renderPage(<LinkedOpinions tribunalCase={tribunalCase} office={false} />, {
      path: '/',
      session: signedInAs(Role.CITY_OFFICIAL),
    });
    expect(screen.getByRole('link', { name: /Udział gmin w PIT/ })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText(/Szukaj w bibliotece opinii/)).toBeNull();
    unmount();
    const { container } = renderPage(
      <LinkedOpinions
        tribunalCase={{ ...tribunalCase, linkedOpinionIds: [], linkedOpinions: [] }}
        office={false}
      />,
      { path: '/', session: signedInAs(Role.CITY_OFFICIAL) },
    );
    expect(container.querySelector('section')).toBeNull();
  });
});
