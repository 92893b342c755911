import { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kinds DEADLINE_REMINDER (72 and 24 hours before) and INTRODUCTION_EXPIRING. */
export class NotificationKindsReminders1795901900000 implements MigrationInterface {
  name = 'NotificationKindsReminders1795901900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE 'DEADLINE_REMINDER'`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE 'INTRODUCTION_EXPIRING'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const gone = `'DEADLINE_REMINDER', 'INTRODUCTION_EXPIRING'`;
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" IN (${gone})`);
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "kind" IN (${gone})`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('CHALLENGE_REVIEW_DECIDED', 'PROPOSAL_SUBMITTED', 'PROPOSAL_SHORTLISTED', 'PROPOSAL_SELECTED', 'PROPOSAL_NOT_SELECTED', 'INTRODUCTION_REQUESTED', 'INTRODUCTION_ACCEPTED', 'INTRODUCTION_DECLINED', 'PUBLICITY_STARTED', 'CHALLENGE_AWARDED', 'ORGANIZATION_VERIFICATION_DECIDED', 'ALLIANCE_APPLICATION_DECIDED', 'CHALLENGE_AMENDED', 'CHALLENGE_ANSWER_PUBLISHED', 'CHALLENGE_RECOMMENDED', 'REVIEW_ASSIGNED', 'CHALLENGE_FAILED')`,
    );
    for (const table of ['notification_preferences', 'notifications'])
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`,
      );
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`,
    );
  }
}
