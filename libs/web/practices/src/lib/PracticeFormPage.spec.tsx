import { Role } from '@civitas/shared/domain';
import {
  CreatePracticeDraftDocument,
  GoodPracticeDocument,
  PracticeAreasDocument,
  SubmitPracticeDocument,
  UpdatePracticeDraftDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { practiceDetail } from './fixtures';
import { PracticeFormPage } from './PracticeFormPage';
import { LocationProbe, renderPage, signedInAs } from './testing';

const areas = {
  request: { query: PracticeAreasDocument },
  maxUsageCount: 5,
  result: { data: { practiceAreas: [] } },
};

describe('PracticeFormPage', () => {
  it('creates the draft on the first pause, then autosaves only what changed, and says so', async () => {
    const creates: unknown[] = [];
    const updates: unknown[] = [];
    renderPage(
      <>
        <PracticeFormPage />
        <LocationProbe />
      </>,
      {
        path: '/practices/new',
        // The app's two routes of the form, as apps/web declares them.
        otherRoutes: {
          '/practices/:practiceId/edit': (
            <>
              <PracticeFormPage />
              <LocationProbe />
            </>
          ),
        },
        session: signedInAs(Role.CITY_OFFICIAL),
        mocks: [
          areas,
          {
            request: { query: CreatePracticeDraftDocument, variables: () => true },
            result: (vars: { input: unknown }) => {
              creates.push(vars.input);
              return { data: { createPracticeDraft: practiceDetail({ id: 'p9' }) } };
            },
          },
          {
            request: { query: UpdatePracticeDraftDocument, variables: () => true },
            maxUsageCount: 5,
            result: (vars: unknown) => {
              updates.push(vars);
              return {
                data: {
                  updatePracticeDraft: {
                    __typename: 'GoodPractice',
                    id: 'p9',
                    updatedAt: '2024-01-10T10:00:01Z',
                  },
                },
              };
            },
          },
        ],
      },
    );
    expect(screen.getByText('Szkic zapisze się po wpisaniu treści.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Tytuł/), { target: { value: 'Ciepłe' } });
    fireEvent.change(screen.getByLabelText(/^Tytuł/), { target: { value: 'Ciepłe szkoły' } });
    expect(creates).toEqual([]);
    const status = await screen.findByText(/^Zapisano o/, undefined, { timeout: 4000 });
    expect(status.closest('[aria-live="polite"]')).toBeTruthy();
    expect(creates).toHaveLength(1);
    // The author is the contact person until they choose another.
    expect(creates[0]).toMatchObject({
      title: 'Ciepłe szkoły',
      costGrosze: null,
      partnerCityIds: [],
      contactPersonId: 'u-CITY_OFFICIAL',
    });
    // The address is now the draft's own (replacing /new), and the form stayed as it was.
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/practices/p9/edit'),
    );
    expect((screen.getByLabelText(/^Tytuł/) as HTMLInputElement).value).toBe('Ciepłe szkoły');
    expect(screen.getByRole('heading', { name: 'Edycja praktyki' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '4. Koszty i finansowanie' }));
    fireEvent.change(screen.getByLabelText(/^Koszt całkowity/), {
      target: { value: '1 250 000,50' },
    });
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 4000 });
    expect(updates[0]).toEqual({ id: 'p9', input: { costGrosze: 125_000_050 } });
  });

  it("maps submitPractice's missing fields to the steps and takes the person there", async () => {
    renderPage(<PracticeFormPage />, {
      path: '/practices/:practiceId/edit',
      route: '/practices/p1/edit',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        areas,
        {
          request: { query: GoodPracticeDocument, variables: { id: 'p1' } },
          result: {
            data: {
              goodPractice: practiceDetail({
                title: 'Szk',
                reviewComment: 'Dodaj rezultaty w liczbach.',
              }),
            },
          },
        },
        {
          request: { query: SubmitPracticeDocument, variables: { id: 'p1' } },
          result: {
            errors: [
              new GraphQLError('The practice is not complete yet', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [
                    { field: 'title', problems: ['needs at least 5 characters'] },
                    { field: 'results', problems: ['is required to submit'] },
                    { field: 'periodStart', problems: ['is required to submit'] },
                  ],
                },
              }),
            ],
          },
        },
      ],
    });
    expect(await screen.findByText('Dodaj rezultaty w liczbach.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij do oceny' }));
    const alert = await screen.findByText('Przed wysłaniem uzupełnij:');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Podstawy: Tytuł' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Okres i przenoszalność: Początek realizacji' }),
    ).toBeTruthy();
    // The steps with problems say so in their names.
    expect(
      screen.getByRole('button', { name: '3. Działania i rezultaty (do uzupełnienia)' }),
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Działania i rezultaty: Mierzalne rezultaty' }),
    );
    const results = await screen.findByLabelText(/^Mierzalne rezultaty/);
    await waitFor(() => expect(document.activeElement).toBe(results));
    expect(screen.getByText('Wymagane do wysłania')).toBeTruthy();
  });
});
