import { Role } from '@civitas/shared/domain';
import { RequestTribunalJoinDocument } from '@civitas/web/data-access';
import { UploadTestServer } from '@civitas/web/data-access/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinForm } from './JoinForm';
import { renderPage, signedInAs } from './testing';

let api: UploadTestServer;
beforeEach(async () => {
  api = await new UploadTestServer().start();
});
afterEach(() => api.stop());

function fileInput(): HTMLInputElement {
  return document.querySelector('input[type="file"]') as HTMLInputElement;
}

describe('JoinForm', () => {
  it('names what is missing and sends nothing', async () => {
    renderPage(<JoinForm caseId="c1" />, { path: '/', session: signedInAs(Role.CITY_ADMIN) });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dołącz plik uchwały.');
    expect(alert.textContent).toContain('Podaj numer uchwały.');
    expect(alert.textContent).toContain('Podaj datę uchwały.');
    expect(api.received).toHaveLength(0);
  });

  it('uploads the resolution to the case, then asks to join with its number and date', async () => {
    let sent: unknown = null;
    renderPage(<JoinForm caseId="c1" />, {
      path: '/',
      session: signedInAs(Role.CITY_ADMIN),
      mocks: [
        {
          request: {
            query: RequestTribunalJoinDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          result: {
            data: {
              requestTribunalJoin: {
                __typename: 'TribunalCaseCity',
                id: 'j1',
                organisationId: 'poznan',
                cityName: 'Poznań',
                isApplicant: false,
                status: 'REQUESTED',
                resolutionNumber: 'XII/345/25',
                resolutionDate: '2025-02-20',
                resolutionDocumentId: 'd1',
                declineReason: null,
              },
            },
          },
        },
      ],
    });
    const file = new File(['%PDF'], 'uchwala.pdf', { type: 'application/pdf' });
    fireEvent.change(fileInput(), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/Numer uchwały/), { target: { value: 'XII/345/25' } });
    fireEvent.change(screen.getByLabelText(/Data uchwały/), { target: { value: '2025-02-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' }));
    expect(await screen.findByText(/Wniosek wysłany/)).toBeTruthy();
    const url = api.received[0].url;
    expect(url).toContain('/api/documents?');
    expect(url).toContain('ownerKind=TRIBUNAL_RESOLUTION');
    expect(url).toContain('ownerId=c1');
    await waitFor(() =>
      expect(sent).toEqual({
        id: 'c1',
        resolution: { number: 'XII/345/25', date: '2025-02-20', documentId: 'd1' },
      }),
    );
  });

  it('shows the resolution going up with a named progress bar; cancel stops it and asks nothing', async () => {
    api.answer = () => 'hold';
    renderPage(<JoinForm caseId="c1" />, { path: '/', session: signedInAs(Role.CITY_ADMIN) });
    fireEvent.change(fileInput(), { target: { files: [new File(['%PDF'], 'uchwala.pdf')] } });
    fireEvent.change(screen.getByLabelText(/Numer uchwały/), { target: { value: 'XII/345/25' } });
    fireEvent.change(screen.getByLabelText(/Data uchwały/), { target: { value: '2025-02-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' }));
    expect(await screen.findByRole('progressbar', { name: 'Wysyłanie: uchwala.pdf' })).toBeTruthy();
    await waitFor(() => expect(api.holding).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: 'Anuluj wysyłanie: uchwala.pdf' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    await waitFor(() => expect(api.aborted).toBe(1));
    // No join was asked (no mock given: it would fail) and no error is shown.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' })).toBeTruthy();
  });
});
