import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the rate limits shared by every instance (rate-limiter-flexible's RateLimiterPostgres
 * layout: key, points, expire in epoch milliseconds), created here so the service never creates tables at run
 * time. Sign-in throttling moves onto it (per e-mail and address together), so the per-address
 * `login_throttle` table goes.
 */
export class RateLimits1795900100000 implements MigrationInterface {
  name = 'RateLimits1795900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key"))`,
    );
    // The library deletes expired rows every five minutes (DELETE ... WHERE expire < $1).
    await queryRunner.query(`CREATE INDEX "IDX_rate_limits_expire" ON "rate_limits" ("expire")`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("email" character varying(254) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "last_failure_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ee5faa28448a9c67f4383e2a15a" PRIMARY KEY ("email"))`,
    );
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
