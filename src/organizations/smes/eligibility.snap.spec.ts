import { describe, expect, it } from '@jest/globals';
import { eligibilityProblemsSql } from './eligibility.js';

/** The eligibility rule's SQL as a committed snapshot: a change to the rule shows as a reviewed diff. */
describe('eligibilityProblemsSql', () => {
  it('over challenges aliased c, for the organisation parameter $2', () => {
    expect(eligibilityProblemsSql('$2')).toMatchSnapshot();
  });

  it('uses the alias and the parameter it is given', () => {
    const sql = eligibilityProblemsSql('$7', 'ch');
    expect(sql).toContain('WHERE eo.id = $7::uuid');
    expect(sql).toContain('ch.min_qualification');
    expect(sql).not.toMatch(/\bc\./);
  });
});
