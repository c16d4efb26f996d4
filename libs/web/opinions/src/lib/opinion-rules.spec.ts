import { OpinionRequestAction } from '@civitas/shared/domain';
import { describe, expect, it } from 'vitest';
import { buttonActions, formatGrosze, plnToGrosze, snippetParts } from './opinion-rules';

describe('plnToGrosze', () => {
  it.each([
    ['2500', 250000],
    ['2 500,50', 250050],
    ['2500.5', 250050],
    ['0,99', 99],
    ['1 234 567,89 zł', 123456789],
  ])('%s zł is %i grosze', (text, grosze) => expect(plnToGrosze(text)).toBe(grosze));

  it.each(['', 'abc', '-5', '12,345', '1e3'])('refuses %j', (text) =>
    expect(plnToGrosze(text)).toBeNull(),
  );

  it('formats grosze back as złoty', () => {
    expect(formatGrosze(1234550, 'pl-PL').replace(/\s/g, ' ')).toBe('12 345,50 zł');
  });
});

describe('buttonActions', () => {
  it('shows only what the API allows, in a fixed order, never EDIT or the audit log', () => {
    expect(
      buttonActions([
        OpinionRequestAction.VIEW_AUDIT_LOG,
        OpinionRequestAction.REJECT,
        OpinionRequestAction.EDIT,
        OpinionRequestAction.ACCEPT,
      ]),
    ).toEqual([OpinionRequestAction.ACCEPT, OpinionRequestAction.REJECT]);
    expect(buttonActions([])).toEqual([]);
  });
});

describe('snippetParts', () => {
  it('reads only <mark> as markup and decodes the escaped text', () => {
    expect(snippetParts('Najem &quot;okazjonalny&quot; <mark>lokali</mark> &amp; gmina')).toEqual([
      { text: 'Najem "okazjonalny" ', mark: false },
      { text: 'lokali', mark: true },
      { text: ' & gmina', mark: false },
    ]);
  });

  it('keeps any other tag as visible text', () => {
    const parts = snippetParts('<img src=x onerror=alert(1)><mark>a</mark>&lt;b&gt;');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'a', mark: true },
      { text: '<b>', mark: false },
    ]);
  });
});
