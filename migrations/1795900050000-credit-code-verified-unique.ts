import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A credit code (统一社会信用代码) is unique among VERIFIED organisations only: an unverified organisation can
 * no longer squat a company's code and block the real company. Several unverified organisations may claim
 * the same code; the first to be verified wins, and verifying a second one is refused.
 */
export class CreditCodeVerifiedUnique1795900050000 implements MigrationInterface {
  name = 'CreditCodeVerifiedUnique1795900050000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "UQ_43b31b255111c328c76c0c26113"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_organizations_credit_code" ON "organizations"  ("credit_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_organizations_credit_code_verified" ON "organizations"  ("credit_code") WHERE "verification_status" = 'VERIFIED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Refuses (unique violation) while two organisations share a code: resolve the clashes first.
    await queryRunner.query(`DROP INDEX "public"."UQ_organizations_credit_code_verified"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organizations_credit_code"`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "UQ_43b31b255111c328c76c0c26113" UNIQUE ("credit_code")`,
    );
  }
}
