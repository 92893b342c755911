import type { Scenario } from './scenario.js';

interface Detail {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  status: string;
  anonymousIssuer: boolean;
  issuer: { nameZh: string } | null;
  requirements: { name: string; weight: number }[];
  evaluationCriteria: { name: string; weight: number }[];
  technicalFields: { code: string }[];
}

const DETAIL = `query($id: ID!) { challenge(id: $id) {
  id titleZh titleEn summaryZh summaryEn status deadline budgetMin budgetMax visibility
  anonymousIssuer issuer { id nameZh nameEn } technicalFields { code nameZh }
  requirements { name target unit weight mustHave } evaluationCriteria { name weight veto }
  proposalCount description descriptionLocked viewerEligibility { eligible reasons } } }`;

/**
 * A challenge's page as an SME member sees it (issue 5): content, issuer, fields, requirements,
 * evaluation criteria (weights summing to 100), the confidential description, its eligibility.
 * Cycles through 50 of the newest published challenges.
 */
export const challengeDetailScenario: Scenario = {
  name: 'challengeDetail',
  description:
    '`challenge(id)` as `sme@`: content, issuer, fields, requirements, criteria, description and eligibility (50 challenges in turn)',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('sme');
    const list = await ctx.graphql(
      `{ challenges(first: 50) { edges { node { id } } } }`,
      undefined,
      token,
    );
    const ids =
      (list.data?.challenges as { edges: { node: { id: string } }[] } | undefined)?.edges.map(
        (e) => e.node.id,
      ) ?? [];
    if (ids.length < 50)
      throw new Error('challengeDetail needs 50 visible challenges: run npm run seed:scale first');
    return ids.map((id) => ({ query: DETAIL, variables: { id }, token }));
  },
  verify: (data) => {
    const c = data.challenge as Detail | undefined;
    if (
      !c ||
      !(c.titleZh || c.titleEn) ||
      (!c.anonymousIssuer && !c.issuer?.nameZh) ||
      c.requirements.length === 0 ||
      c.technicalFields.length === 0
    )
      return false;
    return c.evaluationCriteria.reduce((s, e) => s + e.weight, 0) === 100;
  },
};
