/** The mail module's public surface: other modules import from here only. */
export { MailModule } from './mail.module.js';
export { EmailTokenEntity, EmailTokenPurpose, EmailUnsubscribeEntity } from './mail.entities.js';
export { EmailTokensService } from './email-tokens.service.js';
export { UnsubscribeKinds, UnsubscribeService } from './unsubscribe.service.js';
export { Mailer, type MailKind, type OutgoingMail } from './mailer.js';
export { recentEmailTokens, retireEmailTokens } from './mail.queries.js';
export {
  organizationInvitationMail,
  passwordResetMail,
  verifyEmailMail,
  type MailLocale,
} from './mail-templates.js';
export { MailErrorReason } from './mail-errors.js';
