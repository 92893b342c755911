import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { defineJob, JobsService } from '../jobs/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { isUuid } from '../common/uuid.js';
import { MatchIndexerService } from './match-indexer.service.js';
import { MatchmakingService } from './matchmaking.service.js';

/**
 * A newly published challenge is announced to the SMEs it fits: enqueued in the approval's transaction (the
 * `challenge.published` hook), run after it commits, so the approval answers as fast as before whatever the fan-out.
 * Whom: the recommender's list for the challenge with its rules checked (verified, eligible, not dismissed), the
 * best PUBLISHED_NOTICE_MAX_SMES scored at least PUBLISHED_NOTICE_MIN_SCORE; each SME's members hear of it through
 * the notifications' own rule (the challenge must be visible to them). All in one transaction, once per challenge:
 * a retry after a failure writes the notices if and only if they were not written.
 */
export const PUBLISHED_NOTICE_JOB = defineJob<{ challengeId: string }>({
  name: 'published-challenge-notice',
  parse: (data) => {
    const id = (data as { challengeId?: unknown } | null)?.challengeId;
    if (!isUuid(id)) throw new Error('expected { challengeId: <uuid> }');
    return { challengeId: id };
  },
});

@Injectable()
export class PublishedNoticeJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly indexer: MatchIndexerService,
    private readonly matchmaking: MatchmakingService,
    private readonly notifications: NotificationsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(PUBLISHED_NOTICE_JOB, async (payload) => {
      await this.run(payload.challengeId);
    });
    this.jobs.systemMoves.on('challenge.published', async (manager, { challengeIds }) => {
      if (this.config.publishedNotice.maxSmes === 0) return;
      for (const challengeId of challengeIds)
        await this.jobs.enqueue(PUBLISHED_NOTICE_JOB, { challengeId }, { manager });
    });
  }

  /** Announces the challenge to the SMEs it fits, unless that was done; how many notifications were written. */
  async run(challengeId: string): Promise<number> {
    const { minScore, maxSmes } = this.config.publishedNotice;
    // The publication queued the challenge for indexing: its terms are read before it is matched.
    await this.indexer.catchUp();
    const smes = await this.matchmaking.fittingSmes(challengeId, minScore, maxSmes);
    if (!smes.length) return 0;
    const about = { CHALLENGE: challengeId };
    return this.dataSource.transaction((manager) =>
      this.notifications.notifyOnce(
        manager,
        { kind: NotificationKind.CHALLENGE_RECOMMENDED, to: { organizationIds: smes }, about },
        { about },
      ),
    );
  }
}
