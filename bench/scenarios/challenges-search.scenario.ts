import type { Scenario } from './scenario.js';

interface SearchPage {
  edges: {
    node: {
      id: string;
      titleZh: string | null;
      titleEn: string | null;
      summaryZh: string | null;
      summaryEn: string | null;
      issuer: { nameZh: string } | null;
      proposalCount: number;
    };
  }[];
}

const SEARCH = `query($q: String!) { challenges(first: 20, filter: { search: $q }) {
  edges { node { id titleZh titleEn summaryZh summaryEn issuer { nameZh } proposalCount } } pageInfo { hasNextPage } } }`;

/** A search scenario: 20 results by relevance, each containing (one of) the expected words. */
function searchScenario(
  name: string,
  query: string,
  mustContain: (text: string) => boolean,
  description: string,
): Scenario {
  return {
    name,
    description,
    group: 'main',
    async prepare() {
      return [{ query: SEARCH, variables: { q: query } }];
    },
    verify: (data) => {
      const page = data.challenges as SearchPage | undefined;
      // 20 results at M and L; the small S data set may have fewer for the multi-term query.
      return (
        !!page &&
        page.edges.length >= 1 &&
        page.edges.length <= 20 &&
        page.edges.every((e) =>
          mustContain(
            [e.node.titleZh, e.node.titleEn, e.node.summaryZh, e.node.summaryEn]
              .filter(Boolean)
              .join('\n'),
          ),
        )
      );
    },
  };
}

/** Issue 5: search in Chinese (a field name), a multi-term Chinese query, and English with an inflection. */
export const searchZhScenario = searchScenario(
  'searchZh',
  '储能',
  (t) => t.includes('储能'),
  '`challenges(first: 20, filter: {search: "储能"})`, anonymous: Chinese search, by relevance',
);
export const searchZhMultiScenario = searchScenario(
  'searchZhMulti',
  '储能 锂电池',
  (t) => t.includes('储能') && t.includes('锂电池'),
  '`challenges(first: 20, filter: {search: "储能 锂电池"})`, anonymous: multi-term Chinese search (every term must match), by relevance',
);
export const searchEnScenario = searchScenario(
  'searchEn',
  'batteries',
  (t) => /batter/i.test(t),
  '`challenges(first: 20, filter: {search: "batteries"})`, anonymous: English search (matches battery), by relevance',
);

/**
 * The three searches again at an offered load of 50 requests per second (open model, see
 * Scenario.ratePerSecond): the latency a visitor sees while search is in heavy use, next to the saturated
 * figures above (10 connections sending back to back, where latency is mostly queueing).
 */
export const searchZhAt50Scenario: Scenario = {
  ...searchZhScenario,
  name: 'searchZhAt50',
  description: 'as `searchZh` (储能), at an offered load of 50 requests per second',
  ratePerSecond: 50,
};
export const searchEnAt50Scenario: Scenario = {
  ...searchEnScenario,
  name: 'searchEnAt50',
  description: 'as `searchEn` (batteries), at an offered load of 50 requests per second',
  ratePerSecond: 50,
};
export const searchZhMultiAt50Scenario: Scenario = {
  ...searchZhMultiScenario,
  name: 'searchZhMultiAt50',
  description: 'as `searchZhMulti` (储能 锂电池), at an offered load of 50 requests per second',
  ratePerSecond: 50,
};
