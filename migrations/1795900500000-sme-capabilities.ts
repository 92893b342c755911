import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SME's capability profile that matching reads: keywords (as written, and as compared: NFKC lower case,
 * GIN-indexed for `&&` and `@>`), products, past projects and technical routes (small bounded lists, read and
 * written whole with the profile: jsonb on the `smes` row).
 */
export class SmeCapabilities1795900500000 implements MigrationInterface {
  name = 'SmeCapabilities1795900500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "smes" ADD "keywords" text array NOT NULL DEFAULT '{}', ADD "keyword_keys" text array NOT NULL DEFAULT '{}',
         ADD "products" jsonb NOT NULL DEFAULT '[]', ADD "past_projects" jsonb NOT NULL DEFAULT '[]',
         ADD "technical_routes" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_smes_keyword_keys" ON "smes" USING gin ("keyword_keys")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_smes_keyword_keys"`);
    await queryRunner.query(
      `ALTER TABLE "smes" DROP COLUMN "technical_routes", DROP COLUMN "past_projects", DROP COLUMN "products",
         DROP COLUMN "keyword_keys", DROP COLUMN "keywords"`,
    );
  }
}
