import type { GraphQLError } from 'graphql';

/** For the table-driven lifecycle specs: the error `f` throws (a refused move), or undefined when it returns. */
export function errorOf(f: () => unknown): GraphQLError | undefined {
  try {
    f();
  } catch (error) {
    return error as GraphQLError;
  }
  return undefined;
}
