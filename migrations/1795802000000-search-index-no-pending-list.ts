import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two search indexes (GIN on search_zh and search_en) write each change straight into the index instead
 * of a pending list. With the pending list (GIN's default fastupdate), every search also scanned every entry
 * not yet merged, up to gin_pending_list_limit (4 MB): at 100,000 challenges a search read 364 pending pages
 * (1,643 challenge versions) before its own terms, about half of its SQL time. Challenges are written rarely
 * (create, edit, publish, amend) and searched constantly, so writes pay the merge instead. The entries
 * already pending are merged now.
 */
export class SearchIndexNoPendingList1795802000000 implements MigrationInterface {
  name = 'SearchIndexNoPendingList1795802000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['IDX_challenges_search_zh', 'IDX_challenges_search_en']) {
      await queryRunner.query(`ALTER INDEX "${index}" SET (fastupdate = off)`);
      await queryRunner.query(`SELECT gin_clean_pending_list('"${index}"'::regclass)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['IDX_challenges_search_zh', 'IDX_challenges_search_en']) {
      await queryRunner.query(`ALTER INDEX "${index}" RESET (fastupdate)`);
    }
  }
}
