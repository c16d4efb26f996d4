import { commonTranslations } from '@civitas/web/ui';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './i18n';

function leaves(tree: unknown, prefix = ''): Record<string, string> {
  if (typeof tree === 'string') return { [prefix]: tree };
  return Object.assign(
    {},
    ...Object.entries(tree as Record<string, unknown>).map(([k, v]) =>
      leaves(v, prefix ? `${prefix}.${k}` : k),
    ),
  );
}

const ALL = { common: commonTranslations, ...NAMESPACES };

describe('translations', () => {
  it.each(Object.entries(ALL))(
    '%s: Polish and English have the same keys, none empty',
    (_ns, bundle) => {
      const pl = leaves(bundle.pl);
      const en = leaves(bundle.en);
      expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
      for (const [key, text] of [...Object.entries(pl), ...Object.entries(en)])
        expect(text.trim(), key).not.toBe('');
    },
  );

  it('uses the same {{placeholders}} in both languages', () => {
    for (const bundle of Object.values(ALL)) {
      const pl = leaves(bundle.pl);
      const en = leaves(bundle.en);
      for (const key of Object.keys(pl)) {
        const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
        expect(vars(en[key]), key).toEqual(vars(pl[key]));
      }
    }
  });

  it('speaks correct Polish for the key actions', () => {
    const pl = Object.values(ALL).flatMap((b) => Object.values(leaves(b.pl)));
    for (const phrase of [
      'Zaloguj się',
      'Nie pamiętasz hasła?',
      'Katalog miast',
      'Wyloguj się',
      'Wyloguj ze wszystkich urządzeń',
    ]) {
      expect(pl, phrase).toContain(phrase);
    }
  });
});
