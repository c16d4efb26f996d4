/**
 * Folds text the way people type it: lower case, no diacritics ("Łódź" → "lodz",
 * "Żory" → "zory"). Stored beside names so "lodz" finds Łódź; the same function
 * folds the query. "ł" has no Unicode decomposition, hence its own rule.
 */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim();
}
