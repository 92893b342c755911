import { openCommandDatabase } from '../../src/app/database/command-database.js';

export interface BenchDatabase {
  url: string;
  /** True when it is the embedded database under DATA_DIR. */
  embedded: boolean;
  /** Stops the embedded server if this process started it (also done on SIGINT/SIGTERM). */
  release(): Promise<void>;
}

/**
 * The configured database: DATABASE_URL, else the embedded one under DATA_DIR (started if needed), opened
 * as every command-line tool opens it; the caller creates the schema.
 */
export async function openDatabase(
  log: (message: string) => void,
  options: { handleSignals?: boolean } = {},
): Promise<BenchDatabase> {
  const database = await openCommandDatabase({
    createsSchema: true,
    applicationName: 'marketplace-bench',
    log,
    ...options,
  });
  return { url: database.url, embedded: database.embedded, release: database.close };
}

/** The database URL without its password, for logs and result files. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
