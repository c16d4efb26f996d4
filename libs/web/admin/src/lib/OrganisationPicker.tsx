import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import type { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';
import { OrganisationOptionsDocument } from '@civitas/web/data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_NS } from './i18n';

export interface PickedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  membershipStatus: MembershipStatus;
  label: string;
}

/** A searchable select over the directory; the server does the (diacritic-blind) matching. */
export function OrganisationPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: PickedOrganisation | null;
  onChange: (organisation: PickedOrganisation | null) => void;
  error?: string;
}) {
  const { t } = useTranslation(ADMIN_NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = debounced.length >= 2 && debounced !== value?.label;
  const { data, loading } = useQuery(OrganisationOptionsDocument, {
    variables: { search: debounced, first: 20 },
    skip: !typing,
  });

  const found: PickedOrganisation[] = (typing ? (data?.organisations.edges ?? []) : []).map(
    ({ node }) => ({
      id: node.id,
      name: node.name,
      kind: node.kind,
      membershipStatus: node.membershipStatus,
      label: node.voivodeship
        ? `${node.name} (${node.voivodeship.name}) — ${t(`common:membershipStatus.${node.membershipStatus}`)}`
        : `${node.name} — ${t(`common:organisationKind.${node.kind}`)}`,
    }),
  );
  const options = value && !found.some((o) => o.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      id={id}
      label={t('invitations.organisation')}
      description={t('invitations.organisationHint')}
      required
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      // The server already filtered (and knows "lodz" is Łódź): show what it sent.
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(selected) => onChange(options.find((o) => o.id === selected) ?? null)}
      nothingFoundMessage={typing && !loading ? t('invitations.organisationNothing') : undefined}
      error={error}
      maxDropdownHeight={280}
      // Keep the list inside the page's landmarks (no portal).
      comboboxProps={{ withinPortal: false }}
    />
  );
}
