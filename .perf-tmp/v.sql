\timing on
SELECT count(*) FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery;
SELECT count(*) FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery;
SELECT count(*) FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery AND c.published_at IS NOT NULL AND c.visibility='PUBLIC';
SELECT count(*) FROM (SELECT c.id FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery AND c.published_at IS NOT NULL AND c.visibility='PUBLIC' ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000) x;
SELECT count(*) FROM (SELECT c.id, ts_rank(c.search_zh, '''储能'''::tsquery) r FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery AND c.published_at IS NOT NULL AND c.visibility='PUBLIC' ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000) x;
SELECT count(*) FROM (SELECT c.id, ts_rank(c.search_zh, '''储能'''::tsquery) r FROM challenges c WHERE c.search_zh @@ '''储能'''::tsquery AND c.published_at IS NOT NULL AND c.visibility='PUBLIC' ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000) x;
SELECT pg_size_pretty(pg_relation_size('challenges')), pg_size_pretty(pg_total_relation_size('challenges')), avg(pg_column_size(search_zh)), avg(pg_column_size(search_en)), avg(pg_column_size(description)) FROM challenges;
