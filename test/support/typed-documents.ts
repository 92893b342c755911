import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { GraphqlClient } from './graphql-client.js';

/**
 * Runs a generated typed document (examples/generated) as a client would: the variables and the answer are typed by
 * the operation. `ran` collects the operation names run, so a test can check that every example ran.
 */
export function typedRunner(ran: Set<string>) {
  return async function run<TResult, TVariables>(
    client: GraphqlClient,
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<TResult> {
    for (const definition of document.definitions) {
      if (definition.kind === 'OperationDefinition' && definition.name)
        ran.add(definition.name.value);
    }
    return client.ok<TResult & Record<string, unknown>>(
      print(document),
      variables as Record<string, unknown> | undefined,
    );
  };
}
