import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * The most a query may cost: every field costs 1, and a page of `first` items costs `first`
 * times one item. The web's heaviest screen, a thread page of 50 posts, costs about 1,000;
 * two nested lists of 100 (1 × 100 × 100 × …) are refused.
 */
export const MAX_QUERY_COST = 5000;

/** A connection or list asked for with `first: n` costs n items, whether n is written or a variable. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args['first'] === 'number' ? 1 + Math.max(args['first'], 1) * childComplexity : undefined;

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName: operationName ?? undefined,
    estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Refuses an operation whose cost is over the limit before it runs. It prices the operation
 * with its variables (graphql-armor's cost rule sees only literals, so `first: $n` went free).
 */
export function queryCostPlugin(maxCost = MAX_QUERY_COST): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so its price can be kept beside it. Only
  // numbers among the variables change the price (page sizes), so they are the key.
  const prices = new WeakMap<DocumentNode, Map<string, number>>();
  const price = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> = {},
    operationName?: string | null,
  ): number => {
    const key = JSON.stringify([
      operationName,
      Object.entries(variables).filter(([, v]) => typeof v === 'number'),
    ]);
    let byKey = prices.get(document);
    if (!byKey) prices.set(document, (byKey = new Map()));
    let cost = byKey.get(key);
    if (cost === undefined) {
      try {
        cost = queryCost(schema, document, variables, operationName);
      } catch (e) {
        // Variables that do not fit their types: execution refuses them as BAD_USER_INPUT
        // before any resolver runs, so there is nothing to price (and nothing kept).
        if (e instanceof GraphQLError) return 0;
        throw e;
      }
      if (byKey.size >= 16) byKey.clear(); // a handful of page sizes per query, not a leak
      byKey.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = price(schema, document, request.variables, request.operationName);
          if (cost > maxCost) {
            throw new GraphQLError(
              `This query costs ${cost}, over the limit of ${maxCost}: ask for fewer items per page or fewer nested lists`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
