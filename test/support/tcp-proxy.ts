import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL for fault tests: `cut()` drops every connection and refuses new
 * ones (a database outage as the service sees it), `restore()` ends the outage, `latencyMs` delays
 * traffic towards the database (to keep a request in flight), `freeze()` stops forwarding in both
 * directions without closing anything (a server stopped with SIGSTOP: connections stay open and the
 * kernel accepts new ones, nothing answers) until `thaw()`.
 */
export class TcpProxy {
  latencyMs = 0;
  private server?: Server;
  private down = false;
  private frozen = false;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): TcpProxy {
    const u = new URL(url);
    return new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  }

  async start(): Promise<number> {
    this.server = createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        if (this.frozen) s.pause();
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk) => {
        if (this.latencyMs > 0) setTimeout(() => upstream.write(chunk), this.latencyMs);
        else upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as { port: number }).port;
  }

  /** The URL that reaches the same database through this proxy. */
  url(original: string, port: number): string {
    const u = new URL(original);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  }

  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.down = false;
  }

  /** Holds all traffic (what was sent stays in the socket buffers); nothing is closed. */
  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) s.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const s of this.sockets) s.resume();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
