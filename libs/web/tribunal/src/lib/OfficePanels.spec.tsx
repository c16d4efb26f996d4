import { Role } from '@civitas/shared/domain';
import {
  CorrectTribunalStageDocument,
  type TribunalCaseDetailsFragment,
  TribunalCaseKind,
  type TribunalStageEntryItemFragment,
  TribunalStage,
  UpdateTribunalCaseDocument,
} from '@civitas/web/data-access';
import { UploadTestServer } from '@civitas/web/data-access/testing';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DocumentNode } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorrectEntryForm, SignaturesForm } from './OfficePanels';
import { renderPage, signedInAs } from './testing';

let api: UploadTestServer;
beforeEach(async () => {
  api = await new UploadTestServer().start();
});
afterEach(() => api.stop());

function capture(query: DocumentNode) {
  const sent: unknown[] = [];
  const mock = {
    request: {
      query,
      variables: (variables: unknown) => {
        sent.push(variables);
        return true;
      },
    },
    error: new Error('stop'),
  };
  return { sent, mock };
}

describe('SignaturesForm', () => {
  it('sends the kind with the signatures, which name it', async () => {
    const { sent, mock } = capture(UpdateTribunalCaseDocument);
    const tribunalCase = {
      __typename: 'TribunalCase',
      id: 'c1',
      kind: TribunalCaseKind.K,
      preliminarySignature: 'Tw 7/25',
      signature: null,
    } as unknown as TribunalCaseDetailsFragment;
    renderPage(<SignaturesForm tribunalCase={tribunalCase} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [mock],
    });
    const kind = screen.getByLabelText('Rodzaj sprawy') as HTMLSelectElement;
    expect(kind.value).toBe('K');
    fireEvent.change(kind, { target: { value: 'U' } });
    fireEvent.change(screen.getByLabelText(/Sygnatura sprawy/), { target: { value: 'U 4/25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz sygnatury' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      id: 'c1',
      input: { kind: 'U', preliminarySignature: 'Tw 7/25', signature: 'U 4/25' },
    });
  });
});

describe('CorrectEntryForm', () => {
  const entry = {
    __typename: 'TribunalStageEntry',
    id: 'e1',
    stage: TribunalStage.DefectsCall,
    enteredOn: '2025-04-11',
    deliveredOn: '2025-04-14',
    note: '',
    documentIds: ['d0'],
  } as unknown as TribunalStageEntryItemFragment;

  it("uploads the added files as the case's stage documents and sends the entry's whole list", async () => {
    const { sent, mock } = capture(CorrectTribunalStageDocument);
    renderPage(<CorrectEntryForm caseId="c1" entry={entry} onClose={() => undefined} />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [mock],
    });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['%PDF'], 'wezwanie.pdf', { type: 'application/pdf' })] },
    });
    fireEvent.change(screen.getByLabelText(/Powód korekty/), {
      target: { value: 'Pismo Trybunału doszło później' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz korektę' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(api.received).toHaveLength(1);
    const url = api.received[0].url;
    expect(url).toContain('ownerKind=TRIBUNAL_STAGE');
    expect(url).toContain('ownerId=c1');
    expect(sent[0]).toEqual({
      entryId: 'e1',
      input: { reason: 'Pismo Trybunału doszło później', documentIds: ['d0', 'd1'] },
    });
  });
});
