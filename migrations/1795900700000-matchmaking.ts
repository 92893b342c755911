import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking: the derived index (documents, postings, document frequencies, per-side totals), the queue
 * that keeps it fresh, dismissals and the admins' vocabulary. Hand-written part: the triggers that queue a
 * challenge or an SME for (re)indexing in the same transaction as the change to what matching reads, and the
 * queueing of every existing one.
 */
export class Matchmaking1795900700000 implements MigrationInterface {
  name = 'Matchmaking1795900700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_documents" ("side" character(1) NOT NULL, "doc_id" uuid NOT NULL, "length" real NOT NULL, "avoid" jsonb NOT NULL DEFAULT '[]', "application_terms" text array NOT NULL DEFAULT '{}', "route_terms" jsonb NOT NULL DEFAULT '[]', "indexed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_match_documents_side" CHECK ("side" IN ('C', 'S')), CONSTRAINT "PK_ad35678e271b120e05214973677" PRIMARY KEY ("side", "doc_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_terms" ("side" character(1) NOT NULL, "term" text NOT NULL, "doc_id" uuid NOT NULL, "weight" real NOT NULL, "doc_length" real NOT NULL, "impact" real NOT NULL, "locations" integer NOT NULL, "surface" text NOT NULL, "translated" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_d447b6dd867a325ee802ba32b20" PRIMARY KEY ("side", "term", "doc_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_terms_doc" ON "match_terms"  ("side", "doc_id") `,
    );
    // Hand-written: a term's postings best first (TypeORM entities cannot declare a descending column).
    await queryRunner.query(
      `CREATE INDEX "IDX_match_terms_impact" ON "match_terms" ("side", "term", "impact" DESC)`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_term_stats" ("side" character(1) NOT NULL, "term" text NOT NULL, "df" integer NOT NULL, CONSTRAINT "PK_21560f56a148bc419d6406025c9" PRIMARY KEY ("side", "term"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_side_stats" ("side" character(1) NOT NULL, "documents" integer NOT NULL DEFAULT '0', "total_length" double precision NOT NULL DEFAULT '0', CONSTRAINT "PK_0368d338cf78e39c27ee95fb281" PRIMARY KEY ("side"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_queue" ("side" character(1) NOT NULL, "doc_id" uuid NOT NULL, "queued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c373bde74e5a779435cfc3c0c0e" PRIMARY KEY ("side", "doc_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."match_dismissal_side" AS ENUM('ISSUER', 'SME')`);
    await queryRunner.query(
      `CREATE TABLE "match_dismissals" ("challenge_id" uuid NOT NULL, "sme_id" uuid NOT NULL, "side" "public"."match_dismissal_side" NOT NULL, "reason" character varying(300), "dismissed_by" uuid, "dismissed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7502310f8a670cd0a7884951b4f" PRIMARY KEY ("challenge_id", "sme_id", "side"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_dismissals_sme" ON "match_dismissals"  ("sme_id", "side") `,
    );
    await queryRunner.query(
      `CREATE TABLE "match_vocabulary" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "zh" character varying(16) NOT NULL, "en" character varying(80) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b6dcb265dec1e9d5e7b3fd4a304" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_match_vocabulary_pair" ON "match_vocabulary"  ("zh", "en") `,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" ADD CONSTRAINT "FK_521e38ca55caba6b5d95a8863c0" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" ADD CONSTRAINT "FK_9a141f544794aa761e182325366" FOREIGN KEY ("sme_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" ADD CONSTRAINT "FK_3e2a3f69167d61154d2d28db723" FOREIGN KEY ("dismissed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_vocabulary" ADD CONSTRAINT "FK_65f8a244579bb162cc9d6de96fe" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Hand-written: the totals rows, and the triggers that queue what changed (side, then the id column).
    await queryRunner.query(`INSERT INTO "match_side_stats" ("side") VALUES ('C'), ('S')`);
    await queryRunner.query(`CREATE FUNCTION match_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_json jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
  INSERT INTO match_queue (side, doc_id) VALUES (TG_ARGV[0], (row_json ->> TG_ARGV[1])::uuid)
    ON CONFLICT (side, doc_id) DO NOTHING;
  RETURN NULL;
END $$`);
    for (const sql of MATCH_TRIGGERS) await queryRunner.query(sql);
    await queryRunner.query(
      `INSERT INTO match_queue (side, doc_id) SELECT 'C', id FROM challenges UNION ALL SELECT 'S', organization_id FROM smes`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table] of TRIGGER_NAMES)
      await queryRunner.query(`DROP TRIGGER ${name} ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION match_enqueue()`);
    await queryRunner.query(
      `ALTER TABLE "match_vocabulary" DROP CONSTRAINT "FK_65f8a244579bb162cc9d6de96fe"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" DROP CONSTRAINT "FK_3e2a3f69167d61154d2d28db723"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" DROP CONSTRAINT "FK_9a141f544794aa761e182325366"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_dismissals" DROP CONSTRAINT "FK_521e38ca55caba6b5d95a8863c0"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_match_vocabulary_pair"`);
    await queryRunner.query(`DROP TABLE "match_vocabulary"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_match_dismissals_sme"`);
    await queryRunner.query(`DROP TABLE "match_dismissals"`);
    await queryRunner.query(`DROP TYPE "public"."match_dismissal_side"`);
    await queryRunner.query(`DROP TABLE "match_queue"`);
    await queryRunner.query(`DROP TABLE "match_side_stats"`);
    await queryRunner.query(`DROP TABLE "match_term_stats"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_match_terms_impact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_match_terms_doc"`);
    await queryRunner.query(`DROP TABLE "match_terms"`);
    await queryRunner.query(`DROP TABLE "match_documents"`);
  }
}

const TRIGGER_NAMES: [string, string][] = [
  ['match_enqueue_challenge', 'challenges'],
  ['match_enqueue_challenge_requirement', 'challenge_requirements'],
  ['match_enqueue_challenge_field', 'challenge_technical_fields'],
  ['match_enqueue_sme', 'smes'],
  ['match_enqueue_sme_field', 'sme_technical_fields'],
  ['match_enqueue_sme_name', 'organizations'],
];

const MATCH_TRIGGERS = [
  `CREATE TRIGGER match_enqueue_challenge AFTER INSERT OR DELETE OR UPDATE OF title_zh, title_en, summary_zh, summary_en, industry_code, excluded_approaches
     ON challenges FOR EACH ROW EXECUTE FUNCTION match_enqueue('C', 'id')`,
  `CREATE TRIGGER match_enqueue_challenge_requirement AFTER INSERT OR DELETE OR UPDATE
     ON challenge_requirements FOR EACH ROW EXECUTE FUNCTION match_enqueue('C', 'challenge_id')`,
  `CREATE TRIGGER match_enqueue_challenge_field AFTER INSERT OR DELETE OR UPDATE
     ON challenge_technical_fields FOR EACH ROW EXECUTE FUNCTION match_enqueue('C', 'challenge_id')`,
  `CREATE TRIGGER match_enqueue_sme AFTER INSERT OR DELETE OR UPDATE OF capability_statement, keywords, products, past_projects, technical_routes
     ON smes FOR EACH ROW EXECUTE FUNCTION match_enqueue('S', 'organization_id')`,
  `CREATE TRIGGER match_enqueue_sme_field AFTER INSERT OR DELETE OR UPDATE
     ON sme_technical_fields FOR EACH ROW EXECUTE FUNCTION match_enqueue('S', 'organization_id')`,
  `CREATE TRIGGER match_enqueue_sme_name AFTER UPDATE OF name_zh, name_en
     ON organizations FOR EACH ROW WHEN (NEW.kind = 'SME') EXECUTE FUNCTION match_enqueue('S', 'id')`,
];
