import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Related demands (duplicate-demand detection): two challenges of different enterprises a platform admin linked,
 * stored once per pair with the smaller id first.
 */
export class RelatedChallenges1795901000000 implements MigrationInterface {
  name = 'RelatedChallenges1795901000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "related_challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_a_id" uuid NOT NULL, "challenge_b_id" uuid NOT NULL, "note" character varying(500) NOT NULL, "linked_by" uuid, "linked_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_related_challenges_order" CHECK ("challenge_a_id" < "challenge_b_id"), CONSTRAINT "PK_757fda0569c0fb57dc4e9e06fb1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_related_challenges_b" ON "related_challenges"  ("challenge_b_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_related_challenges_pair" ON "related_challenges"  ("challenge_a_id", "challenge_b_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "related_challenges" ADD CONSTRAINT "FK_2672dfbfcf88a095dbf4ceb7b9d" FOREIGN KEY ("challenge_a_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "related_challenges" ADD CONSTRAINT "FK_25f62de76206e533bd85a7d8358" FOREIGN KEY ("challenge_b_id") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "related_challenges" ADD CONSTRAINT "FK_29c6ff61969db6520ef568f22ae" FOREIGN KEY ("linked_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "related_challenges" DROP CONSTRAINT "FK_29c6ff61969db6520ef568f22ae"`,
    );
    await queryRunner.query(
      `ALTER TABLE "related_challenges" DROP CONSTRAINT "FK_25f62de76206e533bd85a7d8358"`,
    );
    await queryRunner.query(
      `ALTER TABLE "related_challenges" DROP CONSTRAINT "FK_2672dfbfcf88a095dbf4ceb7b9d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_related_challenges_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_related_challenges_b"`);
    await queryRunner.query(`DROP TABLE "related_challenges"`);
  }
}
