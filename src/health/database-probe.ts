import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** The readiness check's own bound: connecting and answering `SELECT 1` each within this long. */
export const READINESS_TIMEOUT_MS = 1500;

/**
 * The readiness check's own connection to the database, outside the pool: under load every pooled
 * connection is busy and requests queue for them, and a ping queued behind them would call a healthy
 * database down. One connection, opened when first needed, reopened after a failure, with its own timeouts.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves when the database answers; rejects (and drops the connection) when it does not in time. */
  async ping(): Promise<void> {
    const client = await this.connect();
    try {
      await client.query({
        text: 'SELECT 1',
        query_timeout: READINESS_TIMEOUT_MS,
      } as pg.QueryConfig);
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('the service is stopping'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const options = this.dataSource.options as { url?: string };
      const client = new pg.Client({
        connectionString: options.url,
        application_name: 'marketplace-readiness',
        connectionTimeoutMillis: READINESS_TIMEOUT_MS,
        keepAlive: true,
      });
      // A failure of the idle connection is noticed at the next check; it must not crash the process.
      client.on('error', () => this.drop(client));
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        throw new Error('the service is stopping');
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private drop(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    (
      client as unknown as { connection?: { stream?: { destroy(): void } } }
    ).connection?.stream?.destroy();
    void client.end().catch(() => undefined);
  }
}
