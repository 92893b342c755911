import { describe, expect, it } from '@jest/globals';
import {
  descriptionShownSql,
  detailColumnsSql,
  effectiveStatusSql,
  issuerShownSql,
  proposalCountShownSql,
  SqlParams,
  summaryColumnsSql,
  termsGateSql,
  Viewer,
  visibleSql,
} from './challenge-sql.js';

/**
 * The SQL the challenge rules generate, per viewer shape, as committed snapshots: a change to a rule shows
 * as a reviewed diff of its SQL. (CI runs with CI=true: a missing snapshot fails instead of being written.)
 */
const ORG = '00000000-0000-4000-8000-0000000000aa';
const VIEWERS: Record<string, Viewer> = {
  anonymous: { signedIn: false, admin: false, organizationId: null, organizationKind: null },
  'signed in, no organisation': {
    signedIn: true,
    admin: false,
    organizationId: null,
    organizationKind: null,
  },
  'enterprise member': {
    signedIn: true,
    admin: false,
    organizationId: ORG,
    organizationKind: 'ENTERPRISE',
  },
  'SME member': { signedIn: true, admin: false, organizationId: ORG, organizationKind: 'SME' },
  'platform admin': { signedIn: true, admin: true, organizationId: null, organizationKind: null },
};

type Builder = (viewer: Viewer, p: SqlParams, c?: string) => string;
const BUILDERS: Record<string, Builder> = {
  visibleSql,
  descriptionShownSql,
  termsGateSql,
  issuerShownSql,
  proposalCountShownSql,
};

function generated(build: (p: SqlParams) => string): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const sql = build(p);
  return { sql, params: p.values };
}

describe('challenge rules as SQL', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    describe(name, () => {
      it.each(Object.keys(VIEWERS))('for a viewer who is %s', (viewer) => {
        expect(generated((p) => build(VIEWERS[viewer], p))).toMatchSnapshot();
      });
    });
  }

  it('numbers the parameters after those already taken and uses the alias it is given', () => {
    const p = new SqlParams();
    p.add('taken');
    const sql = visibleSql(VIEWERS['SME member'], p, 'ch');
    expect(p.values).toEqual(['taken', ORG, ORG]);
    expect(sql).toContain('ci.organization_id = $2::uuid');
    expect(sql).toContain('ch.issuer_organization_id = $3::uuid');
    expect(sql).not.toMatch(/\bc\./);
  });

  it('effectiveStatusSql', () => {
    expect(effectiveStatusSql('c')).toMatchSnapshot();
  });

  it.each(Object.keys(VIEWERS))('detailColumnsSql for a viewer who is %s', (viewer) => {
    expect(generated((p) => detailColumnsSql(VIEWERS[viewer], p))).toMatchSnapshot();
  });

  it('summaryColumnsSql selects only what the requested fields need', () => {
    expect(
      generated((p) =>
        summaryColumnsSql(
          VIEWERS['SME member'],
          p,
          'c',
          'o',
          new Set(['titleZh', 'status', 'issuer']),
        ),
      ),
    ).toMatchSnapshot();
  });
});
