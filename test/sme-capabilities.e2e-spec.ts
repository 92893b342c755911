import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMember,
  auditCount,
  createAdmin,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  endPublicity,
  passDeadline,
  type Persona,
  SELECT,
  SHORTLIST,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CAPABILITIES = `keywords products { name description } pastProjects { title year clientIndustryCode outcome }
  technicalRoutes { zh en }`;
const TRACK = `trackRecord { fieldCode field { code nameZh } shortlisted selected awarded }`;
const SME = `query($id: ID!) { sme(id: $id) { id ${CAPABILITIES} ${TRACK} contactEmail contactPhone members { userId } } }`;
const UPDATE = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id ${CAPABILITIES} } } }`;

const THIS_YEAR = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();

type Capabilities = {
  keywords: string[];
  products: { name: string; description: string }[];
  pastProjects: { title: string; year: number; clientIndustryCode: string; outcome: string }[];
  technicalRoutes: { zh: string | null; en: string | null }[];
};
type Entry = {
  fieldCode: string;
  field: { code: string };
  shortlisted: number;
  selected: number;
  awarded: number;
};

const project = (over: Record<string, unknown> = {}) => ({
  title: '储能电站热失控预警系统',
  year: 2021,
  clientIndustryCode: 'D',
  outcome: '误报率降低 60%',
  ...over,
});
const list = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));

describe('SME capability profile', () => {
  let t: TestApp;
  let admin: Persona;
  let sme: TestOrg;
  let adminOfSme: Persona;
  let member: Persona;
  let outsider: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    sme = await createSme(t);
    adminOfSme = await addMember(t, sme, 'ADMIN');
    member = await addMember(t, sme, 'MEMBER');
    outsider = (await createSme(t)).owner;
    await t.sql.query(`UPDATE organizations SET contact_email = 'private@sme.cn' WHERE id = $1`, [
      sme.id,
    ]);
  });
  afterAll(() => t.close());

  const edit = (who: Persona, fields: Record<string, unknown>) =>
    t.gql.as(who.token).ok<{ updateSme: { sme: Capabilities } }>(UPDATE, {
      input: { id: sme.id, ...fields },
    });
  const refused = async (fields: Record<string, unknown>) => {
    const error = await t.gql
      .as(sme.owner.token)
      .fails(UPDATE, { input: { id: sme.id, ...fields } });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    return (error.extensions?.fields as { field: string }[]).map((f) => f.field);
  };

  it('an OWNER or ADMIN sets keywords, products, past projects and routes; the edit is audited', async () => {
    const before = await auditCount(t);
    const res = await edit(sme.owner, {
      keywords: [' 储能 ', 'Battery', 'battery', 'BATTERY ', '热管理', 'Ｂattery', 'Li-ion', 'C++'],
      products: [{ name: '热失控预警模组', description: 'BMS 外挂式' }, { name: 'ThermoGuard' }],
      pastProjects: [
        project(),
        project({ title: 'Fleet BMS', year: THIS_YEAR, outcome: undefined }),
      ],
      technicalRoutes: [
        { zh: '液冷', en: 'Liquid cooling' },
        { zh: '相变材料' },
        { en: 'Immersion' },
      ],
    });
    expect(res.updateSme.sme).toEqual({
      id: sme.id,
      keywords: ['储能', 'Battery', '热管理', 'Li-ion', 'C++'],
      products: [
        { name: '热失控预警模组', description: 'BMS 外挂式' },
        { name: 'ThermoGuard', description: '' },
      ],
      pastProjects: [
        project(),
        { title: 'Fleet BMS', year: THIS_YEAR, clientIndustryCode: 'D', outcome: '' },
      ],
      technicalRoutes: [
        { zh: '液冷', en: 'Liquid cooling' },
        { zh: '相变材料', en: null },
        { zh: null, en: 'Immersion' },
      ],
    });
    const { rows } = await t.sql.query(
      `SELECT keyword_keys FROM smes WHERE organization_id = $1 AND keyword_keys && ARRAY['battery']`,
      [sme.id],
    );
    expect(rows[0].keyword_keys).toEqual(['储能', 'battery', '热管理', 'li-ion', 'c++']);
    expect(await auditCount(t)).toBe(before + 1);
    const { rows: events } = await t.sql.query(
      `SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'ORGANIZATION_UPDATED' ORDER BY seq DESC LIMIT 1`,
      [sme.id],
    );
    expect(events[0].data.fields).toEqual([
      'keywords',
      'products',
      'pastProjects',
      'technicalRoutes',
    ]);

    const byAdmin = await edit(adminOfSme, { keywords: ['氢能'] });
    expect(byAdmin.updateSme.sme.keywords).toEqual(['氢能']);
    // What was not given stays.
    expect(byAdmin.updateSme.sme.products).toHaveLength(2);
    const cleared = await edit(adminOfSme, { technicalRoutes: [] });
    expect(cleared.updateSme.sme.technicalRoutes).toEqual([]);
  });

  it.each([
    ['a MEMBER of the SME', 'member', 'FORBIDDEN'],
    ['the owner of another SME', 'outsider', 'FORBIDDEN'],
    ['an anonymous caller', 'anonymous', 'UNAUTHENTICATED'],
  ])('refuses an edit by %s and changes nothing', async (_who, persona, code) => {
    const token =
      persona === 'member' ? member.token : persona === 'outsider' ? outsider.token : undefined;
    const before = await t.sql.query(`SELECT * FROM smes WHERE organization_id = $1`, [sme.id]);
    const count = await auditCount(t);
    const error = await t.gql.as(token).fails(UPDATE, { input: { id: sme.id, keywords: ['x'] } });
    expect(error.extensions?.code).toBe(code);
    const after = await t.sql.query(`SELECT * FROM smes WHERE organization_id = $1`, [sme.id]);
    expect(after.rows).toEqual(before.rows);
    expect(await auditCount(t)).toBe(count);
  });

  it('answers NOT_FOUND to an outsider editing an SME it cannot see (unverified)', async () => {
    const hidden = await createSme(t, { verified: false });
    const error = await t.gql
      .as(outsider.token)
      .fails(UPDATE, { input: { id: hidden.id, keywords: ['x'] } });
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  describe('bounds, each limit and one past it', () => {
    it('keywords: 30 accepted, 31 refused; 40 characters accepted, 41 and blank refused, named by index', async () => {
      const thirty = list(30, (i) => `kw${i}`);
      expect((await edit(sme.owner, { keywords: thirty })).updateSme.sme.keywords).toHaveLength(30);
      expect(await refused({ keywords: [...thirty, 'kw30'] })).toEqual(['keywords']);
      const forty = '储'.repeat(40);
      expect((await edit(sme.owner, { keywords: [forty] })).updateSme.sme.keywords).toEqual([
        forty,
      ]);
      expect(await refused({ keywords: ['ok', '储'.repeat(41), '  '] })).toEqual([
        'keywords.1',
        'keywords.2',
      ]);
      expect(await refused({ keywords: ['ok', 'a,b'] })).toEqual(['keywords.1']);
    });

    it('30 repeats of one keyword (ignoring case) keep one', async () => {
      const res = await edit(sme.owner, { keywords: list(30, (i) => (i % 2 ? 'AI' : 'ai')) });
      expect(res.updateSme.sme.keywords).toEqual(['ai']);
    });

    it('products: 20 accepted, 21 refused; name and description lengths', async () => {
      const twenty = list(20, (i) => ({ name: `P${i}` }));
      expect((await edit(sme.owner, { products: twenty })).updateSme.sme.products).toHaveLength(20);
      expect(await refused({ products: [...twenty, { name: 'P20' }] })).toEqual(['products']);
      await edit(sme.owner, {
        products: [{ name: 'n'.repeat(100), description: 'd'.repeat(300) }],
      });
      expect(
        await refused({
          products: [{ name: 'ok' }, { name: 'n'.repeat(101), description: 'd'.repeat(301) }],
        }),
      ).toEqual(['products.1.name', 'products.1.description']);
      expect(await refused({ products: [{ name: '' }] })).toEqual(['products.0.name']);
    });

    it('past projects: 20 accepted, 21 refused; year 1990 to this year; industry A to T; outcome 500', async () => {
      const twenty = list(20, () => project());
      expect(
        (await edit(sme.owner, { pastProjects: twenty })).updateSme.sme.pastProjects,
      ).toHaveLength(20);
      expect(await refused({ pastProjects: [...twenty, project()] })).toEqual(['pastProjects']);
      await edit(sme.owner, {
        pastProjects: [project({ year: 1990, outcome: 'o'.repeat(500), clientIndustryCode: 'T' })],
      });
      expect(
        await refused({
          pastProjects: [
            project(),
            project({ year: 1989 }),
            project({ year: THIS_YEAR + 1 }),
            project({ clientIndustryCode: 'U' }),
            project({ outcome: 'o'.repeat(501) }),
            project({ title: 't'.repeat(201) }),
          ],
        }),
      ).toEqual([
        'pastProjects.1.year',
        'pastProjects.2.year',
        'pastProjects.3.clientIndustryCode',
        'pastProjects.4.outcome',
        'pastProjects.5.title',
      ]);
    });

    it('technical routes: 10 accepted, 11 refused; a label of 60, not 61; one label at least', async () => {
      const ten = list(10, (i) => ({ en: `Route ${i}` }));
      expect(
        (await edit(sme.owner, { technicalRoutes: ten })).updateSme.sme.technicalRoutes,
      ).toHaveLength(10);
      expect(await refused({ technicalRoutes: [...ten, { zh: '路线' }] })).toEqual([
        'technicalRoutes',
      ]);
      await edit(sme.owner, { technicalRoutes: [{ zh: '路'.repeat(60) }] });
      expect(
        await refused({ technicalRoutes: [{ zh: '路'.repeat(61) }, { en: 'e'.repeat(61) }] }),
      ).toEqual(['technicalRoutes.0.zh', 'technicalRoutes.1.en']);
      expect(await refused({ technicalRoutes: [{ zh: '液冷' }, {}, { zh: ' ', en: '' }] })).toEqual(
        ['technicalRoutes.1', 'technicalRoutes.2'],
      );
    });
  });

  it('shows the profile to an anonymous viewer of a verified SME, without its private contacts and members', async () => {
    await edit(sme.owner, { keywords: ['储能', 'Battery'] });
    const res = await t.gql
      .as(undefined)
      .send<{ sme: Capabilities & Record<string, unknown> }>(SME, {
        id: sme.id,
      });
    expect(res.data?.sme).toMatchObject({
      keywords: ['储能', 'Battery'],
      contactEmail: null,
      contactPhone: null,
      members: null,
    });
    expect(res.text).not.toContain('private@sme.cn');
    expect(res.text).not.toContain(sme.owner.email);
    const hidden = await createSme(t, { verified: false });
    const error = await t.gql.as(undefined).fails(SME, { id: hidden.id });
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });

  it('counts the platform track record per technical field once the winners are public, for anyone who sees the SME', async () => {
    const issuer = await createEnterprise(t);
    const winner = await createSme(t);
    const runnerUp = await createSme(t);
    const challenge = await createChallenge(t, issuer, { budgetMax: '10000000' });
    await t.sql.query(
      `INSERT INTO challenge_technical_fields (challenge_id, field_code) VALUES ($1, 'NEW_ENERGY.STORAGE'), ($1, 'NEW_ENERGY')`,
      [challenge.id],
    );
    const pWin = await createProposal(t, winner, challenge, { canary: 'WIN' });
    const pRun = await createProposal(t, runnerUp, challenge, { canary: 'RUN' });
    const record = async (id: string, as?: Persona) =>
      (await t.gql.as(as?.token).ok<{ sme: { trackRecord: Entry[] } }>(SME, { id })).sme
        .trackRecord;
    const counts = (entries: Entry[]) =>
      entries.map((e) => [e.fieldCode, e.field.code, e.shortlisted, e.selected, e.awarded]);

    await passDeadline(t, challenge.id);
    await t.gql.as(issuer.owner.token).ok(SHORTLIST, {
      input: { challengeId: challenge.id, proposalIds: [pWin.id, pRun.id] },
    });
    // Shortlisted, winners not yet public: nothing to show.
    expect(await record(winner.id)).toEqual([]);

    await t.gql.as(issuer.owner.token).ok(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [{ proposalId: pWin.id, awardAmountFen: '100000' }],
      },
    });
    expect(counts(await record(winner.id))).toEqual([
      ['NEW_ENERGY', 'NEW_ENERGY', 1, 1, 0],
      ['NEW_ENERGY.STORAGE', 'NEW_ENERGY.STORAGE', 1, 1, 0],
    ]);
    expect(counts(await record(runnerUp.id, outsider))).toEqual([
      ['NEW_ENERGY', 'NEW_ENERGY', 1, 0, 0],
      ['NEW_ENERGY.STORAGE', 'NEW_ENERGY.STORAGE', 1, 0, 0],
    ]);

    await endPublicity(t, challenge.id);
    expect(counts(await record(winner.id))).toEqual([
      ['NEW_ENERGY', 'NEW_ENERGY', 1, 1, 1],
      ['NEW_ENERGY.STORAGE', 'NEW_ENERGY.STORAGE', 1, 1, 1],
    ]);
    expect(await record(sme.id, admin)).toEqual([]);
  });
});
