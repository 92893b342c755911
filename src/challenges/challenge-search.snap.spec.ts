import { describe, expect, it } from '@jest/globals';
import {
  SEARCH_VECTORS_SQL,
  searchQuery,
  zhTsvectorLiteral,
  searchDocument,
} from './challenge-search.js';

/** The search SQL and query literals as committed snapshots: a change to how text is searched shows as a reviewed diff. */
describe('search SQL', () => {
  it('builds both search vectors from their parameters', () => {
    expect({
      zh: SEARCH_VECTORS_SQL.zh('$1'),
      en: SEARCH_VECTORS_SQL.en('$2', '$3'),
    }).toMatchSnapshot();
  });

  it.each([
    '储能',
    '面向电网侧储能电站的锂电池热失控早期预警',
    'PEM 电解槽',
    'solid-state battery',
    "o'brien \\ back\\slash",
    '，。!',
    'ＰＥＭ　电解槽',
  ])('the queries of %j', (text) => {
    expect(searchQuery(text)).toMatchSnapshot();
  });

  it('the Chinese vector literal of a document', () => {
    expect(
      zhTsvectorLiteral(
        searchDocument({
          titleZh: '氢能重卡燃料电池系统',
          summaryZh: '储能电站热失控预警',
          requirementNames: ['循环寿命'],
        }),
      ),
    ).toMatchSnapshot();
  });
});
