import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChallengeStatus } from '../challenges/index.js';
import { defineJob, emptyPayload, JobsService } from '../jobs/index.js';
import { EvaluationGate } from './evaluation-gate.service.js';
import { challengesDueByTime, lockEvaluationChallenge } from './proposal-decision.queries.js';

/**
 * Every minute (once for all instances): persists what time has changed on challenges, as the next write on
 * each would (EvaluationGate.persistEffectiveStatus, the same moves through the lifecycle tables, audited as
 * the system's): PUBLISHED past the deadline → CLOSED (its SUBMITTED proposals → UNDER_REVIEW); IN_PUBLICITY
 * whose 公示 ended with no objection pending → AWARDED. Reads never waited for it (effectiveStatusSql is the
 * truth); the job makes the stored status, the audit trail and what follows (the system-move hooks) catch up.
 */
export const CHALLENGE_CLOCK_JOB = defineJob({
  name: 'challenge-clock',
  parse: emptyPayload,
  cron: '* * * * *',
  scheduledPayload: {},
});

/** Challenges read per statement, and statements per run (the rest waits for the next minute). */
const BATCH = 100;
const MAX_BATCHES = 50;

@Injectable()
export class EvaluationClockJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly gate: EvaluationGate,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register(CHALLENGE_CLOCK_JOB, () => this.run());
  }

  /** One pass; idempotent (a challenge already moved, by a user's write or another run, is not due any more). */
  async run(): Promise<void> {
    const seen = new Set<string>();
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = (await challengesDueByTime(this.dataSource, BATCH)).filter((id) => !seen.has(id));
      if (due.length === 0) return;
      for (const id of due) {
        seen.add(id);
        await this.persist(id);
      }
    }
  }

  /** One challenge, in its own transaction under its row lock (as every evaluation write takes it). */
  private persist(challengeId: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = await lockEvaluationChallenge(manager, challengeId);
      if (!before) return;
      const after = await this.gate.persistEffectiveStatus(manager, null, before);
      const hooks = this.jobs.systemMoves;
      if (before.status === ChallengeStatus.PUBLISHED && after !== ChallengeStatus.PUBLISHED)
        await hooks.emit(manager, 'challenge.closed-at-deadline', { challengeIds: [challengeId] });
      if (before.status === ChallengeStatus.IN_PUBLICITY && after === ChallengeStatus.AWARDED)
        await hooks.emit(manager, 'challenge.awarded-at-publicity-end', {
          challengeIds: [challengeId],
        });
    });
  }
}
