import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderRegistry } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { TribunalCasesService } from './tribunal-cases.service';
import {
  TribunalCaseCity,
  TribunalLinkedCase,
  TribunalLinkedOpinion,
  TribunalStageEntry,
} from './tribunal.types';

/** Request-scoped batches for the case field resolvers: one statement per kind per page. */
@Injectable()
export class TribunalLoaders {
  constructor(private readonly cases: TribunalCasesService) {}

  cities(loaders: LoaderRegistry, user: AuthUser) {
    return loaders.get(
      'tribunalCities',
      () =>
        new DataLoader<{ id: string; party: boolean }, TribunalCaseCity[], string>(
          async (keys) => {
            const byCase = await this.cases.citiesOf(user, keys);
            return keys.map((k) => byCase.get(k.id) ?? []);
          },
          { cacheKeyFn: (k) => `${k.id}:${k.party}` },
        ),
    );
  }

  timeline(loaders: LoaderRegistry) {
    return loaders.get(
      'tribunalTimeline',
      () =>
        new DataLoader<string, TribunalStageEntry[]>(async (ids) => {
          const byCase = await this.cases.timelinesOf(ids);
          return ids.map((id) => byCase.get(id) ?? []);
        }),
    );
  }

  linkedCases(loaders: LoaderRegistry) {
    return loaders.get(
      'tribunalLinkedCases',
      () =>
        new DataLoader<string, TribunalLinkedCase[]>(async (ids) => {
          const byCase = await this.cases.linkedCasesOf(ids);
          return ids.map((id) => byCase.get(id) ?? []);
        }),
    );
  }

  linkedOpinions(loaders: LoaderRegistry, user: AuthUser) {
    return loaders.get(
      'tribunalLinkedOpinions',
      () =>
        new DataLoader<{ id: string; opinionIds: string[] }, TribunalLinkedOpinion[], string>(
          async (keys) => {
            const byCase = await this.cases.linkedOpinionsOf(user, keys);
            return keys.map((k) => byCase.get(k.id) ?? []);
          },
          { cacheKeyFn: (k) => `${k.id}:${k.opinionIds.join(',')}` },
        ),
    );
  }
}
