import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';

/**
 * Request-scoped DataLoaders: one registry per GraphQL request, created in the context,
 * so field resolvers batch their look-ups instead of issuing a query per row.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): LoaderRegistry =>
    GqlExecutionContext.create(context).getContext<{ loaders: LoaderRegistry }>().loaders,
);

/** Orders batch results as DataLoader requires: one entry per key, null where missing. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}
