import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig, MailConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { headerText, safeAddress } from './mail-headers.js';

/**
 * Every kind of mail the service sends. Account mails cannot be unsubscribed from; the notification kinds can: the
 * mail module's own (member invitations) and those other modules register (UnsubscribeKinds).
 */
export const ACCOUNT_MAIL_KINDS = ['VERIFY_EMAIL', 'RESET_PASSWORD'] as const;
export const NOTIFICATION_MAIL_KINDS = ['ORGANIZATION_INVITATION'] as const;
/** A kind of mail one can unsubscribe from (checked by UnsubscribeKinds when a link is made or spent). */
export type NotificationMailKind = string;
export type MailKind = (typeof ACCOUNT_MAIL_KINDS)[number] | NotificationMailKind;

export interface OutgoingMail {
  kind: MailKind;
  /** One plain address (checked again here: mail-headers.ts). */
  to: string;
  subject: string;
  text: string;
  /** For a notification kind: the one-click unsubscribe URL (List-Unsubscribe, RFC 8058). */
  unsubscribeUrl?: string;
}

/**
 * What the rest of the service sends mail through; a later job queue calls the same interface.
 * Neither method throws: a mail that cannot be sent is logged (with its kind, never its token).
 */
export abstract class Mailer {
  /** Sends now: true once the transport has taken the mail. */
  abstract deliver(mail: OutgoingMail): Promise<boolean>;
  /** Sends after the caller has answered (its time does not show in the answer); awaited at shutdown. */
  abstract deliverLater(mail: OutgoingMail): void;
}

const UNSUBSCRIBE_URL = /^https?:\/\/[^\s<>"]+$/;

/**
 * nodemailer through SMTP_URL; without it (development) every mail is written as an .eml file under
 * DATA_DIR/mail and logged, so nothing is lost and a developer can open it.
 */
@Injectable()
export class NodemailerMailer
  extends Mailer
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Mail');
  private readonly settings: MailConfig;
  private readonly transport: Transporter;
  private readonly pending = new Set<Promise<boolean>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.settings = config.mail;
    this.transport = this.settings.smtpUrl
      ? nodemailer.createTransport({
          url: this.settings.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.isProduction) return;
    if (!this.settings.smtpUrl)
      this.logger.warn(
        `SMTP_URL is not set: e-mails are written to ${this.settings.fileDir}, not sent`,
      );
    // RFC 8058: mail clients offer one-click unsubscribe only for an https URL.
    if (!this.settings.publicUrl.startsWith('https://'))
      this.logger.warn(
        `PUBLIC_URL (${this.settings.publicUrl}) is not https: set it for the links mailed`,
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pending]);
    this.transport.close();
  }

  deliverLater(mail: OutgoingMail): void {
    const sending = this.deliver(mail).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  async deliver(mail: OutgoingMail): Promise<boolean> {
    try {
      const headers: Record<string, string> = {};
      if (mail.unsubscribeUrl) {
        if (!UNSUBSCRIBE_URL.test(mail.unsubscribeUrl)) throw new Error('bad unsubscribe URL');
        headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      const info = (await this.transport.sendMail({
        from: this.settings.from,
        to: safeAddress(mail.to),
        subject: headerText(mail.subject, 250),
        text: mail.text,
        headers,
        // Nothing in a mail may make the service read a file or fetch a URL.
        disableFileAccess: true,
        disableUrlAccess: true,
      })) as { messageId?: string; message?: Buffer };
      if (this.settings.smtpUrl) {
        this.logger.log(`sent ${mail.kind} mail ${info.messageId ?? ''}`);
      } else {
        const file = await this.writeFile(mail.kind, info.message ?? Buffer.alloc(0));
        this.logger.log(`${mail.kind} mail to ${mail.to} written to ${file} (SMTP_URL is not set)`);
      }
      return true;
    } catch (error) {
      this.logger.error(`could not send a ${mail.kind} mail: ${(error as Error).message}`);
      return false;
    }
  }

  private async writeFile(kind: MailKind, message: Buffer): Promise<string> {
    await mkdir(this.settings.fileDir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(
      this.settings.fileDir,
      `${stamp}-${kind.toLowerCase()}-${randomBytes(4).toString('hex')}.eml`,
    );
    await writeFile(file, message, { mode: 0o600 });
    return file;
  }
}
