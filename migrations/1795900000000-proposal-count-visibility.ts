import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may know how many proposals a challenge received, chosen by the issuer: ISSUER_ONLY (the default:
 * its members and admins) or PUBLIC (everyone who sees the challenge). Existing challenges become
 * ISSUER_ONLY, the rule the proposalCount query already applied.
 */
export class ProposalCountVisibility1795900000000 implements MigrationInterface {
  name = 'ProposalCountVisibility1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."challenge_proposal_count_visibility" AS ENUM('ISSUER_ONLY', 'PUBLIC')`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenges" ADD "proposal_count_visibility" "public"."challenge_proposal_count_visibility" NOT NULL DEFAULT 'ISSUER_ONLY'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "challenges" DROP COLUMN "proposal_count_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."challenge_proposal_count_visibility"`);
  }
}
