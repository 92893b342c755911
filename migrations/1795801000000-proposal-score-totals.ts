import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per proposal, its weighted total, veto, completeness, reviewer count and per-criterion detail (json by
 * position), kept next to `score_summaries` by the same trigger path: whenever a proposal's summary for a
 * criterion is refreshed (any insert, edit or delete of a score), and whenever a challenge's criteria change,
 * the proposal's totals are recomputed from `evaluation_criteria` and `score_summaries`. The ranking reads
 * one row per proposal instead of joining criteria and summaries for every proposal of the challenge.
 * A proposal without any score has no row: it reads as not scored (null total, no veto, not complete).
 * The veto threshold (6) is VETO_THRESHOLD in src/proposals/proposal-rules.ts.
 */
export class ProposalScoreTotals1795801000000 implements MigrationInterface {
  name = 'ProposalScoreTotals1795801000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "proposal_score_totals" (
            "proposal_id" uuid NOT NULL REFERENCES "proposals" ("id") ON DELETE CASCADE,
            "challenge_id" uuid NOT NULL REFERENCES "challenges" ("id") ON DELETE CASCADE,
            "weighted" double precision,
            "vetoed" boolean NOT NULL,
            "complete" boolean NOT NULL,
            "reviewer_count" integer NOT NULL,
            "criteria" jsonb NOT NULL,
            CONSTRAINT "PK_proposal_score_totals" PRIMARY KEY ("proposal_id"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_proposal_score_totals_challenge" ON "proposal_score_totals" ("challenge_id")`,
    );
    await queryRunner.query(`CREATE FUNCTION proposal_score_totals_refresh(pid uuid) RETURNS void LANGUAGE sql AS $$
            INSERT INTO proposal_score_totals (proposal_id, challenge_id, weighted, vetoed, complete, reviewer_count, criteria)
            SELECT p.id, p.challenge_id, agg.weighted, agg.vetoed, agg.complete, agg.reviewer_count, agg.criteria
              FROM proposals p
             CROSS JOIN LATERAL (
               SELECT sum(pc.weight * pc.avg) / 10.0 AS weighted,
                      coalesce(bool_or(pc.veto AND pc.avg < 6), false) AS vetoed,
                      coalesce(bool_and(pc.n > 0), false) AS complete,
                      coalesce(max(pc.n), 0)::int AS reviewer_count,
                      coalesce(jsonb_agg(jsonb_build_object('criterionId', pc.id, 'name', pc.name, 'weight', pc.weight, 'veto', pc.veto,
                        'reviewerCount', pc.n, 'average', pc.avg, 'min', pc.min, 'max', pc.max, 'spread', pc.max - pc.min, 'stdDev', pc.sd)
                        ORDER BY pc.position), '[]'::jsonb) AS criteria
                 FROM (SELECT cr.id, cr.name, cr.weight, cr.veto, cr.position, coalesce(st.n, 0) AS n, st.avg, st.min, st.max, st.sd
                         FROM evaluation_criteria cr
                         LEFT JOIN score_summaries st ON st.proposal_id = p.id AND st.criterion_id = cr.id
                        WHERE cr.challenge_id = p.challenge_id) pc) agg
             WHERE p.id = pid
            ON CONFLICT (proposal_id) DO UPDATE SET weighted = EXCLUDED.weighted, vetoed = EXCLUDED.vetoed, complete = EXCLUDED.complete,
              reviewer_count = EXCLUDED.reviewer_count, criteria = EXCLUDED.criteria
        $$`);
    // The summary refresh (called by the trigger on scores, under the proposal's advisory lock) now refreshes the totals too.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION score_summaries_refresh(pid uuid, cid uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_advisory_xact_lock(hashtextextended('score_summaries:' || pid::text, 0));
              DELETE FROM score_summaries WHERE proposal_id = pid AND criterion_id = cid;
              INSERT INTO score_summaries (proposal_id, criterion_id, challenge_id, n, avg, min, max, sd)
                SELECT s.proposal_id, s.criterion_id, p.challenge_id, count(*)::int, avg(s.score::float8), min(s.score), max(s.score), stddev_pop(s.score::float8)
                  FROM scores s JOIN proposals p ON p.id = s.proposal_id
                 WHERE s.proposal_id = pid AND s.criterion_id = cid
                 GROUP BY s.proposal_id, s.criterion_id, p.challenge_id;
              PERFORM proposal_score_totals_refresh(pid);
            END $$`);
    // A change to a challenge's criteria (name, weight, veto, position, one added or removed) changes every total of it.
    await queryRunner.query(`CREATE FUNCTION evaluation_criteria_retotal() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              cid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.challenge_id ELSE NEW.challenge_id END;
              pid uuid;
            BEGIN
              -- The challenge itself going (a cascade): its totals go with it, nothing to recompute.
              IF NOT EXISTS (SELECT 1 FROM challenges WHERE id = cid) THEN RETURN NULL; END IF;
              FOR pid IN SELECT t.proposal_id FROM proposal_score_totals t WHERE t.challenge_id = cid LOOP
                PERFORM pg_advisory_xact_lock(hashtextextended('score_summaries:' || pid::text, 0));
                PERFORM proposal_score_totals_refresh(pid);
              END LOOP;
              RETURN NULL;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_evaluation_criteria_retotal" AFTER INSERT OR UPDATE OR DELETE ON "evaluation_criteria"
            FOR EACH ROW EXECUTE FUNCTION evaluation_criteria_retotal()`);
    await queryRunner.query(
      `SELECT proposal_score_totals_refresh(x.proposal_id) FROM (SELECT DISTINCT proposal_id FROM score_summaries) x`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "TRG_evaluation_criteria_retotal" ON "evaluation_criteria"`,
    );
    await queryRunner.query(`DROP FUNCTION evaluation_criteria_retotal()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION score_summaries_refresh(pid uuid, cid uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_advisory_xact_lock(hashtextextended('score_summaries:' || pid::text, 0));
              DELETE FROM score_summaries WHERE proposal_id = pid AND criterion_id = cid;
              INSERT INTO score_summaries (proposal_id, criterion_id, challenge_id, n, avg, min, max, sd)
                SELECT s.proposal_id, s.criterion_id, p.challenge_id, count(*)::int, avg(s.score::float8), min(s.score), max(s.score), stddev_pop(s.score::float8)
                  FROM scores s JOIN proposals p ON p.id = s.proposal_id
                 WHERE s.proposal_id = pid AND s.criterion_id = cid
                 GROUP BY s.proposal_id, s.criterion_id, p.challenge_id;
            END $$`);
    await queryRunner.query(`DROP FUNCTION proposal_score_totals_refresh(uuid)`);
    await queryRunner.query(`DROP TABLE "proposal_score_totals"`);
  }
}
