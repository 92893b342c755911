import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it: the envelope, the raw source and mailparser's reading of it. */
export interface ReceivedMail {
  envelopeFrom: string;
  /** Every RCPT TO of the SMTP session: who the message was really delivered to. */
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Waits for the first message to `address` not yet taken, takes it and returns it (fails after `timeoutMs`). */
  next(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** The messages to `address` not yet taken. */
  pendingFor(address: string): ReceivedMail[];
  /** Every later message is accepted only after this delay (a slow server). */
  delayMs: number;
  close(): Promise<void>;
}

/** A real SMTP server (the smtp-server package) on 127.0.0.1, on a port the system picks. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const state = { delayMs: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then(
          (parsed) => {
            const accept = () => {
              received.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                raw: raw.toString('utf8'),
                parsed,
              });
              callback();
            };
            if (state.delayMs > 0) setTimeout(accept, state.delayMs);
            else accept();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const pendingFor = (address: string) =>
    received.filter((m) => !taken.has(m) && m.envelopeTo.includes(address));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    pendingFor,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    async next(address, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [mail] = pendingFor(address);
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > until) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token a mail's text gives after `label` (e.g. `Reset token:`). */
export function tokenIn(mail: ReceivedMail, label: string): string {
  const text = mail.parsed.text ?? '';
  const match = new RegExp(`${label}\\s*([A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`no "${label}" in the mail's text:\n${text}`);
  return match[1];
}

/** The values of a header in the raw message (folded lines joined), as sent: `List-Unsubscribe` etc. */
export function rawHeader(mail: ReceivedMail, name: string): string[] {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    .map((line) => line.slice(name.length + 1).trim());
}
