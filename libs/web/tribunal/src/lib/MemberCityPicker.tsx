import { useQuery } from '@apollo/client/react';
import { NativeSelect, TextInput } from '@mantine/core';
import { TribunalMemberCitiesDocument } from '@civitas/web/data-access';
import { useEffect, useState } from 'react';

/**
 * A member city, found by name: a search box and the matching member cities. The first match
 * is chosen until the user picks another, so `value` always names a city that is listed.
 */
export function MemberCityPicker({
  searchLabel,
  label,
  value,
  onChange,
}: {
  searchLabel: string;
  label: string;
  value: string;
  onChange: (organisationId: string) => void;
}) {
  const [search, setSearch] = useState('');
  const cities = useQuery(TribunalMemberCitiesDocument, { variables: { search: search || null } });
  const options = cities.data?.organisations.edges.map((e) => e.node) ?? [];
  const first = options[0]?.id ?? '';
  const listed = options.some((o) => o.id === value);
  useEffect(() => {
    if (first && !listed) onChange(first);
  }, [first, listed, onChange]);
  return (
    <>
      <TextInput
        type="search"
        label={searchLabel}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <NativeSelect
        label={label}
        data={options.map((o) => ({ value: o.id, label: o.name }))}
        value={listed ? value : first}
        onChange={(e) => onChange(e.currentTarget.value)}
        required
      />
    </>
  );
}
