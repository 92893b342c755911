import { hashPassword } from '../../../src/users/password-hasher.js';
import { PlatformRole } from '../../../src/common/auth/actor.js';
import { insertRows, textArrayLiteral, type ColumnSpec } from '../bulk.js';
import type { SeedGenerator } from '../generator.js';
import { ALL_PERSONAS, BENCH_EMAIL_DOMAIN, BENCH_PASSWORD } from '../personas.js';
import { personName } from '../vocabulary.js';

const COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'email', type: 'text' },
  { name: 'password_hash', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'locale', type: 'text' },
  { name: 'platform_roles', type: 'text', cast: 'text[]' },
  { name: 'status', type: 'text', cast: 'user_status' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

const FIRST_SIGN_UP = new Date('2023-01-01T00:00:00Z');
const LAST_SIGN_UP = new Date('2026-06-30T00:00:00Z');

/** The e-mail of seeded user number `index` (stable, so other generators and reruns find it). */
export function seededUserEmail(ascii: string, index: number): string {
  return `${ascii}.${String(index).padStart(6, '0')}@${BENCH_EMAIL_DOMAIN}`;
}

/**
 * Accounts: `users` rows (110,000 at L) with bilingual names, about 1% experts, a few
 * administrators, 1% suspended; plus the bench personas, which are always active with the known
 * password. Every account shares ONE argon2 hash of BENCH_PASSWORD, computed once with the
 * service's own settings: hashing per row would take hours.
 */
export const usersGenerator: SeedGenerator = {
  name: 'users',
  async run(db, size, rng) {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const personaRng = rng.fork('personas');
    for (const persona of Object.values(ALL_PERSONAS)) {
      const createdAt = personaRng.date(FIRST_SIGN_UP, LAST_SIGN_UP);
      await db.query(
        `INSERT INTO users (id, email, password_hash, display_name, locale, platform_roles, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], 'ACTIVE', $7, $7)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, platform_roles = EXCLUDED.platform_roles,
           status = 'ACTIVE', updated_at = now()`,
        [
          personaRng.uuid(),
          persona.email,
          passwordHash,
          persona.displayName,
          persona.locale,
          persona.platformRoles,
          createdAt,
        ],
      );
    }
    // A sign-in lock or spent budget left by an earlier run would make the benchmark's sign-ins fail.
    await db.query(`DELETE FROM rate_limits WHERE key LIKE '%:login-%' OR key LIKE '%:budget-%'`);

    const rows = rng.fork('accounts');
    await insertRows(db, 'users', COLUMNS, size.count('users'), (i) => {
      const name = personName(rows);
      const roles: string[] = [];
      if (rows.chance(0.0002)) roles.push(PlatformRole.ADMIN);
      if (rows.chance(0.01)) roles.push(PlatformRole.EXPERT);
      const createdAt = rows.date(FIRST_SIGN_UP, LAST_SIGN_UP);
      const updatedAt = rows.chance(0.3) ? rows.date(createdAt, LAST_SIGN_UP) : createdAt;
      return [
        rows.uuid(),
        seededUserEmail(name.ascii, i),
        passwordHash,
        name.displayName,
        name.locale,
        textArrayLiteral(roles),
        rows.chance(0.01) ? 'SUSPENDED' : 'ACTIVE',
        createdAt,
        updatedAt,
      ];
    });
  },
};
