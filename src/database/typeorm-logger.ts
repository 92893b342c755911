import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';
import { SqlCounter } from './sql-counter.js';

/** TypeORM's log goes to the service log; with statement counting on, every query is counted. */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly countStatements: boolean) {}

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.countStatements) SqlCounter.increment();
  }

  logQueryError(error: string | Error, query: string): void {
    // Expected refusals (unique or check violations) are handled by the services; the log keeps the SQL.
    this.logger.warn({
      msg: 'query failed',
      error: error instanceof Error ? error.message : error,
      query: query.slice(0, 500),
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, query: query.slice(0, 500) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
