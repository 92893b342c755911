import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written indexes for the list paths measured by the benchmark (npm run bench, docs/perf.md).
 * Declared on their entities with @Index(name, { synchronize: false }).
 */
export class ListIndexes1795797000000 implements MigrationInterface {
  name = 'ListIndexes1795797000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // allianceMembers: the page of ACTIVE memberships in list order, read straight from the index.
    await queryRunner.query(
      `CREATE INDEX "IDX_alliance_memberships_active" ON "alliance_memberships" ("tier", "admitted_at", "id") WHERE "status" = 'ACTIVE'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_alliance_memberships_active"`);
  }
}
