import { Module } from '@nestjs/common';
import { EmailTokensService } from './email-tokens.service.js';
import { Mailer, NodemailerMailer } from './mailer.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeResolver } from './unsubscribe.resolver.js';
import { UnsubscribeKinds, UnsubscribeService } from './unsubscribe.service.js';

/** E-mail: the Mailer (SMTP or .eml files), signed single-use link tokens, one-click unsubscribe. */
@Module({
  providers: [
    { provide: Mailer, useClass: NodemailerMailer },
    EmailTokensService,
    UnsubscribeService,
    UnsubscribeKinds,
    UnsubscribeResolver,
  ],
  controllers: [UnsubscribeController],
  exports: [Mailer, EmailTokensService, UnsubscribeService, UnsubscribeKinds],
})
export class MailModule {}
