import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Puts the list month into the search index, so that a search finds its newest matches without visiting
 * every match. Each challenge's `search_zh` and `search_en` carry one extra lexeme, `~m<month>`, the UTC
 * calendar month (year × 12 + month − 1) of its list date `COALESCE(published_at, created_at)`, kept by a
 * trigger whichever path writes the vectors or publishes the challenge. A query ANDs its terms with the
 * months it wants (`challenge_months_tsquery(lo, hi)`), and the GIN index intersects both. No user query can
 * produce the marker: the service's queries contain only letters and digits.
 */
export class SearchRecency1795798000000 implements MigrationInterface {
  name = 'SearchRecency1795798000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION challenge_list_month(at timestamptz) RETURNS integer
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT (extract(year FROM at AT TIME ZONE 'UTC') * 12 + extract(month FROM at AT TIME ZONE 'UTC') - 1)::integer $$`);
    await queryRunner.query(`CREATE FUNCTION challenge_months_tsquery(lo integer, hi integer) RETURNS tsquery
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT string_agg(quote_literal('~m' || m), ' | ')::tsquery FROM generate_series(lo, hi) AS m $$`);
    await queryRunner.query(`CREATE FUNCTION challenge_with_month(vector tsvector, month integer) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT ts_delete(vector, ARRAY(SELECT u.lexeme FROM unnest(vector) AS u WHERE u.lexeme LIKE '~m%'))
                         || quote_literal('~m' || month)::tsvector $$`);
    await queryRunner.query(`CREATE FUNCTION challenges_search_month() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE month integer := challenge_list_month(COALESCE(NEW.published_at, NEW.created_at));
            BEGIN
              IF NEW.search_zh IS NOT NULL THEN NEW.search_zh := challenge_with_month(NEW.search_zh, month); END IF;
              IF NEW.search_en IS NOT NULL THEN NEW.search_en := challenge_with_month(NEW.search_en, month); END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_challenges_search_month" BEFORE INSERT OR UPDATE OF search_zh, search_en, published_at, created_at
            ON challenges FOR EACH ROW EXECUTE FUNCTION challenges_search_month()`);
    await queryRunner.query(
      `UPDATE challenges SET search_zh = search_zh, search_en = search_en WHERE search_zh IS NOT NULL OR search_en IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_challenges_search_month" ON challenges`);
    await queryRunner.query(`UPDATE challenges
            SET search_zh = ts_delete(search_zh, ARRAY(SELECT u.lexeme FROM unnest(search_zh) AS u WHERE u.lexeme LIKE '~m%')),
                search_en = ts_delete(search_en, ARRAY(SELECT u.lexeme FROM unnest(search_en) AS u WHERE u.lexeme LIKE '~m%'))
            WHERE search_zh IS NOT NULL OR search_en IS NOT NULL`);
    await queryRunner.query(`DROP FUNCTION challenges_search_month()`);
    await queryRunner.query(`DROP FUNCTION challenge_with_month(tsvector, integer)`);
    await queryRunner.query(`DROP FUNCTION challenge_months_tsquery(integer, integer)`);
    await queryRunner.query(`DROP FUNCTION challenge_list_month(timestamptz)`);
  }
}
