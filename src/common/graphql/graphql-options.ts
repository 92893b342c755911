import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';
import { CompiledExecution } from './compiled-execution.js';
import { serviceUnavailableStatusPlugin } from '../../database/db-unavailable.js';
import { documentLimits, variableLimitsPlugin } from './document-limits.js';
import { createFormatError, requestPlugin } from './error-handling.js';
import { queryCostPlugin } from './query-cost.js';

/** The GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Apollo settings: the sorted schema file, the error model, and the limits against abusive
 * documents (graphql-armor: depth, aliases, directives; graphql-js: tokens; query-cost.ts: the cost with
 * the operation's variables; no suggestions in production; no batched HTTP requests; no persisted queries).
 */
export function graphqlOptions(
  config: AppConfig,
  schemaFile: string | false,
): ApolloDriverConfig & { gateway?: GatewayInterface } {
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.graphql.maxDepth,
      ignoreIntrospection: true,
      exposeLimits: !config.isProduction,
    },
    maxAliases: { n: config.graphql.maxAliases, exposeLimits: !config.isProduction },
    // The cost is priced with the operation's variables by queryCostPlugin (graphql-armor's ignores them).
    costLimit: { enabled: false },
    // The token limit is graphql-js's own parser option (parseOptions below): graphql-armor's throws from a
    // plugin hook before Apollo parses, which Apollo answers with HTTP 500 for every syntax error.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: !config.isProduction },
    // Suggestions are removed by the error formatter, everywhere (armor's mask misses enum values and
    // variables, and its "[Suggestion hidden]" marker still tells that a near name exists).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const execution = config.graphql.compiledExecution
    ? new CompiledExecution(config.graphql.compileAfterRuns)
    : null;
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: schemaFile ? join(process.cwd(), schemaFile) : true,
    sortSchema: true,
    introspection: !config.isProduction,
    // Apollo's landing page stays off everywhere (Nest's GraphiQL page loads React and GraphiQL from a public
    // CDN): in development the service serves GraphiQL itself at /graphiql (common/http/graphiql.ts), and a
    // browser's GET /graphql is redirected there.
    graphiql: false,
    // Stack traces only in development: test and production responses carry none.
    includeStacktraceInErrorResponses: config.env === 'development',
    allowBatchedHttpRequests: false,
    autoTransformHttpErrors: false,
    // Errors that state an HTTP status (RATE_LIMITED 429, SERVICE_UNAVAILABLE 503, with Retry-After) keep it:
    // Nest's driver would otherwise reset the status of any response with `data` to 200.
    preserveHttpStatusForExecutionErrors: false,
    csrfPrevention: true,
    validationRules: [documentLimits(config), ...armor.validationRules],
    // graphql-armor's types point at Apollo's CommonJS build, Nest's at its ESM one: same objects.
    // Apollo's cache-control plugin (on by default) wraps every field resolver to collect cache hints the
    // API never sets: about a tenth of the CPU of a large response (the ranked proposal list). Off.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      requestPlugin(config.benchSqlCount),
      variableLimitsPlugin(),
      queryCostPlugin(config.graphql.maxCost),
      serviceUnavailableStatusPlugin(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError: createFormatError({ production: config.isProduction }),
    // Over the limit, parsing stops: GRAPHQL_PARSE_FAILED, HTTP 400, reason TOO_MANY_TOKENS.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // No client uses automatic persisted queries: a request with extensions.persistedQuery is refused with
    // PERSISTED_QUERY_NOT_SUPPORTED (HTTP 400, see requestPlugin), and no client can fill a query cache.
    persistedQueries: false,
    context: (req: unknown) => ({ req }),
    // Operations run compiled (graphql-jit) from their second execution on: see CompiledExecution. Apollo
    // takes its executor from a gateway, which serves the schema Nest builds; `schema` is then unused. Nest's
    // config type leaves `gateway` out (its federation driver owns that name) but hands every option to Apollo.
    ...(execution ? { transformSchema: execution.useSchema, gateway: execution.gateway() } : {}),
  };
}
