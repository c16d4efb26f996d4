import { createI18n } from '@civitas/web/ui';
import { describe, expect, it } from 'vitest';
import {
  childFolders,
  daysLeft,
  folderAndDescendants,
  folderPath,
  formatBytes,
  highlightParts,
  uploadErrorText,
} from './document-rules';
import { documentsTranslations, DOCUMENTS_NS } from './i18n';
import { UPLOAD_ERROR_CODES } from '@civitas/web/data-access';
import { percent, type UploadItem, uploadQueueReducer } from './useUploadQueue';

describe('formatBytes', () => {
  it.each([
    [0, 'pl', '0 B'],
    [512, 'pl', '512 B'],
    [1536, 'pl', '1,5 KB'],
    [5 * 1024 ** 3, 'pl', '5 GB'],
    [1536, 'en', '1.5 KB'],
    [150 * 1024 ** 2, 'en', '150 MB'],
  ])('%i in %s is %s', (bytes, language, text) => {
    expect(formatBytes(bytes, language).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

describe('highlightParts', () => {
  it('keeps only <mark> as markup and turns the escaped text back into text', () => {
    expect(
      highlightParts('Plan &lt;b&gt;sieci&lt;/b&gt; <mark>szkół</mark> &amp; przedszkoli'),
    ).toEqual([
      { text: 'Plan <b>sieci</b> ', mark: false },
      { text: 'szkół', mark: true },
      { text: ' & przedszkoli', mark: false },
    ]);
  });

  it('never yields HTML: a script stays text', () => {
    const parts = highlightParts('<script>alert(1)</script><mark>x</mark>');
    expect(parts[0]).toEqual({ text: '<script>alert(1)</script>', mark: false });
    expect(parts[1]).toEqual({ text: 'x', mark: true });
  });
});

describe('folders', () => {
  const folders = [
    { id: 'a', name: 'Raporty', parentId: null },
    { id: 'b', name: '2026', parentId: 'a' },
    { id: 'c', name: 'Kwiecień', parentId: 'b' },
    { id: 'd', name: 'Analizy', parentId: null },
  ];
  it('gives the path from the top for breadcrumbs', () => {
    expect(folderPath(folders, 'c').map((f) => f.name)).toEqual(['Raporty', '2026', 'Kwiecień']);
    expect(folderPath(folders, null)).toEqual([]);
    expect(folderPath(folders, 'unknown')).toEqual([]);
  });
  it('lists children by name and a folder with its descendants', () => {
    expect(childFolders(folders, null).map((f) => f.name)).toEqual(['Analizy', 'Raporty']);
    expect([...folderAndDescendants(folders, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('daysLeft', () => {
  it('counts whole days up, never below 0', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(daysLeft('2026-05-31T12:00:00Z', now)).toBe(30);
    expect(daysLeft('2026-05-02T00:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-04-01T00:00:00Z', now)).toBe(0);
  });
});

describe('upload errors in words', () => {
  it.each(['pl', 'en'] as const)('every code has a sentence in %s', (language) => {
    const i18n = createI18n(
      { [DOCUMENTS_NS]: documentsTranslations },
      { language, persist: false },
    );
    for (const code of UPLOAD_ERROR_CODES) {
      const text = uploadErrorText(i18n.t, code, 100 * 1024 * 1024, language);
      expect(text, code).not.toContain('errors.');
      expect(text.length, code).toBeGreaterThan(5);
    }
    expect(uploadErrorText(i18n.t, 'FILE_TOO_LARGE', 100 * 1024 * 1024, language)).toContain(
      '100 MB',
    );
  });
});

describe('the upload queue', () => {
  const item = (id: string, size = 100): UploadItem => ({
    id,
    name: `${id}.pdf`,
    size,
    loaded: 0,
    status: 'waiting',
  });

  it('follows a file from waiting to done with its progress', () => {
    let items = uploadQueueReducer([], { type: 'added', items: [item('a'), item('b')] });
    items = uploadQueueReducer(items, { type: 'started', id: 'a' });
    items = uploadQueueReducer(items, { type: 'progress', id: 'a', loaded: 40 });
    expect(items[0]).toMatchObject({ status: 'uploading', loaded: 40 });
    expect(percent(items[0])).toBe(40);
    items = uploadQueueReducer(items, {
      type: 'done',
      id: 'a',
      result: {
        documentId: 'd',
        versionId: 'v',
        number: 1,
        name: 'a.pdf',
        size: 100,
        contentType: 'application/pdf',
      },
    });
    expect(items[0].status).toBe('done');
    expect(percent(items[0])).toBe(100);
    expect(items[1].status).toBe('waiting');
  });

  it('keeps a finished file as it ended (a late progress event changes nothing)', () => {
    let items = uploadQueueReducer([item('a')], { type: 'cancelled', id: 'a' });
    items = uploadQueueReducer(items, { type: 'progress', id: 'a', loaded: 90 });
    items = uploadQueueReducer(items, { type: 'failed', id: 'a', error: 'NETWORK' });
    expect(items[0]).toMatchObject({ status: 'cancelled', loaded: 0 });
  });

  it('records the refusal and clears only finished files', () => {
    let items = uploadQueueReducer([item('a'), item('b')], {
      type: 'failed',
      id: 'a',
      error: 'QUOTA_EXCEEDED',
    });
    expect(items[0]).toMatchObject({ status: 'failed', error: 'QUOTA_EXCEEDED' });
    items = uploadQueueReducer(items, { type: 'cleared' });
    expect(items.map((i) => i.id)).toEqual(['b']);
  });
});
