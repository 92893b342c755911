import type { Scenario } from './scenario.js';

interface ApplicationPage {
  edges: {
    node: { id: string; status: string; enterprise: { nameZh: string; creditCode: string } };
  }[];
  pageInfo: { hasNextPage: boolean };
}

/** The admins' queue: the newest 20 APPLIED applications with their enterprise. */
export const allianceApplicationsScenario: Scenario = {
  name: 'allianceApplications',
  description:
    '`allianceApplications(first: 20)` as the `admin` persona: the newest APPLIED applications with their enterprise',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('admin');
    return [
      {
        query: `{ allianceApplications(first: 20) {
          edges { cursor node { id status tier statement appliedAt enterprise { id nameZh nameEn creditCode verificationStatus } } }
          pageInfo { hasNextPage endCursor } } }`,
        token,
      },
    ];
  },
  verify: (data) => {
    const page = data.allianceApplications as ApplicationPage | undefined;
    if (!page || page.edges.length === 0 || page.edges.length > 20) return false;
    // A full page when there is more; at size S the whole queue fits on one.
    if (page.pageInfo.hasNextPage && page.edges.length !== 20) return false;
    return page.edges.every(
      (e) =>
        e.node.status === 'APPLIED' && e.node.enterprise.nameZh && e.node.enterprise.creditCode,
    );
  },
};
