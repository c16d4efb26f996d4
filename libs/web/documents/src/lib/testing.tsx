import { Role } from '@civitas/shared/domain';
import { signedInAs } from '@civitas/web/data-access/testing';
import { renderPage as renderWith } from '@civitas/web/ui/testing';
import type { ReactElement } from 'react';
import { documentsTranslations, DOCUMENTS_NS } from './i18n';

/** Renders a page of this library with its translations (see @civitas/web/ui/testing). */
export function renderPage(
  page: ReactElement,
  options: Omit<Parameters<typeof renderWith>[1], 'translations'>,
) {
  return renderWith(page, { ...options, translations: { [DOCUMENTS_NS]: documentsTranslations } });
}

/** A session signed in as `role`, a city official unless told (id `u1`, the library's owner). */
export function signedIn(role: Role = Role.CITY_OFFICIAL) {
  return signedInAs(role, { id: 'u1' });
}

export const person = (id: string, name: string) => ({
  __typename: 'DocumentPerson' as const,
  id,
  name,
});

export function libraryDocument(id: string, name: string, extra: Record<string, unknown> = {}) {
  const extension = name.split('.').pop() ?? '';
  return {
    __typename: 'Document' as const,
    id,
    name,
    extension,
    contentType: extension === 'pdf' ? 'application/pdf' : 'application/octet-stream',
    size: 2048,
    folderId: null,
    ownerId: 'g1',
    updatedAt: '2026-05-01T10:00:00Z',
    versionCount: 1,
    viewerCanEdit: true,
    viewerCanManage: false,
    downloadUrl: `/api/documents/files/dl-${id}`,
    previewUrl: extension === 'pdf' ? `/api/documents/files/pv-${id}` : null,
    createdBy: person('u1', 'Maria Wiśniewska'),
    ...extra,
  };
}

export const folder = (id: string, name: string, parentId: string | null) => ({
  __typename: 'DocumentFolder' as const,
  id,
  name,
  parentId,
  ownerId: 'g1',
  updatedAt: '2026-05-01T10:00:00Z',
});

export function connection(typename: string, nodes: { id: string }[]) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, cursor: `c-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo' as const, endCursor: null, hasNextPage: false },
  };
}
