import type { AppConfig } from '../../src/config/app-config.js';
import { EmbeddedPostgres } from '../../src/app/database/embedded-postgres.js';

export interface BenchDatabase {
  url: string;
  /** True when it is the embedded database under DATA_DIR. */
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

/** The configured database: DATABASE_URL, else the embedded one under DATA_DIR (started if needed), as the service does. */
export async function openDatabase(
  config: AppConfig,
  log: (message: string) => void,
): Promise<BenchDatabase> {
  if (config.database.url)
    return { url: config.database.url, embedded: false, release: async () => undefined };
  const server = new EmbeddedPostgres({
    baseDir: config.dataDir,
    port: config.database.embeddedPort,
    log,
  });
  await server.start();
  return { url: server.url, embedded: true, release: () => server.stop() };
}

/** The database URL without its password, for logs and result files. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
