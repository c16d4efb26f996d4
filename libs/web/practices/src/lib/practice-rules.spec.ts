import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight';
import { changedFields, emptyForm, toDraftInput } from './practice-form';
import { formatPln, groszeToInput, plnToGrosze, problemsByStep } from './practice-rules';

describe('amounts', () => {
  it('reads PLN as typed into whole grosze and back', () => {
    expect(plnToGrosze('250 000')).toBe(25_000_000);
    expect(plnToGrosze('1 200,5')).toBe(120_050);
    expect(plnToGrosze('99.99 zł')).toBe(9_999);
    expect(plnToGrosze('-5')).toBeNull();
    expect(plnToGrosze('1,234')).toBeNull();
    expect(plnToGrosze('abc')).toBeNull();
    expect(groszeToInput(120_050)).toBe('1200,50');
    expect(groszeToInput(25_000_000)).toBe('250000');
    expect(formatPln(25_000_050).replace(/\s/g, ' ')).toBe('250 000,50 zł');
  });
});

describe('the draft input', () => {
  it('sends amounts in grosze and leaves out an amount that is not one', () => {
    const values = {
      ...emptyForm(),
      title: 'Tytuł',
      cost: '1 000',
      funding: [{ source: 'budżet miasta', amount: '500,25' }],
    };
    expect(toDraftInput(values).input).toMatchObject({
      title: 'Tytuł',
      costGrosze: 100_000,
      funding: [{ source: 'budżet miasta', amountGrosze: 50_025 }],
    });
    const bad = toDraftInput({ ...values, cost: 'dużo' });
    expect(bad.invalid).toEqual(['costGrosze']);
    expect('costGrosze' in bad.input).toBe(false);
  });

  it('autosave sends only what changed since the last save', () => {
    const first = toDraftInput({ ...emptyForm(), title: 'Szkoły' }).input;
    const next = toDraftInput({ ...emptyForm(), title: 'Szkoły', problem: 'Zimno' }).input;
    expect(changedFields(first, next)).toEqual({ problem: 'Zimno' });
    expect(changedFields(null, next)).toBe(next);
  });
});

describe('submission problems', () => {
  it('groups the API fields by form step, in step order', () => {
    expect(
      problemsByStep([
        { field: 'contactPersonId', problems: ['is required to submit'] },
        { field: 'title', problems: ['needs at least 5 characters'] },
        { field: 'input.results', problems: ['is required to submit'] },
        { field: 'actions', problems: ['is required to submit'] },
        { field: 'periodStart', problems: ['is required to submit'] },
        { field: 'funding.0.amountGrosze', problems: ['must be positive'] },
      ]),
    ).toEqual([
      { step: 'basics', fields: ['title'] },
      { step: 'actions', fields: ['results', 'actions'] },
      { step: 'costs', fields: ['funding'] },
      { step: 'period', fields: ['periodStart'] },
      { step: 'contact', fields: ['contactPersonId'] },
    ]);
  });
});

describe('highlightParts', () => {
  it('reads only <mark> as markup and decodes the escaped rest as text', () => {
    expect(highlightParts('Nowe &lt;b&gt; <mark>szkoły</mark> &amp; przedszkola')).toEqual([
      { text: 'Nowe <b> ', mark: false },
      { text: 'szkoły', mark: true },
      { text: ' & przedszkola', mark: false },
    ]);
    expect(highlightParts('<script>alert(1)</script><mark>x</mark>')).toEqual([
      { text: '<script>alert(1)</script>', mark: false },
      { text: 'x', mark: true },
    ]);
  });
});
