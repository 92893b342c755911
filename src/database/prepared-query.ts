import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** The statement name of each SQL text seen (a few dozen: only the hot paths use this). */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a NAMED prepared statement (node-postgres keeps its name per pooled connection), so
 * PostgreSQL parses it once per connection and, after its first executions, reuses a generic plan
 * instead of planning it at every call. For the hot, fixed-shape statements of the service (the
 * session check of every authenticated request, the ranked proposal list): their planning cost more
 * than their execution. The text must not vary with the values (everything variable is a parameter),
 * or each variant becomes a statement of its own. Counted and logged like every other statement;
 * a database error arrives as TypeORM's QueryFailedError, as from `manager.query`.
 */
export async function preparedQuery<T>(target: EntityManager | DataSource, text: string, values: unknown[]): Promise<T[]> {
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
