import { AuthSessionEntity } from '../auth/auth-session.entity.js';
import { LoginThrottleEntity } from '../auth/login-throttle.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity, listed once for the service, the migration CLI and the tests. */
export const ENTITIES = [UserEntity, AuthSessionEntity, RefreshTokenEntity, LoginThrottleEntity];
