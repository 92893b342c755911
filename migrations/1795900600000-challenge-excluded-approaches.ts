import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The technical approaches an issuer rules out for a challenge (e.g. 不采用液流电池路线), as matchmaking reads
 * them: a small bounded list of `{zh, en}` labels, read and written whole with the content (jsonb on the
 * `challenges` row, like an SME's technical routes).
 */
export class ChallengeExcludedApproaches1795900600000 implements MigrationInterface {
  name = 'ChallengeExcludedApproaches1795900600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD "excluded_approaches" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "challenges" DROP COLUMN "excluded_approaches"`);
  }
}
