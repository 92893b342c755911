import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import { preparedQuery } from '../../src/database/prepared-query.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/** MAX_NAMED_STATEMENTS in src/database/prepared-query.ts: how many distinct texts ever get a name. */
const CAP = 256;

/**
 * preparedQuery: named prepared statements on a plain TypeORM data source (no app). A text is prepared once
 * per connection and reused; the number of names is capped whatever texts arrive, texts beyond the cap run
 * unnamed (and still answer); a database error arrives as TypeORM's QueryFailedError.
 */
describe('preparedQuery and its cap on named statements', () => {
  let db: TestDb;
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    db = await openTestDb();
    dataSource = new DataSource({
      type: 'postgres',
      url: db.url,
      poolSize: 2,
      entities: [],
      applicationName: 'test-prepared',
    });
    await dataSource.initialize();
    // One connection for the whole file: pg_prepared_statements lists the statements of the session.
    runner = dataSource.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await db?.close();
  });

  const prepared = async () =>
    (await runner.query(
      `SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time`,
    )) as { name: string; statement: string }[];
  const text = (k: number) => `SELECT $1::int + ${k} AS v`;

  it('prepares a text once per connection under a name derived from the text, and reuses it', async () => {
    expect(await prepared()).toEqual([]);
    expect(await preparedQuery<{ v: number }>(runner.manager, text(0), [1])).toEqual([{ v: 1 }]);
    expect(await preparedQuery<{ v: number }>(runner.manager, text(0), [41])).toEqual([{ v: 41 }]);
    const statements = await prepared();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toEqual({
      name: expect.stringMatching(/^q_[0-9a-f]{24}$/),
      statement: text(0),
    });
  });

  it(`names at most ${CAP} distinct texts; the texts beyond run unnamed and still answer`, async () => {
    for (let k = 1; k < CAP + 40; k++) {
      expect(await preparedQuery<{ v: number }>(runner.manager, text(k), [1])).toEqual([
        { v: 1 + k },
      ]);
    }
    // Again: the named ones are reused, the unnamed ones are not prepared on a second run either.
    for (let k = CAP - 5; k < CAP + 5; k++) await preparedQuery(runner.manager, text(k), [2]);
    const statements = await prepared();
    expect(statements).toHaveLength(CAP);
    expect(new Set(statements.map((s) => s.statement))).toEqual(
      new Set(Array.from({ length: CAP }, (_, k) => text(k))),
    );
  });

  it('a text named on one connection is prepared on another when it first runs there', async () => {
    const other = dataSource.createQueryRunner();
    try {
      await other.connect();
      expect(await preparedQuery<{ v: number }>(other.manager, text(7), [3])).toEqual([{ v: 10 }]);
      const rows = (await other.query(`SELECT statement FROM pg_prepared_statements`)) as {
        statement: string;
      }[];
      expect(rows).toEqual([{ statement: text(7) }]);
    } finally {
      await other.release();
    }
  });

  it('answers a database error as a QueryFailedError naming the statement', async () => {
    const failing = `SELECT 1 / $1::int AS v`;
    const error = await preparedQuery(runner.manager, failing, [0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error).toMatchObject({
      query: failing,
      parameters: [0],
      message: expect.stringContaining('division by zero'),
    });
  });
});
