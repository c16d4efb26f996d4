import { Role } from '@civitas/shared/domain';
import { RequestTribunalJoinDocument } from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JoinForm } from './JoinForm';
import { renderPage, signedInAs } from './testing';

afterEach(() => vi.unstubAllGlobals());

function fileInput(): HTMLInputElement {
  return document.querySelector('input[type="file"]') as HTMLInputElement;
}

describe('JoinForm', () => {
  it('names what is missing and sends nothing', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    renderPage(<JoinForm caseId="c1" />, { path: '/', session: signedInAs(Role.CITY_ADMIN) });
    fireEvent.click(screen.getByRole('button', { name: 'Wyślij wniosek o przystąpienie' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dołącz plik uchwały.');
    expect(alert.textContent).toContain('Podaj numer uchwały.');
    expect(alert.textContent).toContain('Podaj datę uchwały.');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('uploads the resolution to the case, then asks to join with its number and date', async () => {
    const fetchSpy = vi.fn(
      async () =>
        new Response(JSON.stringify({ documentId: 'd1', name: 'uchwala.pdf', size: 4 }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchSpy);
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
    const url = String((fetchSpy.mock.calls[0] as unknown[])[0]);
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
});
