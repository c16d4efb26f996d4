import { Role } from '@civitas/shared/domain';
import {
  AddTribunalCoApplicantDocument,
  TribunalMemberCitiesDocument,
} from '@civitas/web/data-access';
import { UploadTestServer } from '@civitas/web/data-access/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoApplicantForm } from './CoApplicantForm';
import { renderPage, signedInAs } from './testing';

let api: UploadTestServer;
beforeEach(async () => {
  api = await new UploadTestServer().start();
});
afterEach(() => api.stop());

const cities = {
  request: { query: TribunalMemberCitiesDocument, variables: { search: null } },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        edges: [
          {
            __typename: 'OrganisationEdge',
            node: { __typename: 'Organisation', id: 'gdansk', name: 'Gdańsk' },
          },
          {
            __typename: 'OrganisationEdge',
            node: { __typename: 'Organisation', id: 'lodz', name: 'Łódź' },
          },
        ],
      },
    },
  },
};

describe('CoApplicantForm', () => {
  it('names what is missing and sends nothing', async () => {
    renderPage(<CoApplicantForm caseId="c1" />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [cities],
    });
    await screen.findByRole('option', { name: 'Gdańsk' });
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Podaj numer uchwały.');
    expect(alert.textContent).toContain('Podaj datę uchwały.');
    expect(api.received).toHaveLength(0);
  });

  it('uploads the resolution to the case, then adds the chosen city with it', async () => {
    let sent: unknown = null;
    renderPage(<CoApplicantForm caseId="c1" />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        cities,
        {
          request: {
            query: AddTribunalCoApplicantDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          error: new Error('stop'),
        },
      ],
    });
    await screen.findByRole('option', { name: 'Łódź' });
    fireEvent.change(screen.getByLabelText(/Miasto członkowskie/), { target: { value: 'lodz' } });
    fireEvent.change(screen.getByLabelText(/Numer uchwały/), { target: { value: 'LV/1/25' } });
    fireEvent.change(screen.getByLabelText(/Data uchwały/), { target: { value: '2025-02-20' } });
    const file = new File(['%PDF'], 'uchwala.pdf', { type: 'application/pdf' });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj' }));
    await waitFor(() => expect(sent).not.toBeNull());
    const url = api.received[0].url;
    expect(url).toContain('ownerKind=TRIBUNAL_RESOLUTION');
    expect(url).toContain('ownerId=c1');
    expect(sent).toEqual({
      id: 'c1',
      organisationId: 'lodz',
      resolution: { number: 'LV/1/25', date: '2025-02-20', documentId: 'd1' },
    });
    // The mocked refusal is shown, so the form has settled before the page is torn down.
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
