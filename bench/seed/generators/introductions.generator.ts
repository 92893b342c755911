import type { SeedDb } from '../bulk.js';
import type { SeedGenerator } from '../generator.js';

/** Introductions at L: two per challenge (200,000), across every status. */
const PER_CHALLENGE = 2;
const STATUSES = [
  'REQUESTED',
  'REQUESTED',
  'REQUESTED',
  'ACCEPTED',
  'ACCEPTED',
  'DECLINED',
  'CANCELLED',
  'EXPIRED',
  'CLOSED_DEAL',
  'CLOSED_NO_DEAL',
] as const;

/**
 * Introductions (对接) between the challenges and the SMEs: `PER_CHALLENGE` per published challenge, the SMEs chosen
 * by a fixed stride over the SMEs in id order, statuses cycling through STATUSES (REQUESTED ones older than 14 days
 * read as EXPIRED), directions alternating, requested over the 60 days before 2026-11-20. Deterministic without the
 * rng (ids are md5 of (challenge, slot)), written in one set-based statement per slot; safe to run twice.
 */
export const introductionsGenerator: SeedGenerator = {
  name: 'introductions',
  dependsOn: ['organizations', 'challenges'],
  async run(db: SeedDb): Promise<void> {
    for (let slot = 0; slot < PER_CHALLENGE; slot++) {
      await db.query(
        `WITH s AS (SELECT organization_id AS id, (row_number() OVER (ORDER BY organization_id) - 1)::bigint AS n FROM smes),
              total AS (SELECT count(*)::bigint AS n FROM s),
              c AS (SELECT id, issuer_organization_id, (row_number() OVER (ORDER BY id) - 1)::bigint AS k
                      FROM challenges WHERE published_at IS NOT NULL),
              pick AS (
                SELECT c.id AS challenge_id, c.issuer_organization_id, c.k, s.id AS sme_id,
                       ($2::text[])[1 + ((c.k + $1) % array_length($2::text[], 1))::int] AS status,
                       CASE WHEN (c.k + $1) % 2 = 0 THEN 'INVITE' ELSE 'REQUEST' END AS direction,
                       timestamptz '2026-11-20 00:00:00+00' - make_interval(days => ((c.k * 7 + $1) % 60)::int,
                                                                         mins => ((c.k * 13) % 1440)::int) AS requested_at
                  FROM c CROSS JOIN total JOIN s ON s.n = (c.k * 7919 + $1 * 104729) % total.n)
         INSERT INTO introductions (id, challenge_id, sme_id, issuer_organization_id, direction, requester_organization_id,
                                    status, status_reason, close_reason, message, requested_at, expires_at, responded_at,
                                    status_changed_at)
         SELECT md5(challenge_id::text || ':' || $1)::uuid, challenge_id, sme_id, issuer_organization_id,
                direction::introduction_direction,
                CASE WHEN direction = 'INVITE' THEN issuer_organization_id ELSE sme_id END,
                status::introduction_status,
                CASE WHEN status = 'DECLINED' THEN '暂无合作计划' END,
                CASE status WHEN 'CLOSED_DEAL' THEN 'CONTRACT_SIGNED' WHEN 'CLOSED_NO_DEAL' THEN 'TIMING' END::introduction_close_reason,
                CASE WHEN direction = 'INVITE' THEN '诚邀贵司参与揭榜，期待合作。' ELSE '我司在该方向有成熟方案，希望对接。' END,
                requested_at, requested_at + interval '14 days',
                CASE WHEN status IN ('ACCEPTED', 'DECLINED', 'CLOSED_DEAL', 'CLOSED_NO_DEAL') THEN requested_at + interval '2 days' END,
                requested_at + CASE WHEN status IN ('REQUESTED') THEN interval '0' ELSE interval '3 days' END
           FROM pick
         ON CONFLICT DO NOTHING`,
        [slot, STATUSES],
      );
    }
  },
};
