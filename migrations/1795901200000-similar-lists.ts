import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept similar lists (similarChallenges): similar_lists and similar_list_entries, and the challenges' corpus
 * generation (match_side_stats.corpus_generation, bumped by every indexing of a side) that tells a request its
 * list was computed from another corpus. A challenge entering PENDING_REVIEW is now queued for indexing too (as
 * one entering PUBLISHED already was), so a demand submitted for review moves the corpus generation and is
 * compared with the lists kept before it.
 */
export class SimilarLists1795901200000 implements MigrationInterface {
  name = 'SimilarLists1795901200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "similar_lists" ("challenge_id" uuid NOT NULL, "corpus_generation" bigint NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b6f97e311eeb82f425d372a1a5a" PRIMARY KEY ("challenge_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "similar_list_entries" ("challenge_id" uuid NOT NULL, "position" integer NOT NULL, "candidate_id" uuid NOT NULL, "similarity" double precision NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "PK_dcef8f24a1c9a4ae9868ed3dd5a" PRIMARY KEY ("challenge_id", "position"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_side_stats" ADD "corpus_generation" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "similar_lists" ADD CONSTRAINT "FK_b6f97e311eeb82f425d372a1a5a" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "similar_list_entries" ADD CONSTRAINT "FK_0fde75003ca012a8e61d771e531" FOREIGN KEY ("challenge_id") REFERENCES "similar_lists"("challenge_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: the lists churn (each is replaced whole), and the state trigger gains PENDING_REVIEW.
    for (const table of ['similar_lists', 'similar_list_entries'])
      await queryRunner.query(
        `ALTER TABLE "${table}" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000)`,
      );
    await queryRunner.query(`DROP TRIGGER match_enqueue_challenge_state ON "challenges"`);
    await queryRunner.query(stateTrigger(`'PENDING_REVIEW', 'PUBLISHED'`));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER match_enqueue_challenge_state ON "challenges"`);
    await queryRunner.query(stateTrigger(`'PUBLISHED'`));
    await queryRunner.query(
      `ALTER TABLE "similar_list_entries" DROP CONSTRAINT "FK_0fde75003ca012a8e61d771e531"`,
    );
    await queryRunner.query(
      `ALTER TABLE "similar_lists" DROP CONSTRAINT "FK_b6f97e311eeb82f425d372a1a5a"`,
    );
    await queryRunner.query(`ALTER TABLE "match_side_stats" DROP COLUMN "corpus_generation"`);
    await queryRunner.query(`DROP TABLE "similar_list_entries"`);
    await queryRunner.query(`DROP TABLE "similar_lists"`);
  }
}

/** MatchLists1795900800000's state trigger, queueing a challenge that enters one of `statuses`. */
const stateTrigger = (statuses: string) =>
  `CREATE TRIGGER match_enqueue_challenge_state AFTER UPDATE OF status, published_at, deadline, visibility, allowed_region_codes, min_qualification, verified_only
     ON challenges FOR EACH ROW
     WHEN ((NEW.status IN (${statuses}) AND OLD.status IS DISTINCT FROM NEW.status)
           OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.deadline IS DISTINCT FROM OLD.deadline
           OR NEW.visibility IS DISTINCT FROM OLD.visibility OR NEW.allowed_region_codes IS DISTINCT FROM OLD.allowed_region_codes
           OR NEW.min_qualification IS DISTINCT FROM OLD.min_qualification OR NEW.verified_only IS DISTINCT FROM OLD.verified_only)
     EXECUTE FUNCTION match_enqueue('C', 'id')`;
