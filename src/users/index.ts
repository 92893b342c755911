/** The users module's public surface: other modules import from here only. */
export { UsersModule } from './users.module.js';
export { receivesMail, UserEntity, UserStatus } from './user.entity.js';
export type { UserLocale } from './user.entity.js';
export { Locale, UserType } from './dto/user.types.js';
export { toUserType } from './user.mapper.js';
export { emailSkeleton } from './email-identity.js';
export { DistinctEmail, normaliseEmail } from './dto/email.validators.js';
export {
  dummyPasswordHash,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from './password-hasher.js';
export { UserErrorReason } from './user-errors.js';
