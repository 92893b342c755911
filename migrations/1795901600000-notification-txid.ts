import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each notification keeps the id of the transaction that wrote it (txid_current()), so live updates
 * (`notificationAdded`) read notifications in (txid, id) order up to the oldest transaction still running: a
 * notification is never passed over because its transaction committed after a later one's.
 */
export class NotificationTxid1795901600000 implements MigrationInterface {
  name = 'NotificationTxid1795901600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "txid" bigint NOT NULL DEFAULT txid_current()`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_txid" ON "notifications"  ("txid", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_txid"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "txid"`);
  }
}
