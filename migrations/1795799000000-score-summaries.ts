import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per proposal and criterion, the reviewers' score statistics (count, average, min, max, population
 * standard deviation), kept by a trigger on `scores` whichever path writes them, so that the ranking reads
 * one row per proposal and criterion instead of aggregating every score on every read. The trigger
 * recomputes the pair from `scores` under a per-proposal advisory lock, so two reviewers scoring the same
 * proposal at once cannot leave a summary that misses one of them.
 */
export class ScoreSummaries1795799000000 implements MigrationInterface {
  name = 'ScoreSummaries1795799000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "score_summaries" (
            "proposal_id" uuid NOT NULL REFERENCES "proposals" ("id") ON DELETE CASCADE,
            "criterion_id" uuid NOT NULL REFERENCES "evaluation_criteria" ("id") ON DELETE CASCADE,
            "challenge_id" uuid NOT NULL REFERENCES "challenges" ("id") ON DELETE CASCADE,
            "n" integer NOT NULL CHECK ("n" > 0),
            "avg" double precision NOT NULL,
            "min" smallint NOT NULL,
            "max" smallint NOT NULL,
            "sd" double precision NOT NULL,
            CONSTRAINT "PK_score_summaries" PRIMARY KEY ("proposal_id", "criterion_id"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_score_summaries_challenge" ON "score_summaries" ("challenge_id")`,
    );
    await queryRunner.query(`CREATE FUNCTION score_summaries_refresh(pid uuid, cid uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_advisory_xact_lock(hashtextextended('score_summaries:' || pid::text, 0));
              DELETE FROM score_summaries WHERE proposal_id = pid AND criterion_id = cid;
              INSERT INTO score_summaries (proposal_id, criterion_id, challenge_id, n, avg, min, max, sd)
                SELECT s.proposal_id, s.criterion_id, p.challenge_id, count(*)::int, avg(s.score::float8), min(s.score), max(s.score), stddev_pop(s.score::float8)
                  FROM scores s JOIN proposals p ON p.id = s.proposal_id
                 WHERE s.proposal_id = pid AND s.criterion_id = cid
                 GROUP BY s.proposal_id, s.criterion_id, p.challenge_id;
            END $$`);
    await queryRunner.query(`CREATE FUNCTION scores_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN PERFORM score_summaries_refresh(OLD.proposal_id, OLD.criterion_id); END IF;
              IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.proposal_id <> OLD.proposal_id OR NEW.criterion_id <> OLD.criterion_id) THEN
                PERFORM score_summaries_refresh(NEW.proposal_id, NEW.criterion_id);
              END IF;
              RETURN NULL;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_scores_summarise" AFTER INSERT OR UPDATE OF proposal_id, criterion_id, score OR DELETE ON "scores"
            FOR EACH ROW EXECUTE FUNCTION scores_summarise()`);
    await queryRunner.query(`INSERT INTO score_summaries (proposal_id, criterion_id, challenge_id, n, avg, min, max, sd)
            SELECT s.proposal_id, s.criterion_id, p.challenge_id, count(*)::int, avg(s.score::float8), min(s.score), max(s.score), stddev_pop(s.score::float8)
              FROM scores s JOIN proposals p ON p.id = s.proposal_id
             GROUP BY s.proposal_id, s.criterion_id, p.challenge_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_scores_summarise" ON "scores"`);
    await queryRunner.query(`DROP FUNCTION scores_summarise()`);
    await queryRunner.query(`DROP FUNCTION score_summaries_refresh(uuid, uuid)`);
    await queryRunner.query(`DROP TABLE "score_summaries"`);
  }
}
