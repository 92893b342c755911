// A service instance for test/jobs-instances.e2e-spec.ts, run as a child process on the compiled service (npm test
// builds first): the app of the service (createApp, as main.ts builds it) with one more kind of job, whose handler
// never finishes. It enqueues one such job and prints `enqueued <id>`, then `claimed <id>` once its worker holds
// it, so that the test can SIGKILL it with the job claimed, or SIGTERM it (it then closes the app, as main.ts does,
// and exits 0). The kind's name is TEST_JOB_KIND.
import 'reflect-metadata';
import { createApp } from '../../dist/src/app/bootstrap.js';
import { loadConfig } from '../../dist/src/config/app-config.js';
import { defineJob, JobsService } from '../../dist/src/jobs/index.js';

const config = loadConfig(process.env);
const app = await createApp(config, { databaseUrl: process.env.DATABASE_URL });
const jobs = app.get(JobsService);
const kind = defineJob({ name: process.env.TEST_JOB_KIND, parse: (data) => data, retryLimit: 3 });
await jobs.register(kind, async (_payload, job) => {
  process.stdout.write(`claimed ${job.id}\n`);
  await new Promise(() => undefined);
});
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
const id = await jobs.enqueue(kind, { step: 'blocks until killed' });
process.stdout.write(`enqueued ${id}\n`);
