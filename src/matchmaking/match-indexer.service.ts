import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { matchWeights, type MatchWeights } from './analysis/score.js';
import { anyQueued } from './match-index.queries.js';
import { indexQueued } from './match-indexing.js';
import { MatchVocabularyService } from './match-vocabulary.service.js';

/** How often the background job looks at the queue. */
const INTERVAL_MS = 1000;
/** At most this many documents are indexed before a recommendation is answered (the job does the rest). */
const BEFORE_READ_LIMIT = 500;

/**
 * Keeps the matching index up to date. Database triggers queue a challenge or an SME (match_queue) in the same
 * transaction as any change to what matching reads; this service takes queued documents off in batches,
 * analyses their text and replaces their index entries in one transaction per batch. It runs every second in
 * the background and, bounded, before each recommendation is computed, so that a challenge just published or
 * a profile just edited is reflected in the next answer. In the same transaction it drops the kept
 * recommendation lists the changes may alter (match-indexing.ts). Several instances may run it (SKIP LOCKED).
 */
@Injectable()
export class MatchIndexerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchIndexerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly weights: MatchWeights;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vocabularies: MatchVocabularyService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.weights = matchWeights(config.matchWeights);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.drain(Number.MAX_SAFE_INTEGER).catch((error: unknown) =>
        this.logger.warn(`matching index not updated: ${(error as Error).message}`),
      );
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Indexes what is queued (at most BEFORE_READ_LIMIT documents) before a read. */
  async catchUp(): Promise<void> {
    // A run under way may hold documents it took off the queue: they still read as queued until it commits.
    if (this.running || (await anyQueued(this.dataSource))) await this.drain(BEFORE_READ_LIMIT);
  }

  /** Indexes up to `limit` queued documents; the number indexed. One run at a time per process. */
  async drain(limit: number): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.drainNow(limit);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private drainNow(limit: number): Promise<number> {
    return indexQueued(
      this.dataSource,
      (stale) => this.vocabularies.vocabulary(stale),
      limit,
      this.weights,
    );
  }
}
