import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the outbox rows written with each business change (`notifications`), their deliveries on the
 * channels other than the inbox (`notification_deliveries`, one per notification and channel), each user's channel
 * per kind (`notification_preferences`) and the challenges users follow (`challenge_follows`). The partial index of
 * unread notifications (IDX_notifications_unread) is hand-written (declared with synchronize: false).
 */
export class Notifications1795901300000 implements MigrationInterface {
  name = 'Notifications1795901300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('CHALLENGE_REVIEW_DECIDED', 'PROPOSAL_SUBMITTED', 'PROPOSAL_SHORTLISTED', 'PROPOSAL_SELECTED', 'PROPOSAL_NOT_SELECTED', 'INTRODUCTION_REQUESTED', 'INTRODUCTION_ACCEPTED', 'INTRODUCTION_DECLINED', 'PUBLICITY_STARTED', 'CHALLENGE_AWARDED', 'ORGANIZATION_VERIFICATION_DECIDED', 'ALLIANCE_APPLICATION_DECIDED', 'CHALLENGE_AMENDED', 'CHALLENGE_ANSWER_PUBLISHED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "challenge_id" uuid, "proposal_id" uuid, "introduction_id" uuid, "organization_id" uuid, "params" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_challenge" ON "notifications"  ("challenge_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_proposal" ON "notifications"  ("proposal_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_introduction" ON "notifications"  ("introduction_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_organization" ON "notifications"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_recipient" ON "notifications"  ("recipient_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_unread" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_channel" AS ENUM('EMAIL', 'DIGEST')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_delivery_status" AS ENUM('PENDING', 'SENT', 'SKIPPED', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "channel" "public"."notification_delivery_channel" NOT NULL, "status" "public"."notification_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(1000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "attempted_at" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_notification_deliveries_channel" UNIQUE ("notification_id", "channel"), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_deliveries_due" ON "notification_deliveries"  ("channel", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_channel_setting" AS ENUM('IN_APP', 'EMAIL', 'DIGEST', 'OFF')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "channel" "public"."notification_channel_setting" NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_follows" ("user_id" uuid NOT NULL, "challenge_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa9fe31d33f411aac29833a6d36" PRIMARY KEY ("user_id", "challenge_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_challenge_follows_challenge" ON "challenge_follows"  ("challenge_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_2af3619d36987d24071324292e5" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_e2357589dc5b3f8f1fe8f44e935" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_bb8f8eb95071a973693a2bd72b0" FOREIGN KEY ("introduction_id") REFERENCES "introductions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_cb7b1fb018b296f2107e998b2ff" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_435486b970fffc3e33a7450ee97" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_follows" ADD CONSTRAINT "FK_bc8b8a5851c38b8751b6726a077" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_follows" ADD CONSTRAINT "FK_f771a60a51c4f59bc6dd5bda612" FOREIGN KEY ("challenge_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "challenge_follows" DROP CONSTRAINT "FK_f771a60a51c4f59bc6dd5bda612"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_follows" DROP CONSTRAINT "FK_bc8b8a5851c38b8751b6726a077"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_435486b970fffc3e33a7450ee97"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_cb7b1fb018b296f2107e998b2ff"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_bb8f8eb95071a973693a2bd72b0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_e2357589dc5b3f8f1fe8f44e935"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_2af3619d36987d24071324292e5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_5332a4daa46fd3f4e6625dd275d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_challenge_follows_challenge"`);
    await queryRunner.query(`DROP TABLE "challenge_follows"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TYPE "public"."notification_channel_setting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_deliveries_due"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."notification_delivery_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_unread"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_introduction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_challenge"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
  }
}
