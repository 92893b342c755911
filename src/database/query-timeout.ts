import pg from 'pg';

const QUERY_READ_TIMEOUT = 'Query read timeout';

interface ClientInternals {
  connectionParameters: { query_timeout?: number | false };
  connection?: { stream?: { destroy(): void } };
}

/**
 * The pool's connection class: node-postgres's client, whose client-side `query_timeout` (DB_QUERY_TIMEOUT_MS)
 * bounds a statement even when the server cannot (a frozen or unreachable server never enforces its own
 * statement_timeout). node-postgres then answers the caller with "Query read timeout" but keeps the
 * connection, with the statement still pending on it: the next statement on that connection (the ROLLBACK of
 * the failed transaction, the next request that gets it from the pool) would queue behind it and wait as long
 * again. Here the connection is closed at once instead, and the pool discards it.
 */
export class BoundedClient extends pg.Client {
  // The signatures of pg.Client.query are many; every one goes through this.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      // Callback style: node-postgres passes the error to the callback given last.
      const callback = last as (error: unknown, ...rest: unknown[]) => void;
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        this.closeAfterTimeout(error);
        callback(error, ...rest);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (
      typeof last !== 'function' &&
      result &&
      typeof (result as Promise<unknown>).then === 'function'
    ) {
      (result as Promise<unknown>).catch((error: unknown) => this.closeAfterTimeout(error));
    }
    return result as never;
  }

  private closeAfterTimeout(error: unknown): void {
    if ((error as Error | undefined)?.message === QUERY_READ_TIMEOUT)
      (this as unknown as ClientInternals).connection?.stream?.destroy();
  }
}

/**
 * Lifts the client-side query timeout of one pooled connection (for the migrations, which run without the
 * statement timeout that bounds requests); returns the function that puts it back.
 */
export function suspendQueryTimeout(connection: unknown): () => void {
  const parameters = (connection as Partial<ClientInternals> | undefined)?.connectionParameters;
  if (!parameters) return () => undefined;
  const previous = parameters.query_timeout;
  parameters.query_timeout = false;
  return () => {
    parameters.query_timeout = previous;
  };
}
