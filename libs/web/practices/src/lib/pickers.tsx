import { useQuery } from '@apollo/client/react';
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PRACTICE_PARTNERS_MAX } from '@civitas/shared/domain';
import {
  PracticeContactOptionsDocument,
  PracticePartnerOptionsDocument,
} from '@civitas/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRACTICES_NS } from './i18n';

/** A city or person as the form keeps it: the id the API takes and the name it shows. */
export interface Picked {
  id: string;
  name: string;
}

/** Typed words the server is asked about: two letters at least, after a pause. */
function useTyped(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  return debounced.length >= 2 ? debounced : '';
}

/**
 * Partner cities: any Polish town, found by name as the directory finds them (the server
 * matches "lodz" to Łódź), several at once. The implementing city and the office are not
 * offered; chosen towns stay listed as pills whatever is typed.
 */
export function PartnerCitiesPicker({
  value,
  onChange,
  implementingCityId,
  error,
}: {
  value: readonly Picked[];
  onChange: (cities: Picked[]) => void;
  implementingCityId: string;
  error?: string;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  const [search, setSearch] = useState('');
  const typed = useTyped(search);
  const { data, loading } = useQuery(PracticePartnerOptionsDocument, {
    variables: { search: typed, first: 20 },
    skip: !typed,
  });
  const found = (typed ? (data?.organisations.edges ?? []) : [])
    .map((e) => e.node)
    .filter((o) => o.kind !== 'ASSOCIATION_OFFICE' && o.id !== implementingCityId);
  const labels = new Map<string, string>(value.map((c) => [c.id, c.name]));
  for (const o of found) {
    if (labels.has(o.id)) continue;
    const where = o.voivodeship ? ` (${o.voivodeship.name})` : '';
    const member = o.membershipStatus === 'MEMBER' ? ` — ${t('form.partnerMember')}` : '';
    labels.set(o.id, `${o.name}${where}${member}`);
  }
  const names = new Map<string, string>([
    ...value.map((c) => [c.id, c.name] as const),
    ...found.map((o) => [o.id, o.name] as const),
  ]);
  return (
    <MultiSelect
      id="practice-partnerCityIds"
      label={t('form.field.partnerCityIds')}
      description={t('form.partnersHint', { max: PRACTICE_PARTNERS_MAX })}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      searchable
      clearable
      hidePickedOptions
      maxValues={PRACTICE_PARTNERS_MAX}
      searchValue={search}
      onSearchChange={setSearch}
      data={[...labels].map(([id, label]) => ({ value: id, label }))}
      // The server already matched (and knows "lodz" is Łódź): show what it sent.
      filter={({ options }) => options}
      value={value.map((c) => c.id)}
      onChange={(ids) => {
        onChange(ids.map((id) => ({ id, name: names.get(id) ?? labels.get(id) ?? id })));
        setSearch('');
      }}
      nothingFoundMessage={typed && !loading ? t('form.partnerNothing') : undefined}
      error={error}
      maxDropdownHeight={280}
      // Keep the list inside the page's landmarks (no portal).
      comboboxProps={{ withinPortal: false }}
    />
  );
}

/**
 * The contact person: someone of the implementing city, listed when the box opens and
 * narrowed by name as one types (the server matches without diacritics).
 */
export function ContactPersonPicker({
  value,
  onChange,
  organisationId,
  error,
}: {
  value: Picked | null;
  onChange: (person: Picked | null) => void;
  organisationId: string;
  error?: string;
}) {
  const { t } = useTranslation(PRACTICES_NS);
  const [search, setSearch] = useState('');
  const typed = useTyped(search);
  const narrowing = typed && typed !== value?.name ? typed : null;
  const { data, loading } = useQuery(PracticeContactOptionsDocument, {
    variables: { organisationId, search: narrowing, first: 50 },
    skip: !organisationId,
  });
  const found = (data?.people.edges ?? []).map((e) => e.node);
  // Labelled by name alone: the box shows the chosen label, and typing it again must not
  // narrow the list to nothing.
  const options = new Map<string, string>();
  if (value) options.set(value.id, value.name);
  for (const p of found) options.set(p.id, p.name);
  return (
    <Select
      id="practice-contactPersonId"
      label={t('form.field.contactPersonId')}
      description={t('form.field.contactHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      withAsterisk
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => {
        const name = id ? options.get(id) : undefined;
        onChange(id && name ? { id, name } : null);
      }}
      nothingFoundMessage={!loading ? t('form.contactNothing') : undefined}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
