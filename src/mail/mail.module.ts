import { Module } from '@nestjs/common';
import { EmailTokensService } from './email-tokens.service.js';
import { Mailer, NodemailerMailer } from './mailer.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeResolver } from './unsubscribe.resolver.js';
import { UnsubscribeService } from './unsubscribe.service.js';

/** E-mail: the Mailer (SMTP or .eml files), signed single-use link tokens, one-click unsubscribe. */
@Module({
  providers: [
    { provide: Mailer, useClass: NodemailerMailer },
    EmailTokensService,
    UnsubscribeService,
    UnsubscribeResolver,
  ],
  controllers: [UnsubscribeController],
  exports: [Mailer, EmailTokensService, UnsubscribeService],
})
export class MailModule {}
