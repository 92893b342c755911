import { PlatformRole } from '../../src/common/auth/actor.js';

/**
 * The password of every seeded account. The scale data is for benchmarks only: never seed a
 * database that real users sign in to (the seeder refuses NODE_ENV=production).
 */
export const BENCH_PASSWORD = 'bench-password-2026';

/** Seeded accounts live under this domain, so they can be told apart from anything else. */
export const BENCH_EMAIL_DOMAIN = 'bench.example.cn';

export interface BenchPersona {
  email: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  platformRoles: PlatformRole[];
}

/**
 * Accounts with known credentials that the benchmark signs in as. The users generator creates
 * them; a later generator gives a persona its organisation (e.g. `enterprise` as the owner of the
 * first enterprise) by adding it here and linking it in its own file.
 */
export const PERSONAS = {
  admin: {
    email: `admin@${BENCH_EMAIL_DOMAIN}`,
    displayName: '平台管理员 Platform Admin',
    locale: 'zh-CN',
    platformRoles: [PlatformRole.ADMIN],
  },
  expert: {
    email: `expert@${BENCH_EMAIL_DOMAIN}`,
    displayName: '张明 专家',
    locale: 'zh-CN',
    platformRoles: [PlatformRole.EXPERT],
  },
  member: {
    email: `member@${BENCH_EMAIL_DOMAIN}`,
    displayName: '李静',
    locale: 'zh-CN',
    platformRoles: [],
  },
  login: {
    email: `login@${BENCH_EMAIL_DOMAIN}`,
    displayName: 'Login Bench',
    locale: 'en',
    platformRoles: [],
  },
  /** OWNER of the first seeded enterprise: verified, an ACTIVE (FOUNDING) alliance member. */
  enterprise: {
    email: `enterprise@${BENCH_EMAIL_DOMAIN}`,
    displayName: '王海 Hai Wang',
    locale: 'zh-CN',
    platformRoles: [],
  },
  /** OWNER of the first seeded SME: verified, SPECIALIZED (专精特新) with a certificate valid until 2028-12-31. */
  sme: {
    email: `sme@${BENCH_EMAIL_DOMAIN}`,
    displayName: '陈晓 Xiao Chen',
    locale: 'zh-CN',
    platformRoles: [],
  },
} as const satisfies Record<string, BenchPersona>;

export type PersonaName = keyof typeof PERSONAS;
/** A persona the benchmark signs in as: a named one or a submitter. */
export type AnyPersonaName = PersonaName | SubmitterName;

/**
 * Members (ADMIN) of 16 verified SMEs that the seeded proposals leave alone, so that every request of
 * the `submitProposal` scenario can be a new proposal (one live proposal per SME and challenge): the
 * scenario spreads its submissions over these personas and the open challenges. The challenges
 * generator links them to their SMEs.
 */
export const SUBMITTER_COUNT = 16;
export type SubmitterName = `submitter${string}`;
export const SUBMITTERS: readonly SubmitterName[] = Array.from(
  { length: SUBMITTER_COUNT },
  (_, i) => `submitter${String(i + 1).padStart(2, '0')}` as const,
);

/** Every persona the users generator creates and the benchmark may sign in as. */
export const ALL_PERSONAS: Readonly<Record<PersonaName | SubmitterName, BenchPersona>> = {
  ...PERSONAS,
  ...Object.fromEntries(
    SUBMITTERS.map((name, i) => [
      name,
      {
        email: `${name}@${BENCH_EMAIL_DOMAIN}`,
        displayName: `投标专员 ${i + 1} Submitter ${i + 1}`,
        locale: 'zh-CN',
        platformRoles: [],
      },
    ]),
  ),
};
