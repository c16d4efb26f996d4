import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { TRIBUNAL_SEARCH_MAX } from '@civitas/shared/domain';
import { TribunalCaseChoicesDocument } from '@civitas/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTribunalError } from './errors';
import { TRIBUNAL_NS } from './i18n';

/** A case as the picker keeps it: the id the API takes and the label it shows. */
export interface PickedCase {
  id: string;
  label: string;
}

const CHOICES = 20;

/**
 * A case, found by the server as one types (words of the title or the challenged act in any
 * Polish form, or a signature such as "K 3/25"); the newest cases when nothing is typed. Asked
 * only once the list is opened or something typed: the office's list reads are audited.
 */
export function TribunalCasePicker({
  id,
  label,
  description,
  value,
  onChange,
  exclude,
  error,
}: {
  id: string;
  label: string;
  description: string;
  value: PickedCase | null;
  onChange: (picked: PickedCase | null) => void;
  /** Cases not to offer (the case itself, those already joined). */
  exclude: readonly string[];
  error?: string;
}) {
  const { t } = useTranslation(TRIBUNAL_NS);
  const errorOf = useTribunalError();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Two characters with a letter or digit (the API refuses punctuation alone), and not the
  // chosen case's label, which the box shows once chosen.
  const asked = (text: string) =>
    text.length >= 2 &&
    text.length <= TRIBUNAL_SEARCH_MAX &&
    /[\p{L}\p{N}]/u.test(text) &&
    text !== value?.label
      ? text
      : null;
  const typed = asked(debounced);
  const choices = useQuery(TribunalCaseChoicesDocument, {
    variables: { search: typed, first: CHOICES },
    skip: !opened && !typed,
  });
  // Until the pause is over and the server has answered, the list would be another search's
  // (Enter would pick a case the words do not name).
  const settled = asked(search.trim()) === typed && !choices.loading;
  const found: PickedCase[] = (settled ? (choices.data?.tribunalCases.edges ?? []) : [])
    .map(({ node }) => node)
    .filter((c) => !exclude.includes(c.id))
    .map((c) => {
      const signature = c.signature ?? c.preliminarySignature;
      return { id: c.id, label: signature ? `${c.title} (${signature})` : c.title };
    });
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      id={id}
      label={label}
      description={description}
      required
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      data={options.map((c) => ({ value: c.id, label: c.label }))}
      // The server already matched (and knows "uzdrowiskami" is "uzdrowisk"): show what it sent.
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(picked) => onChange(options.find((c) => c.id === picked) ?? null)}
      nothingFoundMessage={settled ? t('links.nothing') : t('links.searching')}
      error={error ?? (choices.error ? errorOf(choices.error) : undefined)}
      maxDropdownHeight={280}
      // Keep the list inside the page's landmarks (no portal).
      comboboxProps={{ withinPortal: false }}
    />
  );
}
