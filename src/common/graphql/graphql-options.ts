import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';
import { CompiledExecution } from './compiled-execution.js';
import { serviceUnavailableStatusPlugin } from '../../database/db-unavailable.js';
import { formatError, requestPlugin } from './error-handling.js';

/**
 * Apollo settings: the sorted schema file, the error model, and the limits against abusive
 * documents (graphql-armor: depth, aliases, cost, tokens, directives, no field suggestions in
 * production; no batched HTTP requests).
 */
export function graphqlOptions(config: AppConfig, schemaFile: string | false): ApolloDriverConfig & { gateway?: GatewayInterface } {
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: true, exposeLimits: !config.isProduction },
    maxAliases: { n: config.graphql.maxAliases, exposeLimits: !config.isProduction },
    costLimit: { maxCost: config.graphql.maxCost, ignoreIntrospection: true, exposeLimits: !config.isProduction },
    maxTokens: { n: config.graphql.maxTokens, exposeLimits: !config.isProduction },
    maxDirectives: { n: 20, exposeLimits: !config.isProduction },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();
  const execution = config.graphql.compiledExecution ? new CompiledExecution(config.graphql.compileAfterRuns) : null;
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile ? join(process.cwd(), schemaFile) : true,
    sortSchema: true,
    introspection: !config.isProduction,
    graphiql: !config.isProduction,
    // Stack traces only in development: test and production responses carry none.
    includeStacktraceInErrorResponses: config.env === 'development',
    allowBatchedHttpRequests: false,
    autoTransformHttpErrors: false,
    // Nest resets the HTTP status of every response that has a `data` key to 200; the API's RATE_LIMITED (429)
    // and SERVICE_UNAVAILABLE (503) errors set theirs (extensions.http, honoured by Apollo).
    preserveHttpStatusForExecutionErrors: false,
    csrfPrevention: true,
    validationRules: armor.validationRules,
    // graphql-armor's types point at Apollo's CommonJS build, Nest's at its ESM one: same objects.
    // Apollo's cache-control plugin (on by default) wraps every field resolver to collect cache hints the
    // API never sets: about a tenth of the CPU of a large response (the ranked proposal list). Off.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins, requestPlugin(config.benchSqlCount), serviceUnavailableStatusPlugin()] as unknown as ApolloDriverConfig['plugins'],
    formatError,
    context: (req: unknown) => ({ req }),
    // Operations run compiled (graphql-jit) from their second execution on: see CompiledExecution. Apollo
    // takes its executor from a gateway, which serves the schema Nest builds; `schema` is then unused. Nest's
    // config type leaves `gateway` out (its federation driver owns that name) but hands every option to Apollo.
    ...(execution ? { transformSchema: execution.useSchema, gateway: execution.gateway() } : {}),
  };
}
