import { Role } from '@civitas/shared/domain';
import { MoveTribunalCaseDocument, TribunalStage } from '@civitas/web/data-access';
import { UploadTestServer } from '@civitas/web/data-access/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NextStageForm } from './NextStageForm';
import { renderPage, signedInAs } from './testing';

function options() {
  const select = screen.getByLabelText(/Kolejny etap/) as HTMLSelectElement;
  return within(select)
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);
}

let api: UploadTestServer;
beforeEach(async () => {
  api = await new UploadTestServer().start();
});
afterEach(() => api.stop());

describe('NextStageForm', () => {
  it("uploads the stage's files to the case, then records the stage with their ids", async () => {
    let sent: unknown = null;
    renderPage(<NextStageForm caseId="c1" nextStages={[TribunalStage.Admitted]} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        {
          request: {
            query: MoveTribunalCaseDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          error: new Error('stop'),
        },
      ],
    });
    const files = [
      new File(['%PDF'], 'postanowienie.pdf', { type: 'application/pdf' }),
      new File(['%PDF'], 'zalacznik.pdf', { type: 'application/pdf' }),
    ];
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz etap' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(api.received).toHaveLength(2);
    const url = api.received[0].url;
    expect(url).toContain('ownerKind=TRIBUNAL_STAGE');
    expect(url).toContain('ownerId=c1');
    expect(sent).toMatchObject({
      id: 'c1',
      input: { stage: 'ADMITTED', documentIds: ['d1', 'd2'] },
    });
  });

  it('records the stage with no documents when no file is chosen', async () => {
    let sent: unknown = null;
    renderPage(<NextStageForm caseId="c1" nextStages={[TribunalStage.Admitted]} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        {
          request: {
            query: MoveTribunalCaseDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          error: new Error('stop'),
        },
      ],
    });
    expect(screen.getByLabelText(/Dokumenty etapu/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz etap' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(api.received).toHaveLength(0);
    expect(sent).toMatchObject({ input: { documentIds: [] } });
  });

  it('offers only the stages allowed next', () => {
    renderPage(
      <NextStageForm
        caseId="c1"
        nextStages={[TribunalStage.DefectsCall, TribunalStage.Refusal, TribunalStage.Admitted]}
      />,
      { path: '/', session: signedInAs(Role.OFFICE_ADMIN) },
    );
    expect(options()).toEqual(['DEFECTS_CALL', 'REFUSAL', 'ADMITTED']);
  });

  it('says the case is closed when nothing follows', () => {
    renderPage(<NextStageForm caseId="c1" nextStages={[]} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
    });
    expect(screen.getByText(/nie ma kolejnych etapów/)).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('asks for the delivery date of a call to remedy defects, and never for a deadline', async () => {
    let sent: unknown = null;
    renderPage(
      <NextStageForm
        caseId="c1"
        nextStages={[TribunalStage.Admitted, TribunalStage.DefectsCall]}
      />,
      {
        path: '/',
        session: signedInAs(Role.OFFICE_ADMIN),
        mocks: [
          {
            request: {
              query: MoveTribunalCaseDocument,
              variables: (variables) => {
                sent = variables;
                return true;
              },
            },
            error: new Error('stop'),
          },
        ],
      },
    );
    expect(screen.queryByLabelText(/Data doręczenia/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Kolejny etap/), { target: { value: 'DEFECTS_CALL' } });
    const delivered = screen.getByLabelText(/Data doręczenia/);
    expect(screen.queryByLabelText(/Termin/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Data etapu/), { target: { value: '2025-04-11' } });
    fireEvent.change(delivered, { target: { value: '2025-04-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz etap' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toMatchObject({
      id: 'c1',
      input: { stage: 'DEFECTS_CALL', enteredOn: '2025-04-11', deliveredOn: '2025-04-14' },
    });
  });

  it('asks for the outcome of a judgment and the date of a hearing', () => {
    renderPage(
      <NextStageForm
        caseId="c1"
        nextStages={[TribunalStage.HearingScheduled, TribunalStage.Judgment]}
      />,
      { path: '/', session: signedInAs(Role.OFFICE_ADMIN) },
    );
    expect(screen.getByLabelText(/Data i godzina rozprawy/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Kolejny etap/), { target: { value: 'JUDGMENT' } });
    expect(screen.getByLabelText(/Rozstrzygnięcie/)).toBeTruthy();
    expect(screen.queryByLabelText(/Data i godzina rozprawy/)).toBeNull();
  });
});
