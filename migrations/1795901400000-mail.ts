import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: `users.email_verified_at` (null until the address is verified; existing accounts stay unverified and
 * can ask for a link with requestEmailVerification), `email_tokens` (the links sent by e-mail: verification,
 * password reset, one-click unsubscribe; each single-use and short-lived) and `email_unsubscribes` (the opt-outs
 * per user and kind of mail).
 */
export class Mail1795901400000 implements MigrationInterface {
  name = 'Mail1795901400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."email_token_purpose" AS ENUM('VERIFY_EMAIL', 'RESET_PASSWORD', 'UNSUBSCRIBE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" "public"."email_token_purpose" NOT NULL, "email" character varying(254) NOT NULL, "kind" character varying(64), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_08abb3fa348e894c274a6730d35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_018295f41628791c301bfe8b62" ON "email_tokens" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_unsubscribes" ("user_id" uuid NOT NULL, "kind" character varying(64) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f9eb8de47b87d8a2816e6a8662" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_tokens" ADD CONSTRAINT "FK_018295f41628791c301bfe8b625" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_unsubscribes" ADD CONSTRAINT "FK_5b63555758107b4f7bb9d86b4e6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_unsubscribes" DROP CONSTRAINT "FK_5b63555758107b4f7bb9d86b4e6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_tokens" DROP CONSTRAINT "FK_018295f41628791c301bfe8b625"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP TABLE "email_unsubscribes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_018295f41628791c301bfe8b62"`);
    await queryRunner.query(`DROP TABLE "email_tokens"`);
    await queryRunner.query(`DROP TYPE "public"."email_token_purpose"`);
  }
}
