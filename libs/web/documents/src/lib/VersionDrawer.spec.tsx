import { DocumentVersionsDocument, RestoreDocumentVersionDocument } from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { libraryDocument, person, renderPage, signedIn } from './testing';
import { VersionDrawer } from './VersionDrawer';

function version(number: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'DocumentVersion' as const,
    id: `v${number}`,
    number,
    size: 1024 * number,
    note: null,
    createdAt: `2026-05-0${number}T10:00:00Z`,
    isCurrent: false,
    restoredFromNumber: null,
    downloadUrl: `/api/documents/files/dl-v${number}`,
    previewUrl: `/api/documents/files/pv-v${number}`,
    uploadedBy: person('u1', 'Maria Wiśniewska'),
    ...extra,
  };
}

function versions(list: ReturnType<typeof version>[]) {
  return {
    request: { query: DocumentVersionsDocument, variables: { documentId: 'd1', first: 100 } },
    result: {
      data: {
        documentVersions: {
          __typename: 'DocumentVersionConnection',
          totalCount: list.length,
          edges: list.map((node) => ({ __typename: 'DocumentVersionEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        },
      },
    },
  };
}

const doc = libraryDocument('d1', 'Plan sieci szkół.pdf', { versionCount: 2 });

function render(mocks: object[], props: Partial<Parameters<typeof VersionDrawer>[0]> = {}) {
  const calls = { changed: vi.fn(), announce: vi.fn(), preview: vi.fn() };
  renderPage(
    <VersionDrawer
      document={doc}
      maxFileBytes={100 * 1024 * 1024}
      canUpload
      onClose={() => undefined}
      onChanged={calls.changed}
      onAnnounce={calls.announce}
      onPreview={calls.preview}
      {...props}
    />,
    { path: '/', mocks: mocks as never, session: signedIn() },
  );
  return calls;
}

describe('VersionDrawer', () => {
  it('lists the versions newest first: who, when, size, note; downloads and previews any', async () => {
    const calls = render([
      versions([
        version(2, {
          isCurrent: true,
          note: 'Dane za kwiecień',
          uploadedBy: person('u2', 'Agnieszka Dąbrowska'),
        }),
        version(1),
      ]),
    ]);
    const drawer = await screen.findByRole('dialog', {
      name: 'Historia wersji: Plan sieci szkół.pdf',
    });
    const items = await within(drawer).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Wersja 2');
    expect(items[0].textContent).toContain('bieżąca');
    expect(items[0].textContent).toContain('Agnieszka Dąbrowska');
    expect(items[0].textContent).toContain('Rozmiar: 2 KB');
    expect(items[0].textContent).toContain('Notatka: Dane za kwiecień');
    expect(
      within(items[1]).getByRole('link', { name: 'Pobierz wersję 1' }).getAttribute('href'),
    ).toBe('/api/documents/files/dl-v1');
    // The current version is not restored; an old one is.
    expect(within(items[0]).queryByRole('button', { name: /Przywróć/ })).toBeNull();
    fireEvent.click(within(items[1]).getByRole('button', { name: 'Podgląd wersji 1' }));
    expect(calls.preview).toHaveBeenCalledWith(
      expect.objectContaining({
        previewUrl: '/api/documents/files/pv-v1',
        contentType: 'application/pdf',
      }),
    );
    expect(within(drawer).getByLabelText(/^Notatka do wersji/)).toBeTruthy();
    expect(within(drawer).getByRole('button', { name: 'Wybierz plik nowej wersji' })).toBeTruthy();
  });

  it('restores an old version as a new current one', async () => {
    const calls = render([
      versions([version(2, { isCurrent: true }), version(1)]),
      {
        request: {
          query: RestoreDocumentVersionDocument,
          variables: { documentId: 'd1', versionId: 'v1' },
        },
        result: { data: { restoreDocumentVersion: { ...doc, versionCount: 3 } } },
      },
      versions([version(3, { isCurrent: true, restoredFromNumber: 1 }), version(2), version(1)]),
    ]);
    const drawer = await screen.findByRole('dialog', {
      name: 'Historia wersji: Plan sieci szkół.pdf',
    });
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Przywróć wersję 1' }));
    expect(await within(drawer).findByText('przywrócona z wersji 1')).toBeTruthy();
    expect(calls.announce).toHaveBeenCalledWith('Przywrócono wersję 1 jako nową bieżącą wersję.');
    expect(calls.changed).toHaveBeenCalled();
  });

  it('refuses a new version of another kind before sending it', async () => {
    render([versions([version(1, { isCurrent: true })])]);
    const drawer = await screen.findByRole('dialog', {
      name: 'Historia wersji: Plan sieci szkół.pdf',
    });
    const input =
      drawer.querySelector('input[type="file"]') ?? document.querySelector('input[type="file"]');
    fireEvent.change(input as HTMLInputElement, {
      target: { files: [new File(['x'], 'plan.docx')] },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Nowa wersja musi mieć to samo rozszerzenie („.pdf”).',
    );
  });

  it('offers no restore to who may not edit the document', async () => {
    render([versions([version(2, { isCurrent: true }), version(1)])], {
      document: { ...doc, viewerCanEdit: false },
      canUpload: false,
    });
    const drawer = await screen.findByRole('dialog', {
      name: 'Historia wersji: Plan sieci szkół.pdf',
    });
    await within(drawer).findByText('Wersja 1');
    expect(within(drawer).queryByRole('button', { name: /Przywróć/ })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: 'Wybierz plik nowej wersji' })).toBeNull();
  });
});
