import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept recommendation lists (match_lists, match_list_entries) and what keeps them honest: the generation that
 * tells a request its list went stale while it was computed, and triggers that queue a challenge or an SME
 * when a change can make it recommendable where it was not (publication, deadline, audience, eligibility rules,
 * an invitation; an SME verified, its region or qualification changed), so the indexer drops the lists it touches.
 */
export class MatchLists1795900800000 implements MigrationInterface {
  name = 'MatchLists1795900800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_lists" ("side" character(1) NOT NULL, "subject_id" uuid NOT NULL, "computed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_match_lists_side" CHECK ("side" IN ('C', 'S')), CONSTRAINT "PK_cc6800453310e3f852326682ec4" PRIMARY KEY ("side", "subject_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_list_entries" ("side" character(1) NOT NULL, "subject_id" uuid NOT NULL, "position" integer NOT NULL, "candidate_id" uuid NOT NULL, "score" numeric(10,9) NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "PK_998f5a9eb71cb503e2de925e957" PRIMARY KEY ("side", "subject_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_list_entries_candidate" ON "match_list_entries"  ("side", "candidate_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "match_side_stats" ADD "lists_generation" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_list_entries" ADD CONSTRAINT "FK_38e5379eca6de59cc99c1412366" FOREIGN KEY ("side", "subject_id") REFERENCES "match_lists"("side","subject_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: the state triggers (match_enqueue is Matchmaking1795900700000's).
    for (const sql of STATE_TRIGGERS) await queryRunner.query(sql);
    // Tables that are mostly empty but churn (every change passes through the queue, every list is replaced
    // whole): vacuumed after a fixed number of dead rows rather than a share of a size they never keep, so a
    // read that scans them (is the queue empty?) does not wade through the rows of yesterday's bulk load.
    for (const table of CHURNING_TABLES)
      await queryRunner.query(
        `ALTER TABLE "${table}" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000)`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CHURNING_TABLES)
      await queryRunner.query(
        `ALTER TABLE "${table}" RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)`,
      );
    for (const [name, table] of STATE_TRIGGER_NAMES)
      await queryRunner.query(`DROP TRIGGER ${name} ON "${table}"`);
    await queryRunner.query(
      `ALTER TABLE "match_list_entries" DROP CONSTRAINT "FK_38e5379eca6de59cc99c1412366"`,
    );
    await queryRunner.query(`ALTER TABLE "match_side_stats" DROP COLUMN "lists_generation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_match_list_entries_candidate"`);
    await queryRunner.query(`DROP TABLE "match_list_entries"`);
    await queryRunner.query(`DROP TABLE "match_lists"`);
  }
}

const CHURNING_TABLES = ['match_queue', 'match_lists', 'match_list_entries'];

const STATE_TRIGGER_NAMES: [string, string][] = [
  ['match_enqueue_challenge_state', 'challenges'],
  ['match_enqueue_challenge_invitation', 'challenge_invitations'],
  ['match_enqueue_sme_state', 'organizations'],
  ['match_enqueue_sme_qualification', 'smes'],
];

// Only what can make a pair recommendable queues a document: what only takes one away (a challenge leaving
// PUBLISHED, an SME losing its verification, an invitation withdrawn) is caught by the rules every read of a kept
// list checks again, and needs no index work nor dropped lists.
const STATE_TRIGGERS = [
  `CREATE TRIGGER match_enqueue_challenge_state AFTER UPDATE OF status, published_at, deadline, visibility, allowed_region_codes, min_qualification, verified_only
     ON challenges FOR EACH ROW
     WHEN ((NEW.status = 'PUBLISHED' AND OLD.status IS DISTINCT FROM 'PUBLISHED')
           OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.deadline IS DISTINCT FROM OLD.deadline
           OR NEW.visibility IS DISTINCT FROM OLD.visibility OR NEW.allowed_region_codes IS DISTINCT FROM OLD.allowed_region_codes
           OR NEW.min_qualification IS DISTINCT FROM OLD.min_qualification OR NEW.verified_only IS DISTINCT FROM OLD.verified_only)
     EXECUTE FUNCTION match_enqueue('C', 'id')`,
  `CREATE TRIGGER match_enqueue_challenge_invitation AFTER INSERT
     ON challenge_invitations FOR EACH ROW EXECUTE FUNCTION match_enqueue('C', 'challenge_id')`,
  `CREATE TRIGGER match_enqueue_sme_state AFTER UPDATE OF verification_status, region_code
     ON organizations FOR EACH ROW
     WHEN (NEW.kind = 'SME' AND ((NEW.verification_status = 'VERIFIED' AND OLD.verification_status IS DISTINCT FROM 'VERIFIED')
                                 OR NEW.region_code IS DISTINCT FROM OLD.region_code))
     EXECUTE FUNCTION match_enqueue('S', 'id')`,
  `CREATE TRIGGER match_enqueue_sme_qualification AFTER UPDATE OF qualification, qualification_valid_from, qualification_valid_until
     ON smes FOR EACH ROW
     WHEN (NEW.qualification IS DISTINCT FROM OLD.qualification
           OR NEW.qualification_valid_from IS DISTINCT FROM OLD.qualification_valid_from
           OR NEW.qualification_valid_until IS DISTINCT FROM OLD.qualification_valid_until)
     EXECUTE FUNCTION match_enqueue('S', 'organization_id')`,
];
