import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request, Response } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { AppConfig } from './config';
import { LoaderRegistry } from './loaders';
import { queryCostPlugin } from './query-cost';

export interface GraphQLContext {
  req: Request;
  res: Response;
  loaders: LoaderRegistry;
}

/**
 * Apollo options shared by the app and the tests. The schema is built in memory; the
 * committed apps/api/schema.graphql is written and checked by apps/api's schema test.
 */
export function createGraphQLOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.env === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
    // Priced with the variables by queryCostPlugin instead.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: !production,
    playground: false,
    includeStacktraceInErrorResponses: !production,
    // No HTTP caching of GraphQL answers here (they are per person); left on, Apollo's
    // cache-control plugin wraps every field resolver to compute cache hints.
    plugins: [ApolloServerPluginCacheControlDisabled(), queryCostPlugin(), ...protection.plugins],
    // Let a refusal keep its HTTP meaning (a throttled sign-in answers 429 with Retry-After).
    preserveHttpStatusForExecutionErrors: false,
    validationRules: protection.validationRules,
    context: ({ req, res }: { req: Request; res: Response }): GraphQLContext => ({
      req,
      res,
      loaders: new LoaderRegistry(),
    }),
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => {
      const code = formatted.extensions?.['code'];
      if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) {
        return {
          message: 'Something went wrong on our side',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      return formatted;
    },
  };
}
