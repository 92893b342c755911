// A service instance for test/jobs-instances.e2e-spec.ts, run as a child process on the compiled service (npm test
// builds first): the app of the service (createApp, as main.ts builds it) with one more kind of job, whose handler
// never finishes. It enqueues one such job and prints `enqueued <id>`, then `claimed <id>` once its worker holds
// it, so that the test can SIGKILL it with the job claimed.
import 'reflect-metadata';
import { createApp } from '../../dist/src/app/bootstrap.js';
import { loadConfig } from '../../dist/src/config/app-config.js';
import { defineJob, JobsService } from '../../dist/src/jobs/index.js';

export const TAKEOVER_JOB_NAME = 'test-takeover';

const config = loadConfig(process.env);
const app = await createApp(config, { databaseUrl: process.env.DATABASE_URL });
const jobs = app.get(JobsService);
const kind = defineJob({ name: TAKEOVER_JOB_NAME, parse: (data) => data, retryLimit: 3 });
await jobs.register(kind, async (_payload, job) => {
  process.stdout.write(`claimed ${job.id}\n`);
  await new Promise(() => undefined);
});
const id = await jobs.enqueue(kind, { step: 'blocks until killed' });
process.stdout.write(`enqueued ${id}\n`);
