import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { GroupPeopleOptionsDocument } from '@civitas/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';

export interface PickedPerson {
  id: string;
  name: string;
  label: string;
}

/** A searchable select over the people directory; the server does the diacritic-blind matching. */
export function PersonPicker({
  id,
  label,
  value,
  onChange,
  error,
  required = false,
  exclude = [],
}: {
  id: string;
  label: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  error?: string;
  required?: boolean;
  /** People not to offer (already chosen). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation(GROUPS_NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = debounced.length >= 2 && debounced !== value?.label;
  const { data, loading } = useQuery(GroupPeopleOptionsDocument, {
    variables: { search: debounced, first: 20 },
    skip: !typing,
  });
  const found: PickedPerson[] = (typing ? (data?.people.edges ?? []) : [])
    .filter(({ node }) => !exclude.includes(node.id))
    .map(({ node }) => ({
      id: node.id,
      name: node.name,
      label: `${node.name} (${node.organisation.name})`,
    }));
  const options = value && !found.some((o) => o.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      id={id}
      label={label}
      description={t('group.invitePersonHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(selected) => onChange(options.find((o) => o.id === selected) ?? null)}
      nothingFoundMessage={typing && !loading ? t('group.personNothing') : undefined}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
