import type { Scenario } from './scenario.js';

interface MyIntroductions {
  edges: { node: { id: string; status: string; challenge: { id: string } | null } }[];
}

/** The enterprise persona's introductions, newest first, 20 a page, with each one's challenge and SME. */
export const myIntroductionsScenario: Scenario = {
  name: 'myIntroductions',
  description:
    '`myIntroductions(first: 20)` as the `enterprise` persona: its introductions newest first, with status (expiry computed in SQL), contacts once accepted, the challenge and the SME',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('enterprise');
    return [
      {
        query: `{ myIntroductions(first: 20) { edges { cursor node {
          id direction status message requestedAt expiresAt challengeTitleZh
          challenge { id titleZh deadline } sme { id nameZh }
          issuerContact { nameZh email phone personName } smeContact { nameZh email phone personName } } }
          pageInfo { hasNextPage endCursor } } }`,
        token,
      },
    ];
  },
  verify: (data) => {
    const page = data.myIntroductions as MyIntroductions | null;
    return !!page && page.edges.length > 0;
  },
};
