import DataLoader from 'dataloader';
import { byKeys, LoaderRegistry } from '@civitas/api/core';
import { Organisation, Voivodeship } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

export function organisationLoader(loaders: LoaderRegistry, service: OrganisationsService) {
  return loaders.get(
    'organisation',
    () =>
      new DataLoader<string, Organisation | null>(async (ids) =>
        byKeys(ids, await service.byIds(ids), (o) => o.id),
      ),
  );
}

/** All sixteen voivodeships in one query per request, whatever the page size. */
export function voivodeshipLoader(loaders: LoaderRegistry, service: OrganisationsService) {
  return loaders.get(
    'voivodeship',
    () =>
      new DataLoader<string, Voivodeship | null>(async (codes) =>
        byKeys(codes, await service.voivodeships(), (v) => v.code),
      ),
  );
}
