import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introductions (对接) and their message threads. The partial unique index allows one live (REQUESTED or
 * ACCEPTED) introduction per (challenge, SME). The invitations made before introductions existed are carried over
 * as ACCEPTED introductions of direction INVITE (they had granted access at once; challenge_invitations stays the
 * access grant, which an accepted invitation writes from now on).
 */
export class Introductions1795900900000 implements MigrationInterface {
  name = 'Introductions1795900900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."introduction_direction" AS ENUM('INVITE', 'REQUEST')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."introduction_status" AS ENUM('REQUESTED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'CLOSED_DEAL', 'CLOSED_NO_DEAL')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."introduction_close_reason" AS ENUM('CONTRACT_SIGNED', 'PILOT_STARTED', 'PROPOSAL_SUBMITTED', 'TECHNICAL_MISMATCH', 'COMMERCIAL_TERMS', 'TIMING', 'NO_RESPONSE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "introductions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "sme_id" uuid NOT NULL, "issuer_organization_id" uuid NOT NULL, "direction" "public"."introduction_direction" NOT NULL, "requester_organization_id" uuid NOT NULL, "status" "public"."introduction_status" NOT NULL, "status_reason" character varying(1000), "close_reason" "public"."introduction_close_reason", "message" character varying(2000) NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "responded_by" uuid, "responded_at" TIMESTAMP(3) WITH TIME ZONE, "closed_by" uuid, "status_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_811d59fa8b5c5255e94438b348e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_introductions_requester" ON "introductions"  ("requester_organization_id", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_introductions_challenge" ON "introductions"  ("challenge_id", "requested_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_introductions_issuer" ON "introductions"  ("issuer_organization_id", "requested_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_introductions_sme" ON "introductions"  ("sme_id", "requested_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "introduction_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "introduction_id" uuid NOT NULL, "author_id" uuid, "author_organization_id" uuid NOT NULL, "body" character varying(2000) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9724226b723746dbcc8e3764d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_introduction_messages_thread" ON "introduction_messages"  ("introduction_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_d78cc9353cb44f15939fef26d1b" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_bbdc7899d52121acc6c8b77ab28" FOREIGN KEY ("sme_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_675798c509f5dfce796892cc78a" FOREIGN KEY ("issuer_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_f1a57ba10af9526bb08742cf873" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_5eaa806b5ef363b008fd3ac3678" FOREIGN KEY ("responded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" ADD CONSTRAINT "FK_1f0ba75a193b33eb760a96f214b" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction_messages" ADD CONSTRAINT "FK_51f2f7abda057e667f9976491fa" FOREIGN KEY ("introduction_id") REFERENCES "introductions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction_messages" ADD CONSTRAINT "FK_f0ed493fa55f9b560458d7344ff" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Hand-written (the entity declares it with synchronize: false).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_introductions_live_pair" ON "introductions" ("challenge_id", "sme_id") WHERE "status" IN ('REQUESTED', 'ACCEPTED')`,
    );
    await queryRunner.query(
      `INSERT INTO "introductions" ("challenge_id", "sme_id", "issuer_organization_id", "direction", "requester_organization_id",
                                    "status", "message", "requested_by", "requested_at", "expires_at", "responded_at", "status_changed_at")
       SELECT ci.challenge_id, ci.organization_id, c.issuer_organization_id, 'INVITE', c.issuer_organization_id,
              'ACCEPTED', '', ci.invited_by, ci.created_at, ci.created_at, ci.created_at, ci.created_at
         FROM "challenge_invitations" ci JOIN "challenges" c ON c.id = ci.challenge_id
         JOIN "organizations" o ON o.id = ci.organization_id AND o.kind = 'SME'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_introductions_live_pair"`);
    await queryRunner.query(
      `ALTER TABLE "introduction_messages" DROP CONSTRAINT "FK_f0ed493fa55f9b560458d7344ff"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction_messages" DROP CONSTRAINT "FK_51f2f7abda057e667f9976491fa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_1f0ba75a193b33eb760a96f214b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_5eaa806b5ef363b008fd3ac3678"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_f1a57ba10af9526bb08742cf873"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_675798c509f5dfce796892cc78a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_bbdc7899d52121acc6c8b77ab28"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introductions" DROP CONSTRAINT "FK_d78cc9353cb44f15939fef26d1b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_introduction_messages_thread"`);
    await queryRunner.query(`DROP TABLE "introduction_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_introductions_sme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_introductions_issuer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_introductions_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_introductions_requester"`);
    await queryRunner.query(`DROP TABLE "introductions"`);
    await queryRunner.query(`DROP TYPE "public"."introduction_close_reason"`);
    await queryRunner.query(`DROP TYPE "public"."introduction_status"`);
    await queryRunner.query(`DROP TYPE "public"."introduction_direction"`);
  }
}
