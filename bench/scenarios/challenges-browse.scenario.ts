import type { Scenario } from './scenario.js';

interface BrowsePage {
  edges: {
    cursor: string;
    node: {
      id: string;
      titleZh: string | null;
      titleEn: string | null;
      issuer: { nameZh: string } | null;
      proposalCount: number | null;
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface PeerPage {
  nodes: {
    id: string;
    titleZh: string | null;
    organizationByIssuerOrganizationId: { nameZh: string } | null;
    challengeProposalCountByChallengeId: { proposalCount: number } | null;
  }[];
}

/**
 * The first page of the public browse list (issue 5): 20 challenges, newest first, with the issuer's
 * public name and the proposal count, anonymous. Compared with PostGraphile 4 over the same tables.
 */
export const challengesBrowseScenario: Scenario = {
  name: 'challengesBrowse',
  description:
    '`challenges(first: 20)`, anonymous: newest published public challenges with the issuer name and proposal count',
  group: 'main',
  async prepare() {
    return [
      {
        query: `{ challenges(first: 20) { edges { cursor node { id titleZh titleEn issuer { nameZh } proposalCount } } pageInfo { hasNextPage endCursor } } }`,
      },
    ];
  },
  verify: (data) => {
    const page = data.challenges as BrowsePage | undefined;
    return (
      page?.edges.length === 20 &&
      page.pageInfo.hasNextPage &&
      page.edges.every(
        (e) =>
          (e.node.titleZh || e.node.titleEn) &&
          // Null for an anonymous viewer unless the issuer made the count PUBLIC (the default is ISSUER_ONLY).
          (e.node.proposalCount === null || typeof e.node.proposalCount === 'number') &&
          (e.node.issuer === null || e.node.issuer.nameZh),
      )
    );
  },
  peer: {
    description:
      'PostGraphile 4: `allChallenges(first: 20, condition: {status: PUBLISHED, visibility: PUBLIC}, orderBy: [PUBLISHED_AT_DESC, ID_DESC])` with the issuer name and the proposal count through the relations',
    query: `{ allChallenges(first: 20, condition: { status: PUBLISHED, visibility: PUBLIC }, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) {
      nodes { id titleZh titleEn organizationByIssuerOrganizationId { nameZh } challengeProposalCountByChallengeId { proposalCount } } } }`,
    verify: (data) => {
      const page = data.allChallenges as PeerPage | undefined;
      return (
        page?.nodes.length === 20 &&
        page.nodes.every((n) => n.organizationByIssuerOrganizationId?.nameZh)
      );
    },
    // The same 20 challenges in the same order with the same counts, or the pair measures different work.
    matches: (product, peer) => {
      const a = (product.challenges as BrowsePage).edges.map(
        (e) => `${e.node.id}:${e.node.proposalCount}`,
      );
      const b = (peer.allChallenges as PeerPage).nodes.map(
        (n) => `${n.id}:${n.challengeProposalCountByChallengeId?.proposalCount ?? 0}`,
      );
      return a.length === b.length && a.every((x, i) => x === b[i]);
    },
  },
};
