import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, UserInputError } from '../common/errors.js';
import { deriveTokenKey, signToken, verifyToken } from '../common/signed-token.js';
import { isUuid } from '../common/uuid.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { SqlTarget } from '../database/typed-query.js';
import type { EmailTokenPurpose } from './mail.entities.js';
import {
  emailTokenState,
  insertEmailToken,
  spendEmailToken,
  type SpentEmailToken,
} from './mail.queries.js';

const invalidToken = (field: string) => UserInputError.field(field, 'is not a valid link token');
const usedToken = () =>
  new ConflictError('EMAIL_TOKEN_USED', 'This link was already used; each link works once');
const expiredToken = () =>
  new ConflictError('EMAIL_TOKEN_EXPIRED', 'This link has expired; ask for a new one');

/**
 * The tokens of the links sent by e-mail: signed (common/signed-token.ts, a key of their own derived from
 * JWT_SECRET), naming a row of email_tokens that makes each single-use and short-lived. A forged, altered or
 * other-purpose token is BAD_USER_INPUT on `field`; a used one CONFLICT EMAIL_TOKEN_USED; an expired one
 * CONFLICT EMAIL_TOKEN_EXPIRED.
 */
@Injectable()
export class EmailTokensService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = deriveTokenKey(config.auth.jwtSecret);
  }

  async issue(
    target: SqlTarget,
    token: {
      userId: string;
      purpose: EmailTokenPurpose;
      email: string;
      kind?: string;
      ttlSeconds: number;
    },
  ): Promise<string> {
    const row = await insertEmailToken(target, { ...token, kind: token.kind ?? null });
    return signToken(this.key, { p: token.purpose, id: row.id, exp: row.exp });
  }

  /** Spends a token, in the caller's transaction: what it was issued for. */
  async spend(
    target: SqlTarget,
    purpose: EmailTokenPurpose,
    token: string,
    field = 'token',
  ): Promise<SpentEmailToken> {
    const check = verifyToken(this.key, purpose, token);
    if (!check.ok) {
      if (check.problem === 'EXPIRED') throw expiredToken();
      throw invalidToken(field);
    }
    if (!isUuid(check.claims.id)) throw invalidToken(field);
    const spent = await spendEmailToken(target, check.claims.id, purpose);
    if (spent) return spent;
    const state = await emailTokenState(target, check.claims.id, purpose);
    if (!state) throw invalidToken(field);
    throw state.used ? usedToken() : expiredToken();
  }
}
