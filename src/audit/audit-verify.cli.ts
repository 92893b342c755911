import 'reflect-metadata';
import { runWithDatabase } from '../app/database/command-database.js';
import { verifyAuditChain } from './audit-chain.js';

/**
 * npm run audit:verify
 * Recomputes the hash chain of the whole audit trail. Exit code 0 when intact, 1 when a link is
 * broken (the first one is named), 2 when the check could not run (no database, no schema, ...).
 */
runWithDatabase(
  { applicationName: 'marketplace-audit-verify', failureExitCode: 2 },
  async (database) => {
    const dataSource = database.dataSource();
    await dataSource.initialize();
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
  },
);
