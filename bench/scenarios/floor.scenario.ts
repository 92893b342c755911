import type { Scenario } from './scenario.js';

/**
 * The floor: the cheapest GraphQL request the service answers (no resolver, no SQL), so the other
 * scenarios can be read as a fraction of what the HTTP + GraphQL stack itself costs on this machine.
 */
export const floorScenario: Scenario = {
  name: 'floor',
  description: '`{ __typename }`, anonymous: HTTP, GraphQL parsing and validation, no resolver',
  group: 'main',
  async prepare() {
    return [{ query: '{ __typename }' }];
  },
  verify: (data) => data.__typename === 'Query',
};
