import type { EntityManager } from 'typeorm';
import type { PlatformRole } from '../common/auth/actor.js';
import { hashPassword } from './password-hasher.js';
import { emailSkeleton } from './email-identity.js';
import { UserEntity } from './user.entity.js';
import { addPlatformRole } from './users.queries.js';

/**
 * Creates the account if needed and grants it a platform role. Platform roles are never granted
 * through `register`: the first administrator comes from `npm run create-admin`.
 */
export async function ensureUserWithRole(
  manager: EntityManager,
  input: { email: string; password: string; displayName: string; role: PlatformRole },
): Promise<{ user: UserEntity; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const repo = manager.getRepository(UserEntity);
  let user = await repo.findOneBy({ email });
  const created = !user;
  if (!user) {
    user = await repo.save({
      email,
      emailSkeleton: emailSkeleton(email),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      locale: 'zh-CN',
      platformRoles: [input.role],
    });
  } else if (!user.platformRoles.includes(input.role)) {
    await addPlatformRole(manager, user.id, input.role);
    user = await repo.findOneByOrFail({ id: user.id });
  }
  return { user, created };
}
