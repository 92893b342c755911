import { MigrationInterface, QueryRunner } from 'typeorm';
import { emailSkeleton } from '../src/users/email-identity.js';

/**
 * users.email_skeleton: the Unicode TR 39 skeleton of the e-mail address (see src/users/email-identity.ts),
 * unique, so that two accounts cannot have addresses that look the same (`hаier@…` with a Cyrillic а beside
 * `haier@…`). Existing accounts are filled in oldest first; when two existing addresses already share a
 * skeleton, the older account keeps it and the later ones keep NULL (they go on working; no new account can
 * take that skeleton). Accounts inserted outside the service (seed scripts) have NULL too until backfilled.
 */
export class EmailSkeleton1795900200000 implements MigrationInterface {
  name = 'EmailSkeleton1795900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_skeleton" text`);
    const rows: { id: string; email: string }[] = await queryRunner.query(
      `SELECT id, email FROM users ORDER BY created_at, id`,
    );
    const taken = new Set<string>();
    const ids: string[] = [];
    const skeletons: string[] = [];
    for (const row of rows) {
      const skeleton = emailSkeleton(row.email);
      if (taken.has(skeleton)) continue;
      taken.add(skeleton);
      ids.push(row.id);
      skeletons.push(skeleton);
    }
    for (let i = 0; i < ids.length; i += 10_000) {
      await queryRunner.query(
        `UPDATE users u SET email_skeleton = s.skeleton FROM unnest($1::uuid[], $2::text[]) AS s(id, skeleton) WHERE u.id = s.id`,
        [ids.slice(i, i + 10_000), skeletons.slice(i, i + 10_000)],
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_users_email_skeleton" ON "users" ("email_skeleton")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_users_email_skeleton"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_skeleton"`);
  }
}
