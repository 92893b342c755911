import type { Scenario } from './scenario.js';

/** An authenticated read: JWT check, the actor's one-query lookup, then the user row. */
export const meScenario: Scenario = {
  name: 'me',
  description: '`{ me { ... } }` as a signed-in member: token check, actor lookup, one row',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('member');
    return [{ query: '{ me { id email displayName locale platformRoles status } }', token }];
  },
  verify: (data) => typeof (data.me as { id?: unknown } | null)?.id === 'string',
};
