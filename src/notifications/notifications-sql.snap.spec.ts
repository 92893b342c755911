import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { NotificationKind } from './notification-kinds.js';
import { NotificationSubjects } from './notification-subjects.js';
import { inboxPage, insertNotification, unreadCount } from './notifications.queries.js';

/**
 * The SQL of the inbox and of a notification's insert, as committed snapshots: each subject's condition comes from
 * the rule registered for it (here a stand-in), and a subject without a rule is NULL, so it is never shown.
 */
const reader: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a1',
  sessionId: '',
  platformRoles: [],
  organization: { id: '00000000-0000-4000-8000-0000000000b1', kind: 'SME', role: 'MEMBER' },
};

function recorder(rows: unknown[] = []) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const target = {
    query: (sql: string, params: unknown[]) => {
      seen.push({ sql, params });
      return Promise.resolve(rows);
    },
  } as unknown as DataSource;
  return { target, seen };
}

function subjects(): NotificationSubjects {
  const s = new NotificationSubjects();
  s.register({
    subject: 'CHALLENGE',
    viewSql: (r, p, id) =>
      `SELECT json_build_object('titleZh', x.title_zh) FROM challenges x WHERE x.id = ${id} AND x.org = ${p.add(r.organization?.id)}`,
  });
  return s;
}

describe('notification SQL', () => {
  it('pages the reader’s own notifications, each subject checked by its rule (unregistered: never shown)', async () => {
    const { target, seen } = recorder();
    await inboxPage(target, subjects(), reader, {
      limit: 21,
      unreadOnly: true,
      after: ['2026-12-08T00:00:00.000Z', '00000000-0000-4000-8000-0000000000c1'],
    });
    expect(seen[0].sql).toMatchSnapshot();
    expect(seen[0].params).toMatchSnapshot();
  });

  it('counts unread notifications under the same conditions', async () => {
    const { target, seen } = recorder([{ n: 0 }]);
    await unreadCount(target, subjects(), reader);
    expect(seen[0].sql).toMatchSnapshot();
  });

  it('inserts a notification only when the recipient may see its subjects, with its deliveries', async () => {
    const { target, seen } = recorder([]);
    const id = await insertNotification(target, subjects(), {
      reader,
      kind: NotificationKind.PROPOSAL_SUBMITTED,
      ids: { CHALLENGE: '00000000-0000-4000-8000-0000000000d1' },
      params: { receiptSha256: 'x' },
      channels: ['EMAIL' as never],
    });
    expect(id).toBeUndefined();
    expect(seen[0].sql).toMatchSnapshot();
    expect(seen[0].params).toMatchSnapshot();
  });
});
