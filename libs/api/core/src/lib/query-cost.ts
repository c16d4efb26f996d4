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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = queryCost(schema, document, request.variables, request.operationName);
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
