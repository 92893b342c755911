import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChallengeChecks1795796361132 implements MigrationInterface {
  name = 'ChallengeChecks1795796361132';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "CHK_challenges_version" CHECK ("version" >= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "CHK_challenges_money" CHECK (("budget_min" IS NULL OR "budget_min" >= 0) AND ("budget_max" IS NULL OR "budget_max" >= 0) AND ("bounty" IS NULL OR "bounty" >= 0))`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "CHK_challenges_budget" CHECK ("budget_min" IS NULL OR "budget_max" IS NULL OR "budget_min" <= "budget_max")`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD CONSTRAINT "CHK_challenges_title" CHECK ("title_zh" IS NOT NULL OR "title_en" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_requirements" ADD CONSTRAINT "CHK_challenge_requirements_weight" CHECK ("weight" BETWEEN 0 AND 100)`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "CHK_evaluation_criteria_weight" CHECK ("weight" BETWEEN 0 AND 100)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evaluation_criteria" DROP CONSTRAINT "CHK_evaluation_criteria_weight"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_requirements" DROP CONSTRAINT "CHK_challenge_requirements_weight"`,
    );
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "CHK_challenges_title"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "CHK_challenges_budget"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "CHK_challenges_money"`);
    await queryRunner.query(`ALTER TABLE "challenges" DROP CONSTRAINT "CHK_challenges_version"`);
  }
}
