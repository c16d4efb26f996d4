import { Role } from '@civitas/shared/domain';
import {
  type TribunalCaseDetailsFragment,
  TribunalCaseKind,
  TribunalStage,
  UpdateTribunalCaseDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseTextsForm } from './CaseTextsForm';
import { renderPage, signedInAs } from './testing';

const tribunalCase = {
  __typename: 'TribunalCase',
  id: 'c1',
  title: 'Janosikowe',
  kind: TribunalCaseKind.K,
  challengedAct: 'Ustawa o dochodach JST',
  challengedProvisions: 'art. 29',
  constitutionalProvisions: 'art. 167 ust. 1',
  argumentSummary: 'Nieadekwatne dochody.',
  internalNotes: null,
  stage: TribunalStage.Preparation,
} as unknown as TribunalCaseDetailsFragment;

describe('CaseTextsForm', () => {
  it('starts from the case and saves the edited texts', async () => {
    let sent: unknown = null;
    renderPage(<CaseTextsForm tribunalCase={tribunalCase} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        {
          request: {
            query: UpdateTribunalCaseDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          error: new Error('stop'),
        },
      ],
    });
    const title = screen.getByLabelText(/Tytuł sprawy/) as HTMLInputElement;
    expect(title.value).toBe('Janosikowe');
    fireEvent.change(title, { target: { value: ' Janosikowe 2025 ' } });
    fireEvent.change(screen.getByLabelText(/Notatki wewnętrzne/), {
      target: { value: 'Termin na opinię: marzec.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz opis' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toEqual({
      id: 'c1',
      input: {
        title: 'Janosikowe 2025',
        challengedAct: 'Ustawa o dochodach JST',
        challengedProvisions: 'art. 29',
        constitutionalProvisions: 'art. 167 ust. 1',
        argumentSummary: 'Nieadekwatne dochody.',
        internalNotes: 'Termin na opinię: marzec.',
      },
    });
  });

  it('refuses an empty title and sends nothing', async () => {
    renderPage(<CaseTextsForm tribunalCase={tribunalCase} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
    });
    fireEvent.change(screen.getByLabelText(/Tytuł sprawy/), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz opis' }));
    expect((await screen.findByRole('alert')).textContent).toContain('To pole jest wymagane.');
  });
});
