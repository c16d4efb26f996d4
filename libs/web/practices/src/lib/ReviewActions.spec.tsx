import {
  ArchivePracticeDocument,
  PublishPracticeDocument,
  RequestPracticeChangesDocument,
  StartPracticeReviewDocument,
} from '@civitas/web/data-access';
import { Role } from '@civitas/shared/domain';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { practiceDetail } from './fixtures';
import { ReviewActions } from './ReviewActions';
import { renderPage, signedInAs } from './testing';

function mutation(query: DocumentNode, field: string, calls: unknown[], status: string) {
  return {
    request: { query, variables: () => true },
    result: (vars: unknown) => {
      calls.push(vars);
      return { data: { [field]: practiceDetail({ status: status as never }) } };
    },
  };
}

function render(status: 'SUBMITTED' | 'IN_REVIEW' | 'PUBLISHED', calls: unknown[]) {
  return renderPage(
    <ReviewActions
      practice={{ id: 'p1', status, verificationSource: null, verificationNote: null }}
    />,
    {
      path: '/practices/review',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        mutation(StartPracticeReviewDocument, 'startPracticeReview', calls, 'IN_REVIEW'),
        mutation(RequestPracticeChangesDocument, 'requestPracticeChanges', calls, 'DRAFT'),
        mutation(PublishPracticeDocument, 'publishPractice', calls, 'PUBLISHED'),
        mutation(ArchivePracticeDocument, 'archivePractice', calls, 'ARCHIVED'),
      ],
    },
  );
}

describe('ReviewActions', () => {
  it('offers by state: start and request changes for a submission, archive for a published one', () => {
    const { unmount } = render('SUBMITTED', []);
    expect(screen.getByRole('button', { name: 'Rozpocznij ocenę' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Poproś o zmiany' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opublikuj' })).toBeNull();
    unmount();
    render('PUBLISHED', []);
    expect(screen.getByRole('button', { name: 'Zarchiwizuj' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rozpocznij ocenę' })).toBeNull();
  });

  it('starts the review', async () => {
    const calls: unknown[] = [];
    render('SUBMITTED', calls);
    fireEvent.click(screen.getByRole('button', { name: 'Rozpocznij ocenę' }));
    expect(await screen.findByText('Rozpoczęto ocenę.')).toBeTruthy();
    expect(calls).toEqual([{ id: 'p1' }]);
  });

  it('requests changes with a comment, which is required', async () => {
    const calls: unknown[] = [];
    render('IN_REVIEW', calls);
    fireEvent.click(screen.getByRole('button', { name: 'Poproś o zmiany' }));
    const send = await screen.findByRole('button', { name: 'Wyślij uwagi' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Co autor ma poprawić/), {
      target: { value: 'Dodaj koszty.' },
    });
    fireEvent.click(send);
    expect(await screen.findByText('Odesłano do autora z uwagami.')).toBeTruthy();
    expect(calls).toEqual([{ id: 'p1', input: { comment: 'Dodaj koszty.' } }]);
  });

  it('publishes with the verification source, note and date', async () => {
    const calls: unknown[] = [];
    render('IN_REVIEW', calls);
    fireEvent.click(screen.getByRole('button', { name: 'Opublikuj' }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('combobox', { name: /Źródło weryfikacji/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Konkurs' }));
    fireEvent.change(screen.getByLabelText(/Opis weryfikacji/), {
      target: { value: 'Konkurs „Samorządowy Lider” 2024' },
    });
    fireEvent.change(screen.getByLabelText(/Data weryfikacji/), {
      target: { value: '2024-05-01' },
    });
    const dialog = screen.getByRole('dialog');
    fireEvent.click(
      [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Opublikuj')!,
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      id: 'p1',
      input: {
        verificationSource: 'COMPETITION',
        verificationNote: 'Konkurs „Samorządowy Lider” 2024',
        verifiedOn: '2024-05-01',
      },
    });
    expect(await screen.findByText('Praktyka opublikowana.')).toBeTruthy();
  });
});
