import { BENCH_PASSWORD, PERSONAS } from '../seed/personas.js';
import type { Scenario } from './scenario.js';

/**
 * Sign-in. Slow by design: every attempt verifies an argon2id hash (19 MiB, 2 passes), which is
 * what makes stolen hashes expensive to crack; each success also writes a session and a refresh token.
 */
export const loginScenario: Scenario = {
  name: 'login',
  description:
    '`login` with the right password: argon2id verification, session and refresh token written',
  group: 'slow',
  connections: 2,
  async prepare() {
    return [
      {
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
        variables: { input: { email: PERSONAS.login.email, password: BENCH_PASSWORD } },
      },
    ];
  },
  verify: (data) =>
    typeof (data.login as { accessToken?: unknown } | null)?.accessToken === 'string',
};
