import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * At most this many distinct texts ever get a name. Each named statement stays prepared (with its cached
 * plan) on every pooled connection that ran it until the connection closes, so the number must be bounded
 * whatever shapes of list query clients send; texts beyond the first MAX_NAMED_STATEMENTS run unnamed
 * (parsed and planned at each call, as any other statement). The hot shapes come first in practice.
 */
const MAX_NAMED_STATEMENTS = 256;

/** The statement name of each SQL text given one. */
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED_STATEMENTS) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a NAMED prepared statement (node-postgres keeps its name per pooled connection), so
 * PostgreSQL parses it once per connection and, after its first executions, reuses a generic plan when
 * that costs no more than planning each call (PostgreSQL's plan_cache_mode=auto). For the hot statements of
 * the service (the session check of every authenticated request, the audit append, the ranked proposal list,
 * the challenge lists and searches), whose planning cost as much as their execution. The text should not
 * vary with the values (everything variable is a parameter), or each variant becomes a statement of its own. Counted and logged like every other statement;
 * a database error arrives as TypeORM's QueryFailedError, as from `manager.query`.
 */
export async function preparedQuery<T>(
  target: EntityManager | DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const manager = target instanceof DataSource ? target.manager : target;
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const logger = manager.connection.logger;
  try {
    const client = (await runner.connect()) as PgClient;
    logger.logQuery(text, values, runner);
    try {
      const result = await client.query({ name: statementName(text), text, values });
      return result.rows as T[];
    } catch (error) {
      logger.logQueryError(error as Error, text, values, runner);
      throw new QueryFailedError(text, values, error as Error);
    }
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
