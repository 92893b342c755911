import 'reflect-metadata';
import { ConfigError } from '../config/app-config.js';
import { verifyAuditChain } from './audit-chain.js';

/**
 * npm run audit:verify
 * Recomputes the hash chain of the whole audit trail. Exit code 0 when intact, 1 when a link is
 * broken (the first one is named), 2 when the check could not run.
 */
async function main(): Promise<number> {
  const { default: dataSource } = await import('../app/database/data-source.js');
  await dataSource.initialize();
  try {
    const report = await verifyAuditChain((sql, params) => dataSource.query(sql, params));
    if (report.ok) {
      console.log(
        `audit chain intact: ${report.checked} events checked${report.lastSeq ? ` (last seq ${report.lastSeq})` : ''}`,
      );
      return 0;
    }
    const broken = report.firstBreak!;
    console.error(
      `audit chain BROKEN at seq ${broken.seq} (event ${broken.id}): ${broken.problem}`,
    );
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(2);
  },
);
