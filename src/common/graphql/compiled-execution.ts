import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphqlContext } from './error-handling.js';

interface DocumentState {
  /** graphql-js executions so far, counted up to compileAfterRuns. */
  runs: number;
  /** Per operation name ('' for an anonymous one); null when the compiler refused the operation. */
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * Executes GraphQL operations with graphql-jit: a validated operation is compiled once into a JavaScript
 * function that resolves exactly its fields, instead of graphql-js walking the document for every field of
 * every response. The same resolvers run with the same arguments, context and resolve info, so guards,
 * pipes and DataLoaders behave as before; the results follow the GraphQL specification like graphql-js's.
 *
 * Plugged into Apollo Server through its gateway interface (the supported way to replace its executor): the
 * request pipeline (parsing, validation with the document limits, context, plugins, error formatting) is
 * Apollo's own, only execution changes. graphql-js still executes:
 * - an operation's first run (one-off documents are not worth a compilation, and a client sending many
 *   distinct documents cannot make the service compile them all);
 * - an operation whose variables do not coerce, so the refusal is graphql-js's exact BAD_USER_INPUT error;
 * - an operation with a variable of an input type that has a required field with a default value (e.g.
 *   `mustHave: Boolean! = false`): graphql-jit 0.8 refuses such a field when it is omitted, where the
 *   specification (and graphql-js) gives it its default;
 * - introspection, and anything the compiler refuses.
 * Compiled operations are kept per parsed document (a WeakMap), so they live exactly as long as Apollo's
 * bounded document cache keeps the document.
 */
export class CompiledExecution {
  /**
   * @param compileAfterRuns how many times graphql-js executes a document before it is compiled (the
   *   configuration's GRAPHQL_COMPILE_AFTER_RUNS, 1: a document sent once costs no compilation; the tests use 0,
   *   so that every operation of the suite runs compiled).
   */
  constructor(private readonly compileAfterRuns: number) {}

  private schema?: GraphQLSchema;
  private readonly documents = new WeakMap<DocumentNode, DocumentState>();

  /** Nest's `transformSchema` hook: the executable schema, once built. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  /** The gateway Apollo Server loads: it serves the schema above and executes with `execute` below. */
  gateway(): GatewayInterface {
    let listener:
      | ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void)
      | undefined;
    return {
      onSchemaLoadOrUpdate: (callback) => {
        listener = callback;
        return () => (listener = undefined);
      },
      load: async () => {
        if (!this.schema)
          throw new Error(
            'CompiledExecution: the schema was not built before Apollo Server started',
          );
        listener?.({ apiSchema: this.schema, coreSupergraphSdl: '' });
        return { executor: (requestContext) => this.execute(requestContext) };
      },
      stop: async () => undefined,
    };
  }

  async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const schema = this.schema!;
    const { document, operation, context } = requestContext;
    // Apollo calls the executor even when it resolved no operation (an unknown operationName, or several
    // operations and no name), and expects the executor's error. Nothing may run then. (Apollo's resolved name is
    // null here: handed to graphql-js it would pick the document's only operation and run it.) The request plugin
    // refuses such requests before execution already; this is the executor's own guarantee.
    if (!operation)
      return { errors: [operationResolutionError(document, requestContext.request.operationName)] };
    const variables = requestContext.request.variables ?? {};
    const compiled = this.compiledFor(schema, document, operation);
    const executed = context as GraphqlContext;
    if (compiled && variablesCoerce(schema, operation, variables)) {
      executed.execution = 'compiled';
      const result = await compiled.query(undefined, context, variables);
      return result.errors?.length
        ? { ...result, errors: result.errors.map(toGraphqlJsError) }
        : result;
    }
    executed.execution = 'graphql-js';
    return execute({
      schema,
      document,
      operationName: operation.name?.value,
      variableValues: variables,
      contextValue: context,
    });
  }

  /** The compiled operation when it should run compiled, else null (graphql-js runs it). */
  private compiledFor(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): CompiledQuery | null {
    let state = this.documents.get(document);
    if (!state) {
      state = { runs: 0, compiled: new Map() };
      this.documents.set(document, state);
    }
    if (state.runs < this.compileAfterRuns) {
      state.runs += 1;
      return null;
    }
    const name = operation.name?.value ?? '';
    let compiled = state.compiled.get(name);
    if (compiled === undefined) {
      const result =
        isIntrospection(operation) || hasRequiredFieldWithDefault(schema, operation)
          ? null
          : compileQuery(schema, document, operation.name?.value, {
              disablingCapturingStackErrors: true,
            });
      compiled = result && isCompiledQuery(result) ? result : null;
      state.compiled.set(name, compiled);
    }
    return compiled;
  }
}

/**
 * graphql-js's refusal when the document has no operation of that name, or several and no name was given (the
 * same messages as its `execute`, built here so that no execution starts).
 */
export function operationResolutionError(
  document: DocumentNode,
  operationName: string | null | undefined,
): GraphQLError {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return new GraphQLError(`Unknown operation named "${operationName}".`);
  if (operations.length > 1)
    return new GraphQLError('Must provide operation name if query contains multiple operations.');
  return new GraphQLError('Must provide an operation.');
}

/** Whether the operation's variables coerce (graphql-js's own check, so a refusal carries its usual message). */
function variablesCoerce(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): boolean {
  return !getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors: 1,
  }).errors;
}

/** Whether a variable's input type has, at any depth, a non-null field with a default value (see the class comment). */
function hasRequiredFieldWithDefault(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): boolean {
  const seen = new Set<string>();
  const check = (type: GraphQLInputType | undefined): boolean => {
    const named = type && getNamedType(type);
    if (!named || !isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some(
      (field) =>
        (isNonNullType(field.type) && field.defaultValue !== undefined) || check(field.type),
    );
  };
  return (operation.variableDefinitions ?? []).some((v) =>
    check(typeFromAST(schema, v.type) as GraphQLInputType | undefined),
  );
}

function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (s) => s.kind !== 'Field' || s.name.value === '__schema' || s.name.value === '__type',
  );
}

/**
 * graphql-jit's errors carry the same message, path, locations and original error as graphql-js's, but are not
 * built by graphql-js (no `extensions` object when the resolver's error had none): rebuild them so Apollo's
 * error formatting and the API's error masking see what graphql-js would have given them.
 */
function toGraphqlJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations?.length) Object.assign(rebuilt, { locations: error.locations });
  return rebuilt;
}
