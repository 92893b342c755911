import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
  statements: number;
}

/**
 * Counts the SQL statements each HTTP request runs. Only on when BENCH_SQL_COUNT is set (the
 * benchmark and the N+1 tests); the count is returned in the `x-sql-statements` response header.
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
