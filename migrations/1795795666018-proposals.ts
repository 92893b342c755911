import { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1795795666018 implements MigrationInterface {
  name = 'Proposals1795795666018';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_status" AS ENUM('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'UNDER_REVIEW', 'SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'DISQUALIFIED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_not_selected_reason" AS ENUM('BELOW_THRESHOLD', 'VETO_CRITERION_FAILED', 'TECHNICAL_MISMATCH', 'PRICE_TOO_HIGH', 'TIMELINE_TOO_LONG', 'INCOMPLETE', 'LESS_COMPETITIVE', 'CHALLENGE_FAILED', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" "public"."proposal_status" NOT NULL DEFAULT 'DRAFT', "draft_content" jsonb, "current_revision" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "receipt_sha256" character(64), "idempotency_key" character varying(100), "idempotency_payload_hash" character(64), "award_amount" bigint, "not_selected_reason" "public"."proposal_not_selected_reason", "feedback" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "decided_by" uuid, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db524c8db8e126a38a2f16d8cac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_proposals_organization_created" ON "proposals"  ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_proposals_challenge_status" ON "proposals"  ("challenge_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_proposals_idempotency" ON "proposals"  ("organization_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_proposals_live" ON "proposals"  ("challenge_id", "organization_id") WHERE "status" <> 'WITHDRAWN'`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_revisions" ("proposal_id" uuid NOT NULL, "revision" integer NOT NULL, "content" jsonb NOT NULL, "content_sha256" character(64) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cf4345e02a1ad7c32b77c3aa8e5" PRIMARY KEY ("proposal_id", "revision"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."review_assignment_status" AS ENUM('INVITED', 'ACCEPTED', 'DECLINED', 'RECUSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "review_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "proposal_id" uuid, "reviewer_user_id" uuid NOT NULL, "status" "public"."review_assignment_status" NOT NULL DEFAULT 'INVITED', "reason" text, "assigned_by" uuid, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57627790f79af37bc6a5e982176" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_review_assignments_reviewer" ON "review_assignments"  ("reviewer_user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_review_assignments_proposal" ON "review_assignments"  ("proposal_id", "reviewer_user_id") WHERE "proposal_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_review_assignments_challenge" ON "review_assignments"  ("challenge_id", "reviewer_user_id") WHERE "proposal_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "score" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', "private_note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c36917e6f26293b91d04b8fd521" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_scores_proposal" ON "scores"  ("proposal_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_scores_assignment_proposal_criterion" ON "scores"  ("assignment_id", "proposal_id", "criterion_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_evaluations" ("challenge_id" uuid NOT NULL, "scoring_locked_at" TIMESTAMP(3) WITH TIME ZONE, "scoring_locked_by" uuid, CONSTRAINT "PK_98ec04e2e2189b48b94a91c5ca6" PRIMARY KEY ("challenge_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."publicity_outcome" AS ENUM('AWARDED', 'OBJECTION_UPHELD')`,
    );
    await queryRunner.query(
      `CREATE TABLE "publicities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "outcome" "public"."publicity_outcome", CONSTRAINT "PK_e1b7d35068a3c94abe81b9bcadc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_publicities_challenge" ON "publicities"  ("challenge_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_publicities_open" ON "publicities"  ("challenge_id") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."objection_status" AS ENUM('FILED', 'UPHELD', 'DISMISSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "objections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "publicity_id" uuid NOT NULL, "challenge_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "filed_by_organization_id" uuid NOT NULL, "filed_by" uuid, "reason" text NOT NULL, "status" "public"."objection_status" NOT NULL DEFAULT 'FILED', "decision_reason" text, "decided_by" uuid, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6bb81f77d9eabef4f46e9c0934f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_objections_publicity" ON "objections"  ("publicity_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_access_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "admin_user_id" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5cc0a9cbcb48b02f89c1aba961d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_proposal_access_grants_lookup" ON "proposal_access_grants"  ("proposal_id", "admin_user_id", "expires_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" ADD CONSTRAINT "FK_c4bf1d7ff00fb2d9e4d5ff4dcb3" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" ADD CONSTRAINT "FK_dc33bf3a873077f778084dd95a7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" ADD CONSTRAINT "FK_7ddd8cfd6eab0dc6157f63bbff1" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" ADD CONSTRAINT "FK_efa4cb7bcb6f3003413a6987440" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revisions" ADD CONSTRAINT "FK_e0d17b6a127ea39a4950e825acc" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revisions" ADD CONSTRAINT "FK_abea34232eeb271f3e7042d66bf" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_7dbbc7c2c3ad35c826f9d104a03" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_fde59dfc616a1d4f8a9d1b4f092" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_e41aa7a92105ebb61a99c4b9d69" FOREIGN KEY ("reviewer_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_a91cde456fdf7d1b9d34fe47ff2" FOREIGN KEY ("assigned_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" ADD CONSTRAINT "FK_c2c79d952862b30477f66840ecb" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" ADD CONSTRAINT "FK_11d4f49b62c8100739486d90793" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" ADD CONSTRAINT "FK_8d505be5213d9949278e76b4cae" FOREIGN KEY ("criterion_id") REFERENCES "evaluation_criteria"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_evaluations" ADD CONSTRAINT "FK_98ec04e2e2189b48b94a91c5ca6" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_evaluations" ADD CONSTRAINT "FK_9d158adb1c47bd3e7d76578690d" FOREIGN KEY ("scoring_locked_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "publicities" ADD CONSTRAINT "FK_1c7321872b8eb5ba26d2749b2c7" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_fbb39ddabf35e6339a6a8fc5783" FOREIGN KEY ("publicity_id") REFERENCES "publicities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_f792228c0058eede560b40d5652" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_d223730f363980872d68cec1aa5" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_65c8dc81e95420ad157cf49893a" FOREIGN KEY ("filed_by_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_2805837b6d507ccdaa77295db83" FOREIGN KEY ("filed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" ADD CONSTRAINT "FK_cb503ec8ae783737200119100b0" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_access_grants" ADD CONSTRAINT "FK_5407fc79a54c210a3165f3e2b65" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_access_grants" ADD CONSTRAINT "FK_78f5be964e14ad3b57868d3405e" FOREIGN KEY ("admin_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" ADD CONSTRAINT "CHK_scores_range" CHECK ("score" BETWEEN 0 AND 10)`,
    );
    // Hand-written: the challenges module's proposal-count hook now counts real proposals (drafts and
    // withdrawn ones are not proposals the issuer received).
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "challenge_proposal_counts" AS SELECT p.challenge_id, count(*)::integer AS proposal_count FROM proposals p WHERE p.status NOT IN ('DRAFT', 'WITHDRAWN') GROUP BY p.challenge_id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "challenge_proposal_counts" AS SELECT NULL::uuid AS challenge_id, 0::integer AS proposal_count WHERE false`,
    );
    await queryRunner.query(`ALTER TABLE "scores" DROP CONSTRAINT "CHK_scores_range"`);
    await queryRunner.query(
      `ALTER TABLE "proposal_access_grants" DROP CONSTRAINT "FK_78f5be964e14ad3b57868d3405e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_access_grants" DROP CONSTRAINT "FK_5407fc79a54c210a3165f3e2b65"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_cb503ec8ae783737200119100b0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_2805837b6d507ccdaa77295db83"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_65c8dc81e95420ad157cf49893a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_d223730f363980872d68cec1aa5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_f792228c0058eede560b40d5652"`,
    );
    await queryRunner.query(
      `ALTER TABLE "objections" DROP CONSTRAINT "FK_fbb39ddabf35e6339a6a8fc5783"`,
    );
    await queryRunner.query(
      `ALTER TABLE "publicities" DROP CONSTRAINT "FK_1c7321872b8eb5ba26d2749b2c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_evaluations" DROP CONSTRAINT "FK_9d158adb1c47bd3e7d76578690d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_evaluations" DROP CONSTRAINT "FK_98ec04e2e2189b48b94a91c5ca6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" DROP CONSTRAINT "FK_8d505be5213d9949278e76b4cae"`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" DROP CONSTRAINT "FK_11d4f49b62c8100739486d90793"`,
    );
    await queryRunner.query(
      `ALTER TABLE "scores" DROP CONSTRAINT "FK_c2c79d952862b30477f66840ecb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_a91cde456fdf7d1b9d34fe47ff2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_e41aa7a92105ebb61a99c4b9d69"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_fde59dfc616a1d4f8a9d1b4f092"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_7dbbc7c2c3ad35c826f9d104a03"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revisions" DROP CONSTRAINT "FK_abea34232eeb271f3e7042d66bf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_revisions" DROP CONSTRAINT "FK_e0d17b6a127ea39a4950e825acc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" DROP CONSTRAINT "FK_efa4cb7bcb6f3003413a6987440"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" DROP CONSTRAINT "FK_7ddd8cfd6eab0dc6157f63bbff1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" DROP CONSTRAINT "FK_dc33bf3a873077f778084dd95a7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposals" DROP CONSTRAINT "FK_c4bf1d7ff00fb2d9e4d5ff4dcb3"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_proposal_access_grants_lookup"`);
    await queryRunner.query(`DROP TABLE "proposal_access_grants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_objections_publicity"`);
    await queryRunner.query(`DROP TABLE "objections"`);
    await queryRunner.query(`DROP TYPE "public"."objection_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_publicities_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publicities_challenge"`);
    await queryRunner.query(`DROP TABLE "publicities"`);
    await queryRunner.query(`DROP TYPE "public"."publicity_outcome"`);
    await queryRunner.query(`DROP TABLE "challenge_evaluations"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_scores_assignment_proposal_criterion"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scores_proposal"`);
    await queryRunner.query(`DROP TABLE "scores"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_review_assignments_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_review_assignments_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_review_assignments_reviewer"`);
    await queryRunner.query(`DROP TABLE "review_assignments"`);
    await queryRunner.query(`DROP TYPE "public"."review_assignment_status"`);
    await queryRunner.query(`DROP TABLE "proposal_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_proposals_live"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_proposals_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_proposals_challenge_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_proposals_organization_created"`);
    await queryRunner.query(`DROP TABLE "proposals"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_not_selected_reason"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_status"`);
  }
}
