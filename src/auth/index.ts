/** The auth module's public surface: other modules import from here only. */
export { AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export { tokenOfAuthorization } from './jwt.strategy.js';
export { AuthSessionEntity } from './auth-session.entity.js';
export { RefreshTokenEntity } from './refresh-token.entity.js';
export { AuthErrorReason } from './auth-errors.js';
