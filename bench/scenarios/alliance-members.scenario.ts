import type { Scenario } from './scenario.js';

interface MemberPage {
  edges: {
    cursor: string;
    node: { enterpriseId: string; nameZh: string; tier: string; since: string };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface PeerPage {
  edges: {
    cursor: string;
    node: {
      organizationId: string;
      tier: string;
      admittedAt: string;
      organizationByOrganizationId: { nameZh: string } | null;
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The public alliance member list, first page: 20 ACTIVE members (FOUNDING first, then by
 * seniority) with the organisation's names, tier and member-since date.
 */
export const allianceMembersScenario: Scenario = {
  name: 'allianceMembers',
  description:
    '`allianceMembers(first: 20)`, anonymous: the public list of ACTIVE members with name, tier and since, keyset-paginated',
  group: 'main',
  async prepare() {
    return [
      {
        query: `{ allianceMembers(first: 20) {
          edges { cursor node { enterpriseId nameZh nameEn tier since } }
          pageInfo { hasNextPage endCursor } } }`,
      },
    ];
  },
  verify: (data) => {
    const page = data.allianceMembers as MemberPage | undefined;
    return (
      page?.edges.length === 20 &&
      page.pageInfo.hasNextPage &&
      page.edges.every((e) => e.node.nameZh && e.node.tier && e.node.since)
    );
  },
  peer: {
    description:
      'PostGraphile 4: `allAllianceMemberships(first: 20, condition: {status: ACTIVE}, orderBy: [TIER_ASC, ADMITTED_AT_ASC, ID_ASC])` with the organisation’s names through the relation',
    query: `{ allAllianceMemberships(first: 20, condition: { status: ACTIVE }, orderBy: [TIER_ASC, ADMITTED_AT_ASC, ID_ASC]) {
      edges { cursor node { organizationId tier admittedAt organizationByOrganizationId { nameZh nameEn } } }
      pageInfo { hasNextPage endCursor } } }`,
    verify: (data) => {
      const page = data.allAllianceMemberships as PeerPage | undefined;
      return (
        page?.edges.length === 20 &&
        page.pageInfo.hasNextPage &&
        page.edges.every((e) => e.node.organizationByOrganizationId?.nameZh && e.node.tier)
      );
    },
    // The same 20 enterprises in the same order, or the pair measures different work.
    matches: (product, peer) => {
      const a = (product.allianceMembers as MemberPage).edges.map((e) => e.node.enterpriseId);
      const b = (peer.allAllianceMemberships as PeerPage).edges.map((e) => e.node.organizationId);
      return a.length === b.length && a.every((id, i) => id === b[i]);
    },
  },
};
