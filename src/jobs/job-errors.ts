import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the job queue's admin operations. */
export const JobErrorReason = defineErrorReasons('jobs', {
  JOB_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Job',
    en: 'No such job in the queue (it may have been archived).',
    zh: '队列中没有该任务（可能已归档）。',
  },
  JOB_NOT_FAILED: {
    code: 'CONFLICT',
    en: 'Only a failed job can be retried; this one is waiting, running, done or cancelled.',
    zh: '只有失败的任务可以重试；该任务正在等待、运行中、已完成或已取消。',
  },
});

type Reasons = (typeof JobErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
