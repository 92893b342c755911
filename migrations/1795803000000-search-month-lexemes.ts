import { MigrationInterface, QueryRunner } from 'typeorm';
import { SearchRecency1795798000000 } from './1795798000000-search-recency.js';

/**
 * Replaces the list-month marker in the search vectors (SearchRecency) by search indexes whose lexemes are
 * qualified by the list month: `储能~24310` is 储能 in a challenge listed in month 24310 (year × 12 + month − 1,
 * UTC). With the marker, a search of one window of months was driven by its rarest term over the whole
 * table (at 100,000 challenges 锂电 had ten times the postings it had at 10,000, so the same window cost ten
 * times as much); with qualified lexemes it reads only the postings of its months. A window's query is the
 * terms' tsquery with each lexeme replaced by the OR of its qualified forms (`challenge_month_query`), which
 * is exact for the AND / OR queries the service builds (it builds no NOT or phrase queries). The plain
 * vectors and their indexes stay, for ranking and for searches without a window. No user query can produce
 * a qualified lexeme: the service's query lexemes contain only letters and digits.
 */
export class SearchMonthLexemes1795803000000 implements MigrationInterface {
  name = 'SearchMonthLexemes1795803000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_challenges_search_month" ON challenges`);
    await queryRunner.query(`DROP FUNCTION challenges_search_month()`);
    await queryRunner.query(`DROP FUNCTION challenge_with_month(tsvector, integer)`);
    await queryRunner.query(`DROP FUNCTION challenge_months_tsquery(integer, integer)`);
    await queryRunner.query(`UPDATE challenges
            SET search_zh = ts_delete(search_zh, ARRAY(SELECT u.lexeme FROM unnest(search_zh) AS u WHERE u.lexeme LIKE '~m%')),
                search_en = ts_delete(search_en, ARRAY(SELECT u.lexeme FROM unnest(search_en) AS u WHERE u.lexeme LIKE '~m%'))
            WHERE search_zh IS NOT NULL OR search_en IS NOT NULL`);
    // Positions and weights are dropped: this index only finds, ranking reads the plain vector. A lexeme
    // near tsvector's 2 KB bound would not take its suffix; no query lexeme is that long.
    await queryRunner.query(`CREATE FUNCTION challenge_month_lexemes(vector tsvector, month integer) RETURNS tsvector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT array_to_tsvector(ARRAY(SELECT u.lexeme || '~' || month FROM unnest(vector) AS u WHERE octet_length(u.lexeme) < 2000)) $$`);
    await queryRunner.query(`CREATE FUNCTION challenge_month_query(query tsquery, lo integer, hi integer) RETURNS tsquery
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT regexp_replace(query::text, $re$'((?:[^']|'')+)'$re$,
                     '(' || (SELECT string_agg($q$'\\1~$q$ || m || $q$'$q$, ' | ') FROM generate_series(lo, hi) AS m) || ')', 'g')::tsquery $$`);
    for (const column of ['zh', 'en']) {
      await queryRunner.query(`CREATE INDEX "IDX_challenges_search_${column}_month" ON challenges
                USING GIN (challenge_month_lexemes(search_${column}, challenge_list_month(COALESCE(published_at, created_at))))
                WITH (fastupdate = off)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_challenges_search_en_month"`);
    await queryRunner.query(`DROP INDEX "IDX_challenges_search_zh_month"`);
    await queryRunner.query(`DROP FUNCTION challenge_month_query(tsquery, integer, integer)`);
    await queryRunner.query(`DROP FUNCTION challenge_month_lexemes(tsvector, integer)`);
    // The marker, its functions and trigger as SearchRecency made them (it also makes challenge_list_month).
    await queryRunner.query(`DROP FUNCTION challenge_list_month(timestamptz)`);
    await new SearchRecency1795798000000().up(queryRunner);
  }
}
