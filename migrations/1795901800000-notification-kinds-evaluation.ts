import { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kinds REVIEW_ASSIGNED (a reviewer asked) and CHALLENGE_FAILED (流榜). */
export class NotificationKindsEvaluation1795901800000 implements MigrationInterface {
  name = 'NotificationKindsEvaluation1795901800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'REVIEW_ASSIGNED'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHALLENGE_FAILED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const gone = `'REVIEW_ASSIGNED', 'CHALLENGE_FAILED'`;
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" IN (${gone})`);
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "kind" IN (${gone})`);
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind_old" AS ENUM('CHALLENGE_REVIEW_DECIDED', 'PROPOSAL_SUBMITTED', 'PROPOSAL_SHORTLISTED', 'PROPOSAL_SELECTED', 'PROPOSAL_NOT_SELECTED', 'INTRODUCTION_REQUESTED', 'INTRODUCTION_ACCEPTED', 'INTRODUCTION_DECLINED', 'PUBLICITY_STARTED', 'CHALLENGE_AWARDED', 'ORGANIZATION_VERIFICATION_DECIDED', 'ALLIANCE_APPLICATION_DECIDED', 'CHALLENGE_AMENDED', 'CHALLENGE_ANSWER_PUBLISHED', 'CHALLENGE_RECOMMENDED')`,
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
