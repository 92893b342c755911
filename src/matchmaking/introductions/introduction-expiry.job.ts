import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defineJob, emptyPayload, JobsService } from '../../jobs/index.js';
import { IntroductionService } from './introduction.service.js';

/**
 * Every minute (once for all instances): persists EXPIRED for introduction requests past their expires_at,
 * through the introduction lifecycle as the system (audited), as the next write on the pair would. Reads never
 * waited for it (effectiveIntroductionStatusSql is the truth).
 */
export const INTRODUCTION_EXPIRY_JOB = defineJob({
  name: 'introduction-expiry',
  parse: emptyPayload,
  cron: '* * * * *',
  scheduledPayload: {},
});

/** Requests moved per transaction, and transactions per run (the rest waits for the next minute). */
const BATCH = 200;
const MAX_BATCHES = 25;

@Injectable()
export class IntroductionExpiryJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly introductions: IntroductionService,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register(INTRODUCTION_EXPIRY_JOB, () => this.run());
  }

  /** One pass; idempotent (a request already persisted, by a write or another run, is not due any more). */
  async run(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const ids = await this.introductions.expireAllDue(manager, BATCH);
        if (ids.length)
          await this.jobs.systemMoves.emit(manager, 'introduction.expired', {
            introductionIds: ids,
          });
        return ids.length;
      });
      if (moved < BATCH) return;
    }
  }
}
