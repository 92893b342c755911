import pg from 'pg';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { EnqueueOptions, JobDefinition, JobHandler } from './job-definition.js';
import { bossDb, JOBS_SCHEMA } from './job-schema.js';
import { SystemMoveHooks } from './system-moves.js';

/** Failed jobs stay listed (and retryable) this long before pg-boss archives them. */
const FAILED_KEPT_SECONDS = 30 * 24 * 3600;

interface Registered {
  definition: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
}

/**
 * Durable jobs on pg-boss (README, "Background jobs"), in the service's own PostgreSQL. Every instance can
 * enqueue (`enqueue`, inside the caller's transaction when given its manager) and create queues; an instance
 * with JOBS_ENABLED also works the registered kinds (JOBS_CONCURRENCY at once per kind), watches for lost jobs
 * (claimed longer than JOBS_EXPIRE_SECONDS: retried by whichever instance polls next) and runs the schedules
 * (pg-boss sends a scheduled job once per slot, however many instances check).
 *
 * Kinds register in their module's `onModuleInit` (`register`); the workers start when the application has
 * initialised and stop first when it closes: running handlers get up to half of SHUTDOWN_TIMEOUT_MS to finish,
 * then their jobs are marked failed and retried (a handler must be idempotent: a job runs at least once).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly kinds = new Map<string, Registered>();
  /** Creates queues, enqueues and retries on the service's pool (never started: it runs no timers). */
  private readonly control: PgBoss;
  /** Works jobs, supervises and schedules, on a pool of its own (only with JOBS_ENABLED). */
  private worker: PgBoss | null = null;
  private starting: Promise<void> | null = null;
  /** What follows the system's moves (the notifications' seam): see system-moves.ts. */
  readonly systemMoves = new SystemMoveHooks();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.control = new PgBoss({ db: bossDb(dataSource), schema: JOBS_SCHEMA });
    this.control.on('error', (error) => this.logger.error(error));
  }

  /**
   * Registers the handler of a kind. Before the application starts, its queue is created and worked at start;
   * after, at once.
   */
  async register<P>(definition: JobDefinition<P>, handler: JobHandler<P>): Promise<void> {
    if (this.kinds.has(definition.name))
      throw new Error(`Job kind ${definition.name} is registered twice`);
    const entry = { definition, handler } as Registered;
    this.kinds.set(definition.name, entry);
    if (this.starting) {
      await this.starting;
      await this.prepare(entry);
    }
  }

  /**
   * Enqueues a job of a registered kind; its id. With `manager`, the job is written in that transaction: it
   * exists (and can run) only once the transaction commits.
   */
  async enqueue<P>(
    definition: JobDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string> {
    if (this.kinds.get(definition.name)?.definition !== definition)
      throw new Error(`Job kind ${definition.name} is not registered`);
    // A payload its handler would refuse fails here, in the caller's request, not later in a worker.
    definition.parse(payload);
    const id = await this.control.send(definition.name, (payload ?? {}) as object, {
      db: bossDb(options.manager ?? this.dataSource),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
    if (!id) throw new Error(`pg-boss did not enqueue the job ${definition.name}`);
    return id;
  }

  /** Marks a failed job to run again (one more attempt), in `manager`'s transaction. */
  async retryFailed(manager: EntityManager, kind: string, id: string): Promise<void> {
    await this.control.retry(kind, id, { db: bossDb(manager) });
  }

  onApplicationBootstrap(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    await worker.stop({
      graceful: true,
      close: true,
      wait: true,
      timeout: Math.max(1000, Math.floor(this.config.http.shutdownTimeoutMs / 2)),
    });
  }

  private async start(): Promise<void> {
    const jobs = this.config.jobs;
    if (jobs.enabled) {
      // The workers' pool is their own, on the service's database: a job's long poll or pg-boss's maintenance
      // never holds a connection requests need.
      const { url } = this.dataSource.options as { url?: string };
      if (!url) throw new Error('The jobs need the database URL of the data source');
      const worker = new PgBoss({
        connectionString: url,
        application_name: 'marketplace-jobs',
        // The workers poll one at a time per kind and concurrency slot; maintenance and schedules use one more.
        max: Math.min(10, jobs.concurrency + 2),
        schema: JOBS_SCHEMA,
        // A no-op when runMigrations (npm run migration:run, or the start) has installed this version.
        migrate: true,
        supervise: true,
        maintenanceIntervalSeconds: jobs.maintenanceIntervalSeconds,
        schedule: true,
        cronMonitorIntervalSeconds: jobs.scheduleCheckSeconds,
        cronWorkerIntervalSeconds: Math.min(5, jobs.scheduleCheckSeconds),
        archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
      });
      worker.on('error', (error) => this.logger.error(error));
      await worker.start();
      this.worker = worker;
    }
    for (const entry of this.kinds.values()) await this.prepare(entry);
  }

  /**
   * `prepare` with the other instances waiting: two instances starting at once on one database deadlocked in
   * pg-boss's create_queue (measured: one of two service processes never started). A session advisory lock, on a
   * connection opened for it and closed after (which releases it), makes them take turns; the preparation is quick.
   */
  private async prepare(entry: Registered): Promise<void> {
    // A connection of its own: the pool's may all be needed by pg-boss's statements meanwhile (a pool of one).
    const { url } = this.dataSource.options as { url?: string };
    if (!url) return this.prepareKind(entry);
    const lock = new pg.Client({
      connectionString: url,
      application_name: 'marketplace-jobs-prepare',
    });
    lock.on('error', () => undefined);
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtextextended('jobs:prepare', 0))`);
      await this.prepareKind(entry);
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  /** Creates (or updates) a kind's queue and schedule, and works it when this instance works jobs. */
  private async prepareKind({ definition, handler }: Registered): Promise<void> {
    const jobs = this.config.jobs;
    const queue = {
      name: definition.name,
      retryLimit: definition.retryLimit ?? jobs.retryLimit,
      retryDelay: definition.retryDelaySeconds ?? jobs.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: jobs.expireSeconds,
    };
    await this.control.createQueue(definition.name, queue);
    await this.control.updateQueue(definition.name, queue);
    if (definition.cron)
      await this.control.schedule(
        definition.name,
        definition.cron,
        (definition.scheduledPayload ?? {}) as object,
        { tz: 'UTC' },
      );
    const worker = this.worker;
    if (!worker) return;
    for (let slot = 0; slot < jobs.concurrency; slot++) {
      await worker.work<unknown>(
        definition.name,
        { batchSize: 1, pollingIntervalSeconds: jobs.pollIntervalSeconds, includeMetadata: true },
        async ([job]) => {
          await handler(definition.parse(job.data), { id: job.id, retryCount: job.retryCount });
        },
      );
    }
  }
}
