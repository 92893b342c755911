import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eligibilityProblemsSql } from '../../src/organizations/smes/eligibility.js';
import {
  createChallenge,
  createEnterprise,
  createSme,
  type SmeOptions,
  type TestChallenge,
  type TestOrg,
} from '../support/factories/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/**
 * The eligibility rule (eligibilityProblemsSql) run on seeded organisations and challenges: the reasons
 * each organisation may not answer, in their order, or none.
 */
describe('eligibilityProblemsSql on seeded rows', () => {
  let db: TestDb;
  let issuer: TestOrg;
  let challenge: TestChallenge;
  let open: TestChallenge;

  beforeAll(async () => {
    db = await openTestDb();
    issuer = await createEnterprise(db);
    // verifiedOnly (the default), regions 370000 and 310000, at least SPECIALIZED.
    challenge = await createChallenge(db, issuer, {
      minQualification: 'SPECIALIZED',
      regions: ['370000', '310000'],
    });
    // Open to everyone: no regions, no qualification, unverified SMEs welcome.
    open = await createChallenge(db, issuer);
    await db.sql.query(`UPDATE challenges SET verified_only = false WHERE id = $1`, [open.id]);
  });
  afterAll(() => db?.close());

  async function problems(organizationId: string, c: TestChallenge): Promise<string[]> {
    const { rows } = await db.sql.query<{ problems: string[] }>(
      `SELECT ${eligibilityProblemsSql('$1', 'c')} AS problems FROM challenges c WHERE c.id = $2`,
      [organizationId, c.id],
    );
    return rows[0].problems;
  }

  const year = new Date().getUTCFullYear();
  it.each<[string, SmeOptions, string[]]>([
    ['a verified SPECIALIZED SME of the region, certificate valid today', {}, []],
    ['a verified LITTLE_GIANT (above the minimum)', { qualification: 'LITTLE_GIANT' }, []],
    ['a verified SME of another region', { regionCode: '110000' }, ['REGION_NOT_ALLOWED']],
    [
      'a verified SME below the minimum',
      { qualification: 'INNOVATIVE' },
      ['QUALIFICATION_TOO_LOW'],
    ],
    [
      'a verified SME without a qualification',
      { qualification: 'NONE', qualificationValidFrom: null, qualificationValidUntil: null },
      ['QUALIFICATION_TOO_LOW'],
    ],
    [
      'a verified SME whose certificate has expired',
      { qualificationValidFrom: `${year - 4}-01-01`, qualificationValidUntil: `${year - 1}-12-31` },
      ['QUALIFICATION_EXPIRED'],
    ],
    [
      'a verified SME whose certificate is not valid yet',
      { qualificationValidFrom: `${year + 1}-01-01`, qualificationValidUntil: `${year + 3}-12-31` },
      ['QUALIFICATION_TOO_LOW'],
    ],
    [
      'an unverified SME (its declared qualification does not count either)',
      { verified: false },
      ['NOT_VERIFIED', 'QUALIFICATION_TOO_LOW'],
    ],
    [
      'an unverified SME of another region with an expired certificate',
      { verified: false, regionCode: '110000', qualificationValidUntil: `${year - 1}-12-31` },
      ['NOT_VERIFIED', 'REGION_NOT_ALLOWED', 'QUALIFICATION_TOO_LOW'],
    ],
  ])('%s', async (_name, options, expected) => {
    const sme = await createSme(db, { regionCode: '370000', ...options });
    expect(await problems(sme.id, challenge)).toEqual(expected);
    // A challenge open to everyone has no problem with any SME.
    expect(await problems(sme.id, open)).toEqual([]);
  });

  it('an enterprise is NOT_AN_SME (and has no qualification), whatever the challenge', async () => {
    const enterprise = await createEnterprise(db, { regionCode: '370000' });
    expect(await problems(enterprise.id, challenge)).toEqual([
      'NOT_AN_SME',
      'QUALIFICATION_TOO_LOW',
    ]);
    expect(await problems(enterprise.id, open)).toEqual(['NOT_AN_SME']);
  });

  it('an organisation that does not exist has no row, so no answer (NULL), never an empty list', async () => {
    const { rows } = await db.sql.query(
      `SELECT ${eligibilityProblemsSql('$1', 'c')} AS problems FROM challenges c WHERE c.id = $2`,
      ['00000000-0000-4000-8000-000000000000', challenge.id],
    );
    expect(rows[0].problems).toBeNull();
  });
});
