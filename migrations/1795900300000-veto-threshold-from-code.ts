import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The veto threshold is no longer written in SQL. A proposal's totals keep the lowest average among its
 * challenge's veto criteria (`lowest_veto_average`, null while no veto criterion has a score) instead of a
 * `vetoed` flag computed against a threshold copied into the trigger; readers compare it with
 * VETO_THRESHOLD (src/proposals/proposal-rules.ts) through scoreTotalsSql, the one place that says what
 * "vetoed" means.
 */
/**
 * The totals' refresh function, as this migration leaves it (`lowest_veto_average`) and as it found it (`vetoed`,
 * against the threshold then written in SQL).
 */
function refreshFunction(column: 'lowest_veto_average' | 'vetoed'): string {
  const veto =
    column === 'vetoed'
      ? 'coalesce(bool_or(pc.veto AND pc.avg < 6), false)'
      : 'min(pc.avg) FILTER (WHERE pc.veto)';
  return `CREATE OR REPLACE FUNCTION proposal_score_totals_refresh(pid uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO proposal_score_totals (proposal_id, challenge_id, weighted, ${column}, complete, reviewer_count, criteria)
        SELECT p.id, p.challenge_id, agg.weighted, agg.${column}, agg.complete, agg.reviewer_count, agg.criteria
          FROM proposals p
         CROSS JOIN LATERAL (
           SELECT sum(pc.weight * pc.avg) / 10.0 AS weighted,
                  ${veto} AS ${column},
                  coalesce(bool_and(pc.n > 0), false) AS complete,
                  coalesce(max(pc.n), 0)::int AS reviewer_count,
                  coalesce(jsonb_agg(jsonb_build_object('criterionId', pc.id, 'name', pc.name, 'weight', pc.weight, 'veto', pc.veto,
                    'reviewerCount', pc.n, 'average', pc.avg, 'min', pc.min, 'max', pc.max, 'spread', pc.max - pc.min, 'stdDev', pc.sd)
                    ORDER BY pc.position), '[]'::jsonb) AS criteria
             FROM (SELECT cr.id, cr.name, cr.weight, cr.veto, cr.position, coalesce(st.n, 0) AS n, st.avg, st.min, st.max, st.sd
                     FROM evaluation_criteria cr
                     LEFT JOIN score_summaries st ON st.proposal_id = p.id AND st.criterion_id = cr.id
                    WHERE cr.challenge_id = p.challenge_id) pc) agg
         WHERE p.id = pid
        ON CONFLICT (proposal_id) DO UPDATE SET weighted = EXCLUDED.weighted, ${column} = EXCLUDED.${column}, complete = EXCLUDED.complete,
          reviewer_count = EXCLUDED.reviewer_count, criteria = EXCLUDED.criteria
        $$`;
}

export class VetoThresholdFromCode1795900300000 implements MigrationInterface {
  name = 'VetoThresholdFromCode1795900300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "proposal_score_totals" ADD "lowest_veto_average" double precision`,
    );
    await queryRunner.query(refreshFunction('lowest_veto_average'));
    await queryRunner.query(
      `SELECT proposal_score_totals_refresh(t.proposal_id) FROM proposal_score_totals t`,
    );
    await queryRunner.query(`ALTER TABLE "proposal_score_totals" DROP COLUMN "vetoed"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "proposal_score_totals" ADD "vetoed" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_score_totals" ALTER COLUMN "vetoed" DROP DEFAULT`,
    );
    await queryRunner.query(refreshFunction('vetoed'));
    await queryRunner.query(
      `SELECT proposal_score_totals_refresh(t.proposal_id) FROM proposal_score_totals t`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_score_totals" DROP COLUMN "lowest_veto_average"`,
    );
  }
}
