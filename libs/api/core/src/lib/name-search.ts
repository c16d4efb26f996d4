import { foldForSearch } from '@civitas/shared/domain';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A WHERE condition matching names whose words start with what was typed, folded
 * ("zory" finds Żory but not Kaczory; "biala" finds Biała Podlaska and Bielsko-Biała).
 * `column` must hold text folded with foldForSearch.
 */
export function nameStartsWith(
  column: string,
  typed: string,
  param = 'name',
): [string, Record<string, string>] {
  const folded = escapeLike(foldForSearch(typed));
  return [
    `(${column} LIKE :${param}Start ESCAPE '\\' OR ${column} LIKE :${param}Word ESCAPE '\\' OR ${column} LIKE :${param}Part ESCAPE '\\')`,
    {
      [`${param}Start`]: `${folded}%`,
      [`${param}Word`]: `% ${folded}%`,
      [`${param}Part`]: `%-${folded}%`,
    },
  ];
}
