import { Role } from '@civitas/shared/domain';
import {
  TribunalCaseKind,
  TribunalCasesDocument,
  TribunalJoinStatus,
  TribunalStage,
} from '@civitas/web/data-access';
import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TribunalCasesPage } from './TribunalCasesPage';
import { renderPage, signedInAs } from './testing';

const node = (id: string, title: string, signature: string | null = null) => ({
  __typename: 'TribunalCase' as const,
  id,
  title,
  kind: TribunalCaseKind.K,
  stage: TribunalStage.Filed,
  preliminarySignature: null,
  signature,
  filedOn: '2025-03-01',
  followed: false,
  cities: [
    {
      __typename: 'TribunalCaseCity' as const,
      id: `${id}-c`,
      cityName: 'Kraków',
      isApplicant: true,
      status: TribunalJoinStatus.Accepted,
    },
  ],
  timeline: [],
});

const list = (search: string | null, nodes: ReturnType<typeof node>[]) => ({
  request: { query: TribunalCasesDocument, variables: { first: 50, search } },
  result: {
    data: {
      tribunalCases: {
        __typename: 'TribunalCaseConnection' as const,
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
        edges: nodes.map((n) => ({
          __typename: 'TribunalCaseEdge' as const,
          cursor: n.id,
          node: n,
        })),
      },
    },
  },
});

/** The URL's query, shown so a test can read what survives a reload. */
function Where() {
  return <p data-testid="where">{useLocation().search}</p>;
}

const spa = node('c1', 'Subwencja dla gmin uzdrowiskowych', 'K 3/25');
const diesel = node('c2', 'Zwrot akcyzy za olej napędowy');

function render(route: string, mocks: ReturnType<typeof list>[], language?: 'en') {
  return renderPage(
    <>
      <TribunalCasesPage />
      <Where />
    </>,
    {
      path: '/tribunal',
      route,
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks,
      language,
    },
  );
}

describe('TribunalCasesPage search', () => {
  it('searches on Enter, keeps the search in the URL, and clears it', async () => {
    render('/tribunal', [
      list(null, [spa, diesel]),
      list('K 3/25', [spa]),
      list(null, [spa, diesel]),
    ]);
    expect(await screen.findByRole('link', { name: diesel.title })).toBeTruthy();
    const field = screen.getByRole('searchbox', { name: /^Szukaj spraw/ });
    expect(field.getAttribute('maxlength')).toBe('200');

    fireEvent.change(field, { target: { value: '  K 3/25 ' } });
    fireEvent.submit(field.closest('form')!);
    expect(await screen.findByText('Znaleziono 1 sprawę')).toBeTruthy();
    expect(screen.queryByRole('link', { name: diesel.title })).toBeNull();
    expect(screen.getByRole('link', { name: spa.title })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('?q=K+3%2F25');

    fireEvent.click(screen.getByRole('button', { name: 'Wyczyść wyszukiwanie' }));
    expect(await screen.findByRole('link', { name: diesel.title })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('');
    expect((field as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Wyczyść wyszukiwanie' })).toBeNull();
  });

  it('reads the search from the URL (a reload) and says plainly when nothing matches', async () => {
    render('/tribunal?q=janosikowe', [list('janosikowe', [])]);
    expect(
      await screen.findByText(
        'Nie znaleziono spraw dla „janosikowe”. Sprawdź pisownię, spróbuj innych słów albo samej sygnatury.',
      ),
    ).toBeTruthy();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('janosikowe');
    expect(screen.getByText('Znaleziono 0 spraw').closest('[aria-live="polite"]')).toBeTruthy();
    expect(screen.queryByText('Nie ma jeszcze spraw.')).toBeNull();
  });

  it("shows the API's refusal of a search without words on the field, in English too", async () => {
    const refused = {
      request: { query: TribunalCasesDocument, variables: { first: 50, search: '!!!' } },
      result: {
        errors: [
          new GraphQLError(
            'The search has no words in it: type words of the title or a signature',
            {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'search', problems: ['no words to search for'] }],
              },
            },
          ),
        ],
      },
    };
    render('/tribunal?q=!!!', [refused as never], 'en');
    const field = await screen.findByRole('searchbox', { name: /^Search cases/ });
    const message =
      'Type words of the title or act, or a signature — punctuation alone finds nothing.';
    expect(await screen.findByText(message)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(
      screen.getByText(message).getAttribute('id'),
    );
    // On the field, not also as a page alert.
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });
});
