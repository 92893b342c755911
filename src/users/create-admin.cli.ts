import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config/app-config.js';
import { PASSWORD_MIN_LENGTH } from './password-hasher.js';
import { PlatformRole } from '../common/auth/actor.js';
import { ensureUserWithRole } from './accounts.js';

/**
 * npm run create-admin -- --email admin@example.com [--password ...] [--name ...]
 * Creates a platform administrator (or makes an existing account one). Without --password a strong
 * one is generated and printed once.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    throw new Error(
      'usage: npm run create-admin -- --email <address> [--password <password>] [--name <display name>]',
    );
  }
  if (values.password !== undefined && values.password.length < PASSWORD_MIN_LENGTH) {
    throw new Error(`--password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const password = values.password ?? randomBytes(12).toString('base64url');
  const { default: dataSource } = await import('../app/database/data-source.js');
  await dataSource.initialize();
  try {
    const { user, created } = await dataSource.transaction((manager) =>
      ensureUserWithRole(manager, {
        email: values.email!,
        password,
        displayName: values.name ?? 'Platform administrator',
        role: PlatformRole.ADMIN,
      }),
    );
    if (created) {
      console.log(
        `created administrator ${user.email}${values.password ? '' : ` with password: ${password}`}`,
      );
    } else {
      console.log(`${user.email} is an administrator (existing account; password unchanged)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  },
);
