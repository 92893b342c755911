import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { runWithDatabase } from '../app/database/command-database.js';
import { PASSWORD_MIN_LENGTH } from './password-hasher.js';
import { PlatformRole } from '../common/auth/actor.js';
import { ensureUserWithRole } from './accounts.js';

const USAGE =
  'usage: npm run create-admin -- --email <address> [--password <password>] [--name <display name>]';

/** The arguments, or the line that says what is wrong with them. */
function readArguments(): { email: string; password?: string; name?: string } | string {
  let values: { email?: string; password?: string; name?: string };
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
      },
    }));
  } catch {
    return USAGE;
  }
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) return USAGE;
  if (values.password !== undefined && values.password.length < PASSWORD_MIN_LENGTH) {
    return `--password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  return { email: values.email, password: values.password, name: values.name };
}

/**
 * npm run create-admin -- --email admin@example.com [--password ...] [--name ...]
 * Creates a platform administrator (or makes an existing account one). Without --password a strong
 * one is generated and printed once. The arguments are checked before the database is opened.
 */
const args = readArguments();
if (typeof args === 'string') {
  console.error(args);
  process.exit(1);
}

runWithDatabase({ applicationName: 'marketplace-create-admin' }, async (database) => {
  const password = args.password ?? randomBytes(12).toString('base64url');
  const dataSource = database.dataSource();
  await dataSource.initialize();
  const { user, created } = await dataSource.transaction((manager) =>
    ensureUserWithRole(manager, {
      email: args.email,
      password,
      displayName: args.name ?? 'Platform administrator',
      role: PlatformRole.ADMIN,
    }),
  );
  if (created) {
    console.log(
      `created administrator ${user.email}${args.password ? '' : ` with password: ${password}`}`,
    );
  } else {
    console.log(`${user.email} is an administrator (existing account; password unchanged)`);
  }
});
