import { MigrationInterface, QueryRunner } from 'typeorm';

export class Challenges1795795042561 implements MigrationInterface {
  name = 'Challenges1795795042561';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_status" AS ENUM('DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'PUBLISHED', 'CLOSED', 'IN_PUBLICITY', 'AWARDED', 'FAILED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_chain_goal" AS ENUM('STABILIZE', 'SUPPLEMENT', 'CONSOLIDATE', 'STRENGTHEN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_demand_type" AS ENUM('TECH_BREAKTHROUGH', 'PROCUREMENT', 'SCENARIO_VALIDATION', 'TECH_TRANSFORMATION', 'TALENT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cooperation_mode" AS ENUM('JOINT_DEVELOPMENT', 'COMMISSIONED_DEVELOPMENT', 'TECH_TRANSFER', 'LICENSE', 'TECH_SERVICE', 'EQUITY', 'PROCUREMENT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."ip_ownership" AS ENUM('ISSUER', 'RESPONDENT', 'SHARED', 'NEGOTIABLE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_min_qualification" AS ENUM('NONE', 'INNOVATIVE', 'SPECIALIZED', 'LITTLE_GIANT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_visibility" AS ENUM('PUBLIC', 'REGISTERED', 'INVITE_ONLY')`,
    );
    await queryRunner.query(
      `CREATE TABLE "challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer_organization_id" uuid NOT NULL, "created_by" uuid, "status" "public"."challenge_status" NOT NULL DEFAULT 'DRAFT', "title_zh" character varying(200), "title_en" character varying(200), "summary_zh" text, "summary_en" text, "description" text NOT NULL DEFAULT '', "industry_code" character(1) NOT NULL, "chain_goal" "public"."challenge_chain_goal" NOT NULL, "demand_type" "public"."challenge_demand_type" NOT NULL, "cooperation_modes" "public"."cooperation_mode" array NOT NULL DEFAULT '{}', "budget_min" bigint, "budget_max" bigint, "bounty" bigint, "currency" character(3) NOT NULL DEFAULT 'CNY', "ip_ownership" "public"."ip_ownership" NOT NULL DEFAULT 'NEGOTIABLE', "min_qualification" "public"."challenge_min_qualification" NOT NULL DEFAULT 'NONE', "allowed_region_codes" character varying(6) array NOT NULL DEFAULT '{}', "verified_only" boolean NOT NULL DEFAULT true, "visibility" "public"."challenge_visibility" NOT NULL DEFAULT 'PUBLIC', "anonymous_issuer" boolean NOT NULL DEFAULT false, "blind_review" boolean NOT NULL DEFAULT false, "deadline" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "published_at" TIMESTAMP(3) WITH TIME ZONE, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "status_reason" text, "status_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "requires_terms" boolean NOT NULL DEFAULT false, "terms_version" integer, "search_zh" tsvector, "search_en" tsvector, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e664e93171e20fe4d6125466af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_status_submitted" ON "challenges"  ("status", "submitted_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_deadline" ON "challenges"  ("deadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_issuer_created" ON "challenges"  ("issuer_organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_terms" ("challenge_id" uuid NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_59fadedfb49f6df210f7bca3401" PRIMARY KEY ("challenge_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_terms_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "user_id" uuid, "terms_version" integer NOT NULL, "accepted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bbc31abf17dac3d43665d99cb0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_52fa1a285bc197d641350d8e98" ON "challenge_terms_acceptances"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_challenge_terms_acceptances" ON "challenge_terms_acceptances"  ("challenge_id", "organization_id", "terms_version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_invitations" ("challenge_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ba9a2353b54de64ff70047b406" PRIMARY KEY ("challenge_id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_efd21489b444a624d8a052812d" ON "challenge_invitations"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "asker_organization_id" uuid NOT NULL, "asker_user_id" uuid, "question" text NOT NULL, "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP(3) WITH TIME ZONE, "published" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_740d1df079245cd347ae119fb9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenge_questions_challenge" ON "challenge_questions"  ("challenge_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "author_user_id" uuid, "title" character varying(200) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53c406b333b3bcb8928f0193e05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenge_announcements_challenge" ON "challenge_announcements"  ("challenge_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_technical_fields" ("challenge_id" uuid NOT NULL, "field_code" character varying(64) NOT NULL, CONSTRAINT "PK_96b8b131415410164fc6f0328f7" PRIMARY KEY ("challenge_id", "field_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_725ea63942f5ef88c6649cd1bc" ON "challenge_technical_fields"  ("field_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(200) NOT NULL, "target" character varying(200) NOT NULL, "unit" character varying(40) NOT NULL DEFAULT '', "weight" smallint NOT NULL DEFAULT '0', "must_have" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_8c2e544de5de344e767b9b585a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_challenge_requirements_position" ON "challenge_requirements"  ("challenge_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "evaluation_criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "weight" smallint NOT NULL, "veto" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_1bf12cd7c46af786eec5987c5c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_evaluation_criteria_position" ON "evaluation_criteria"  ("challenge_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_versions" ("challenge_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "change_summary" text, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cf261d6208b940fce2f2deab3a" PRIMARY KEY ("challenge_id", "version"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "FK_f0840e71367dd123cc6dc6cde10" FOREIGN KEY ("issuer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "FK_1e1f02fc7bc2f3a792ecb0ad58e" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms" ADD CONSTRAINT "FK_c638198b76360b63d0c05ebab68" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" ADD CONSTRAINT "FK_4bfb8ba2eb206d83cba477f24cc" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" ADD CONSTRAINT "FK_52fa1a285bc197d641350d8e98a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" ADD CONSTRAINT "FK_2ca7384691acbeaa1f5c8c0344e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" ADD CONSTRAINT "FK_b70a1c7bf138798fcbc9177364f" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" ADD CONSTRAINT "FK_efd21489b444a624d8a052812d4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" ADD CONSTRAINT "FK_f2fef63c564b46efdebf5cc8a2b" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" ADD CONSTRAINT "FK_e5ca9757062ff1d0d01d885d660" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" ADD CONSTRAINT "FK_e79fc692088e150b12946631d09" FOREIGN KEY ("asker_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" ADD CONSTRAINT "FK_796ec66d4a7ee514998469bf1a8" FOREIGN KEY ("asker_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" ADD CONSTRAINT "FK_fc70763655280bec84658e54547" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_announcements" ADD CONSTRAINT "FK_b7501b6526fe7101edd8d2d12aa" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_announcements" ADD CONSTRAINT "FK_1b94455500b9e573c6f537a94ed" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_technical_fields" ADD CONSTRAINT "FK_96a01098ba37811d6883b9c8c04" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_technical_fields" ADD CONSTRAINT "FK_725ea63942f5ef88c6649cd1bc4" FOREIGN KEY ("field_code") REFERENCES "technical_fields"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_requirements" ADD CONSTRAINT "FK_b1875e62477c397fbe6c4d35cef" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "FK_2202621b0ffcb55ccf9d6503fa8" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_versions" ADD CONSTRAINT "FK_45cd05318faebe0b8a8b11810d9" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_versions" ADD CONSTRAINT "FK_1013fd731b7270f244b5a81d59f" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Hand-written: full-text search (GIN) and the sort keys of the browse list (expression indexes).
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_search_zh" ON "challenges" USING GIN ("search_zh")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_search_en" ON "challenges" USING GIN ("search_en")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_newest" ON "challenges" ((COALESCE("published_at", "created_at")) DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenges_budget" ON "challenges" ((COALESCE("budget_max", "budget_min", 0)) DESC, "id" DESC)`,
    );
    // Hand-written: the hook for the number of proposals a challenge received. Empty until the proposals
    // module replaces it (CREATE OR REPLACE VIEW ... FROM proposals WHERE status <> 'DRAFT' GROUP BY challenge_id).
    await queryRunner.query(
      `CREATE VIEW "challenge_proposal_counts" AS SELECT NULL::uuid AS challenge_id, 0::integer AS proposal_count WHERE false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "challenge_proposal_counts"`);
    await queryRunner.query(`DROP INDEX "IDX_challenges_budget"`);
    await queryRunner.query(`DROP INDEX "IDX_challenges_newest"`);
    await queryRunner.query(`DROP INDEX "IDX_challenges_search_en"`);
    await queryRunner.query(`DROP INDEX "IDX_challenges_search_zh"`);
    await queryRunner.query(
      `ALTER TABLE "challenge_versions" DROP CONSTRAINT "FK_1013fd731b7270f244b5a81d59f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_versions" DROP CONSTRAINT "FK_45cd05318faebe0b8a8b11810d9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_criteria" DROP CONSTRAINT "FK_2202621b0ffcb55ccf9d6503fa8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_requirements" DROP CONSTRAINT "FK_b1875e62477c397fbe6c4d35cef"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_technical_fields" DROP CONSTRAINT "FK_725ea63942f5ef88c6649cd1bc4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_technical_fields" DROP CONSTRAINT "FK_96a01098ba37811d6883b9c8c04"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_announcements" DROP CONSTRAINT "FK_1b94455500b9e573c6f537a94ed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_announcements" DROP CONSTRAINT "FK_b7501b6526fe7101edd8d2d12aa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" DROP CONSTRAINT "FK_fc70763655280bec84658e54547"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" DROP CONSTRAINT "FK_796ec66d4a7ee514998469bf1a8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" DROP CONSTRAINT "FK_e79fc692088e150b12946631d09"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_questions" DROP CONSTRAINT "FK_e5ca9757062ff1d0d01d885d660"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" DROP CONSTRAINT "FK_f2fef63c564b46efdebf5cc8a2b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" DROP CONSTRAINT "FK_efd21489b444a624d8a052812d4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_invitations" DROP CONSTRAINT "FK_b70a1c7bf138798fcbc9177364f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" DROP CONSTRAINT "FK_2ca7384691acbeaa1f5c8c0344e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" DROP CONSTRAINT "FK_52fa1a285bc197d641350d8e98a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms_acceptances" DROP CONSTRAINT "FK_4bfb8ba2eb206d83cba477f24cc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_terms" DROP CONSTRAINT "FK_c638198b76360b63d0c05ebab68"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" DROP CONSTRAINT "FK_1e1f02fc7bc2f3a792ecb0ad58e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" DROP CONSTRAINT "FK_f0840e71367dd123cc6dc6cde10"`,
    );
    await queryRunner.query(`DROP TABLE "challenge_versions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_evaluation_criteria_position"`);
    await queryRunner.query(`DROP TABLE "evaluation_criteria"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_challenge_requirements_position"`);
    await queryRunner.query(`DROP TABLE "challenge_requirements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_725ea63942f5ef88c6649cd1bc"`);
    await queryRunner.query(`DROP TABLE "challenge_technical_fields"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_challenge_announcements_challenge"`);
    await queryRunner.query(`DROP TABLE "challenge_announcements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_challenge_questions_challenge"`);
    await queryRunner.query(`DROP TABLE "challenge_questions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_efd21489b444a624d8a052812d"`);
    await queryRunner.query(`DROP TABLE "challenge_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_challenge_terms_acceptances"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52fa1a285bc197d641350d8e98"`);
    await queryRunner.query(`DROP TABLE "challenge_terms_acceptances"`);
    await queryRunner.query(`DROP TABLE "challenge_terms"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_challenges_issuer_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_challenges_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_challenges_status_submitted"`);
    await queryRunner.query(`DROP TABLE "challenges"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_min_qualification"`);
    await queryRunner.query(`DROP TYPE "public"."ip_ownership"`);
    await queryRunner.query(`DROP TYPE "public"."cooperation_mode"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_demand_type"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_chain_goal"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_status"`);
  }
}
