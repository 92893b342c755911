import { rmSync } from 'node:fs';
import { adminQuery } from './global-setup.mjs';

export default async function globalTeardown() {
  const {
    MP_TEST_ADMIN_URL: adminUrl,
    MP_TEST_TEMPLATE: template,
    MP_TEST_RUN: runId,
  } = process.env;
  if (adminUrl && template && runId) {
    // This run's databases, including those of test files that crashed before cleaning up.
    const { rows } = await adminQuery(
      adminUrl,
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2`,
      [`mp_t_${runId}_`, template],
    ).catch(() => ({ rows: [] }));
    for (const { datname } of rows)
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(
        () => undefined,
      );
  }
  const embedded = globalThis.__MP_EMBEDDED__;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
