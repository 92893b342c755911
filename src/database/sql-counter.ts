import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
  statements: number;
}

/** The request header that asks for the count (value `1`), when BENCH_SQL_COUNT is on. */
export const SQL_COUNT_REQUEST_HEADER = 'x-count-sql';

/**
 * Counts the SQL statements an HTTP request runs. Only when BENCH_SQL_COUNT is set (the benchmark and the
 * tests), and only for requests with `x-count-sql: 1`; the count is returned in the `x-sql-statements`
 * response header.
 */
export class SqlCounter {
  private static readonly storage = new AsyncLocalStorage<Counter>();

  static run<T>(fn: () => T): T {
    return SqlCounter.storage.run({ statements: 0 }, fn);
  }

  static increment(): void {
    const counter = SqlCounter.storage.getStore();
    if (counter) counter.statements += 1;
  }

  static current(): number | undefined {
    return SqlCounter.storage.getStore()?.statements;
  }
}
