import { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kind CHALLENGE_RECOMMENDED: a newly published challenge announced to the SMEs it fits. */
export class NotificationKindRecommended1795901700000 implements MigrationInterface {
  name = 'NotificationKindRecommended1795901700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE 'CHALLENGE_RECOMMENDED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'CHALLENGE_RECOMMENDED'`);
    await queryRunner.query(
      `DELETE FROM "notification_preferences" WHERE "kind" = 'CHALLENGE_RECOMMENDED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('CHALLENGE_REVIEW_DECIDED', 'PROPOSAL_SUBMITTED', 'PROPOSAL_SHORTLISTED', 'PROPOSAL_SELECTED', 'PROPOSAL_NOT_SELECTED', 'INTRODUCTION_REQUESTED', 'INTRODUCTION_ACCEPTED', 'INTRODUCTION_DECLINED', 'PUBLICITY_STARTED', 'CHALLENGE_AWARDED', 'ORGANIZATION_VERIFICATION_DECIDED', 'ALLIANCE_APPLICATION_DECIDED', 'CHALLENGE_AMENDED', 'CHALLENGE_ANSWER_PUBLISHED')`,
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
