import { randomBytes } from 'node:crypto';
import { SUBMITTERS } from '../seed/personas.js';
import type { BenchRequest, ScenarioContext } from './scenario.js';
import type { Scenario } from './scenario.js';

/** Distinct (submitter, challenge) pairs prepared per run: enough for 10 s + warm-up at ~500/s. */
const PAIRS_PER_SUBMITTER = 500;

const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id status receipt { contentSha256 revision } } } }`;

interface OpenPage {
  edges: {
    node: {
      id: string;
      requiresTerms: boolean;
      viewerEligibility: { eligible: boolean } | null;
      requirements: { id: string }[];
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Open challenges the submitter's SME may answer (eligible, no terms to accept), newest first, and the ones it already answered. */
async function openChallengesFor(
  ctx: ScenarioContext,
  token: string,
  want: number,
): Promise<{ id: string; requirements: string[] }[]> {
  const used = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const res = await ctx.graphql(
      `query($after: String) { myProposals(first: 100, after: $after) { edges { node { challengeId } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      token,
    );
    const page = res.data?.myProposals as
      | {
          edges: { node: { challengeId: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        }
      | undefined;
    if (!page) throw new Error(`myProposals failed: ${res.errors?.[0]?.message}`);
    for (const e of page.edges) used.add(e.node.challengeId);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const open: { id: string; requirements: string[] }[] = [];
  after = null;
  while (open.length < want) {
    const res = await ctx.graphql(
      `query($after: String) { challenges(first: 100, after: $after, orderBy: DEADLINE_SOONEST, filter: { statuses: [PUBLISHED] }) {
         edges { node { id requiresTerms viewerEligibility { eligible } requirements { id } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      token,
    );
    const page = res.data?.challenges as OpenPage | undefined;
    if (!page) throw new Error(`challenges failed: ${res.errors?.[0]?.message}`);
    for (const { node } of page.edges) {
      if (!node.requiresTerms && node.viewerEligibility?.eligible && !used.has(node.id))
        open.push({ id: node.id, requirements: node.requirements.map((r) => r.id) });
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return open.slice(0, want);
}

/**
 * `submitProposal` (issue 6): every request is a NEW proposal, so that the one-live-proposal rule never
 * turns it into a CONFLICT: requests go round the 16 submitter personas (each an ADMIN of its own
 * verified SME that the seeded proposals leave alone), each on an open challenge its SME may answer and
 * has not answered yet, with a unique idempotency key. Every run consumes its pairs (the proposals stay):
 * after many runs on the same data, seed again with --reset.
 */
export const submitProposalScenario: Scenario = {
  name: 'submitProposal',
  description:
    '`submitProposal` as 16 SME personas in turn, each request a new proposal (distinct SME × open challenge, unique key), receipt checked',
  group: 'main',
  eachRequestOnce: true,
  async prepare(ctx) {
    const run = randomBytes(4).toString('hex');
    const perSubmitter: BenchRequest[][] = [];
    for (const [k, persona] of SUBMITTERS.entries()) {
      const token = await ctx.tokenOf(persona);
      const open = await openChallengesFor(ctx, token, PAIRS_PER_SUBMITTER);
      if (open.length < 100)
        throw new Error(
          `${persona} has only ${open.length} open challenges left to answer: run npm run seed:scale -- --reset`,
        );
      perSubmitter.push(
        open.map((c, n) => ({
          query: SUBMIT,
          token,
          variables: {
            input: {
              challengeId: c.id,
              idempotencyKey: `bench-${run}-${k}-${n}`,
              content: {
                title: `基准测试方案 ${run}-${k}-${n}`,
                summary: '围绕储能电站热失控预警开展关键技术攻关，形成可在产线验证的方案。',
                technicalApproach:
                  '多传感器融合与边缘计算，结合电化学模型在线估计电池状态。The approach combines sensing and models.',
                commitments: c.requirements.map((requirementId) => ({
                  requirementId,
                  value: '≥ 99',
                  evidence: '第三方检测报告',
                })),
                milestones: [
                  {
                    name: '样机研制',
                    month: 6,
                    deliverable: '样机及测试报告',
                    amountFen: '30000000',
                  },
                ],
                quotedPriceFen: '80000000',
                durationMonths: 12,
                ipArrangement: '知识产权归双方共有',
                team: [{ name: '陈晓', role: '项目负责人' }],
                declarations: { noConflictOfInterest: true, original: true },
              },
            },
          },
        })),
      );
    }
    // Interleave the submitters: consecutive requests come from different SMEs and challenges.
    const requests: BenchRequest[] = [];
    for (let n = 0; requests.length < perSubmitter.reduce((s, l) => s + l.length, 0); n += 1) {
      for (const list of perSubmitter) if (list[n]) requests.push(list[n]);
    }
    return requests;
  },
  verify: (data) => {
    const p = (data.submitProposal as { proposal?: unknown } | undefined)?.proposal as
      { status: string; receipt: { contentSha256: string; revision: number } | null } | undefined;
    return (
      p?.status === 'SUBMITTED' &&
      p.receipt?.revision === 1 &&
      /^[0-9a-f]{64}$/.test(p.receipt.contentSha256)
    );
  },
};
