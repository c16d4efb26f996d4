import {
  NewsletterAudienceDocument,
  NewsletterIssueDocument,
  NewsletterPreviewDocument,
  SendNewsletterIssueDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { IssueEditorPage } from './IssueEditorPage';
import { renderPage } from './testing';

const audience = {
  request: { query: NewsletterAudienceDocument },
  result: {
    data: {
      newsletterAudience: {
        __typename: 'NewsletterAudience',
        confirmed: 42,
        pending: 3,
        bouncing: 1,
        unsubscribed: 5,
      },
    },
  },
};

const draft = {
  __typename: 'NewsletterIssue',
  id: 'i1',
  subject: 'Listopad',
  body: 'Treść **ważna**',
  bodyHtml: '<p>Treść <strong>ważna</strong></p>',
  createdAt: '2026-11-27T10:00:00Z',
  updatedAt: '2026-11-27T10:00:00Z',
  sentAt: null,
  stats: { __typename: 'NewsletterDeliveryStats', queued: 0, sent: 0, failed: 0, skipped: 0 },
};

describe('IssueEditorPage', () => {
  it('previews the body as the API renders it', async () => {
    renderPage(<IssueEditorPage />, {
      path: '/newsletter/issues/new',
      route: '/newsletter/issues/new',
      mocks: [
        audience,
        {
          request: { query: NewsletterPreviewDocument, variables: { body: '# Tytuł' } },
          result: { data: { newsletterPreview: '<h3>Tytuł</h3>' } },
        },
      ],
    });
    expect(await screen.findByText('Podgląd pojawi się, gdy wpiszesz treść.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Treść \(Markdown\)/), { target: { value: '# Tytuł' } });
    expect(await screen.findByRole('heading', { level: 3, name: 'Tytuł' })).toBeTruthy();
  });

  it('asks before sending, naming the audience, and says when the issue was already sent', async () => {
    renderPage(<IssueEditorPage />, {
      path: '/newsletter/issues/:id',
      route: '/newsletter/issues/i1',
      mocks: [
        audience,
        {
          request: { query: NewsletterIssueDocument, variables: { id: 'i1' } },
          result: { data: { newsletterIssue: draft } },
        },
        {
          request: { query: NewsletterPreviewDocument, variables: { body: draft.body } },
          result: { data: { newsletterPreview: draft.bodyHtml } },
        },
        {
          request: { query: SendNewsletterIssueDocument, variables: { id: 'i1' } },
          result: { errors: [new GraphQLError('sent', { extensions: { code: 'CONFLICT' } })] },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Wyślij do subskrybentów' }));
    expect(await screen.findByText(/trafi do 42 potwierdzonych subskrybentów/)).toBeTruthy();
    const dialog = screen.getByRole('dialog');
    fireEvent.click(
      [...dialog.querySelectorAll('button')].find(
        (b) => b.textContent === 'Wyślij do subskrybentów',
      )!,
    );
    expect(await screen.findByText('To wydanie zostało już wysłane.')).toBeTruthy();
  });
});
