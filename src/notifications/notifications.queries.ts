import type { Actor } from '../common/auth/actor.js';
import { ACTOR_FACT_COLUMNS, actorFactsOf } from '../common/auth/actor-row.js';
import { SqlParams } from '../database/sql-params.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  execute,
  int,
  jsonObject,
  oneOf,
  oneOfOrNull,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import {
  DeliveryChannel,
  DeliveryStatus,
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECTS,
  NotificationChannelSetting,
  NotificationKind,
  type NotificationSubject,
  SUBJECT_COLUMN,
  CHANNEL_SETTINGS,
} from './notification-kinds.js';
import type { AudienceGroup, NotificationSubjects } from './notification-subjects.js';

/**
 * The SQL of notifications (see docs/architecture.md, "The SQL layer"). Every read is scoped to its reader in the
 * WHERE: their own rows only, and only while they may see every subject of the row (the subjects' own rules, through
 * NotificationSubjects). The statements whose text depends on the reader (admin or not, organisation or none) run
 * unprepared.
 */

/** The ids of what a notification is about (each subject optional). */
export type SubjectIds = Partial<Record<NotificationSubject, string | null>>;

/** A user who may receive a notification, as the reader the subjects' rules check, with their channel for the kind. */
export interface RecipientRow {
  reader: Actor;
  /** The user's own choice for the kind, or null (the default applies). */
  channel: NotificationChannelSetting | null;
}

function readerOfRow(row: SqlRow): Actor {
  const facts = actorFactsOf(row);
  const { organizationId: id, organizationRole: role, organizationKind: kind } = facts;
  return {
    userId: str(row, 'user_id'),
    // Not a request: the reader is the recipient, checked by the same rules as when they read it themselves.
    sessionId: '',
    platformRoles: facts.platformRoles,
    organization: id && role && kind ? { id, kind, role } : undefined,
    locale: facts.locale,
  };
}

const READER_COLUMNS = `u.id AS user_id, ${ACTOR_FACT_COLUMNS}`;
const READER_JOINS = `LEFT JOIN organization_members m ON m.user_id = u.id
  LEFT JOIN organizations o ON o.id = m.organization_id`;

/** Who hears of an event: the members of organisations, named users, the followers of a challenge. */
export interface Audience {
  organizationIds?: readonly string[];
  userIds?: readonly string[];
  followersOf?: string | null;
  /** The organisations of named groups (registered by the modules that own them), each for one id. */
  groups?: readonly { group: AudienceGroup; id: string }[];
  /** Not told of their own action. */
  exceptUserId?: string | null;
}

/** The active users of an audience, each once, with their setting for `kind`. */
export function recipientsOf(
  target: SqlTarget,
  subjects: NotificationSubjects,
  kind: NotificationKind,
  audience: Audience,
): Promise<RecipientRow[]> {
  const p = new SqlParams();
  const who = [
    `m.organization_id = ANY(${p.add(audience.organizationIds ?? [])}::uuid[])`,
    `u.id = ANY(${p.add(audience.userIds ?? [])}::uuid[])`,
  ];
  if (audience.followersOf)
    who.push(
      `EXISTS (SELECT 1 FROM challenge_follows f WHERE f.user_id = u.id AND f.challenge_id = ${p.add(audience.followersOf)}::uuid)`,
    );
  for (const g of audience.groups ?? [])
    who.push(`m.organization_id IN (${subjects.audienceSql(g.group, p, `${p.add(g.id)}::uuid`)})`);
  return queryRows(
    target,
    `SELECT ${READER_COLUMNS}, np.channel::text AS channel
       FROM users u ${READER_JOINS}
       LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.kind = ${p.add(kind)}::notification_kind
      WHERE u.status = 'ACTIVE' AND u.id IS DISTINCT FROM ${p.add(audience.exceptUserId ?? null)}::uuid
        AND (${who.join(' OR ')})
      ORDER BY u.id`,
    p.values,
    (row) => ({
      reader: readerOfRow(row),
      channel: oneOfOrNull(row, 'channel', CHANNEL_SETTINGS),
    }),
  );
}

/** One active user as a reader (for a delivery after commit), or undefined. */
export function readerOf(target: SqlTarget, userId: string): Promise<Actor | undefined> {
  return queryOne(
    target,
    `SELECT ${READER_COLUMNS} FROM users u ${READER_JOINS} WHERE u.id = $1 AND u.status = 'ACTIVE'`,
    [userId],
    readerOfRow,
  );
}

/**
 * The condition that `reader` may see every subject a notification has: for each subject column, NULL or a
 * non-null view. `ids` gives each subject's id as SQL (a column, or a parameter).
 */
function subjectViewsSql(
  subjects: NotificationSubjects,
  reader: Actor,
  p: SqlParams,
  ids: (s: NotificationSubject) => string,
): { columns: string; visible: string } {
  const columns = NOTIFICATION_SUBJECTS.map(
    (s) =>
      `CASE WHEN ${ids(s)} IS NULL THEN NULL ELSE ${subjects.viewSql(s, reader, p, ids(s))} END AS view_${s.toLowerCase()}`,
  ).join(',\n ');
  const visible = NOTIFICATION_SUBJECTS.map(
    (s) => `(${ids(s)} IS NULL OR v.view_${s.toLowerCase()} IS NOT NULL)`,
  ).join(' AND ');
  return { columns, visible };
}

/**
 * Writes one notification to `reader` with its PENDING deliveries, in the caller's transaction, only when the reader
 * may see every subject now (the same rules as the inbox); its id, or undefined when nothing was written.
 */
export async function insertNotification(
  target: SqlTarget,
  subjects: NotificationSubjects,
  n: {
    reader: Actor;
    kind: NotificationKind;
    ids: SubjectIds;
    params: Record<string, unknown>;
    channels: readonly DeliveryChannel[];
  },
): Promise<string | undefined> {
  const p = new SqlParams();
  const recipient = p.add(n.reader.userId);
  const kind = p.add(n.kind);
  const idParams = Object.fromEntries(
    NOTIFICATION_SUBJECTS.map((s) => [s, `${p.add(n.ids[s] ?? null)}::uuid`]),
  ) as Record<NotificationSubject, string>;
  const params = p.add(JSON.stringify(n.params));
  const channels = p.add(n.channels);
  const views = subjectViewsSql(subjects, n.reader, p, (s) => idParams[s]);
  const row = await queryOne(
    target,
    `WITH n AS (
       INSERT INTO notifications (recipient_id, kind, ${NOTIFICATION_SUBJECTS.map((s) => SUBJECT_COLUMN[s]).join(', ')}, params)
       SELECT ${recipient}::uuid, ${kind}::notification_kind, ${NOTIFICATION_SUBJECTS.map((s) => idParams[s]).join(', ')}, ${params}::jsonb
         FROM (SELECT ${views.columns}) v
        WHERE ${views.visible}
       RETURNING id),
     d AS (
       INSERT INTO notification_deliveries (notification_id, channel)
       SELECT n.id, ch::notification_delivery_channel FROM n CROSS JOIN unnest(${channels}::text[]) ch)
     SELECT id FROM n`,
    p.values,
    (r) => str(r, 'id'),
  );
  return row;
}

/** A notification as its reader may see it: the stored kind and parameters, and the views of its subjects. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  subjectIds: Record<NotificationSubject, string | null>;
  views: Record<NotificationSubject, Record<string, unknown> | null>;
}

function toNotificationRow(r: SqlRow): NotificationRow {
  const subjectIds = {} as Record<NotificationSubject, string | null>;
  const views = {} as Record<NotificationSubject, Record<string, unknown> | null>;
  for (const s of NOTIFICATION_SUBJECTS) {
    subjectIds[s] = strOrNull(r, SUBJECT_COLUMN[s]);
    const name = `view_${s.toLowerCase()}`;
    views[s] = r[name] === null ? null : jsonObject(r, name);
  }
  return {
    id: str(r, 'id'),
    kind: oneOf(r, 'kind', NOTIFICATION_KINDS),
    params: jsonObject(r, 'params'),
    createdAt: date(r, 'created_at'),
    readAt: dateOrNull(r, 'read_at'),
    subjectIds,
    views,
  };
}

/** What a list of the inbox asks for. */
export interface InboxFilter {
  unreadOnly?: boolean;
  /** One notification (a delivery's re-check). */
  id?: string;
  /** The page starts after this (created_at, id), newest first. */
  after?: [string, string] | null;
  limit: number;
}

/** The FROM and WHERE of the reader's visible notifications. */
function inboxSql(
  subjects: NotificationSubjects,
  reader: Actor,
  p: SqlParams,
  filter: Omit<InboxFilter, 'limit'>,
): string {
  const views = subjectViewsSql(subjects, reader, p, (s) => `n.${SUBJECT_COLUMN[s]}`);
  const where = [`n.recipient_id = ${p.add(reader.userId)}::uuid`, views.visible];
  if (filter.unreadOnly) where.push('n.read_at IS NULL');
  if (filter.id) where.push(`n.id = ${p.add(filter.id)}::uuid`);
  if (filter.after)
    where.push(
      `(n.created_at, n.id) < (${p.add(filter.after[0])}::timestamptz, ${p.add(filter.after[1])}::uuid)`,
    );
  return `FROM notifications n CROSS JOIN LATERAL (SELECT ${views.columns}) v WHERE ${where.join(' AND ')}`;
}

/** The reader's notifications they may see, newest first, keyset-paged on (created_at, id). */
export function inboxPage(
  target: SqlTarget,
  subjects: NotificationSubjects,
  reader: Actor,
  filter: InboxFilter,
): Promise<NotificationRow[]> {
  const p = new SqlParams();
  const from = inboxSql(subjects, reader, p, filter);
  return queryRows(
    target,
    `SELECT n.id, n.kind, n.params, n.created_at, n.read_at,
            ${NOTIFICATION_SUBJECTS.map((s) => `n.${SUBJECT_COLUMN[s]}`).join(', ')},
            ${NOTIFICATION_SUBJECTS.map((s) => `v.view_${s.toLowerCase()}`).join(', ')}
       ${from}
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT ${p.add(filter.limit)}`,
    p.values,
    toNotificationRow,
  );
}

/** How many unread notifications the reader may see. */
export async function unreadCount(
  target: SqlTarget,
  subjects: NotificationSubjects,
  reader: Actor,
): Promise<number> {
  const p = new SqlParams();
  const from = inboxSql(subjects, reader, p, { unreadOnly: true });
  const row = await queryOne(target, `SELECT count(*)::int AS n ${from}`, p.values, (r) =>
    int(r, 'n'),
  );
  return row ?? 0;
}

/** Marks the reader's own unread notifications read (those of `ids`, or all); how many changed. */
export async function markRead(
  target: SqlTarget,
  userId: string,
  ids: readonly string[] | 'ALL',
): Promise<number> {
  const rows = await queryRows(
    target,
    `UPDATE notifications SET read_at = date_trunc('milliseconds', now())
      WHERE recipient_id = $1 AND read_at IS NULL AND ($2::boolean OR id = ANY($3::uuid[]))
      RETURNING id`,
    [userId, ids === 'ALL', ids === 'ALL' ? [] : ids],
    (r) => str(r, 'id'),
  );
  return rows.length;
}

/** The user's own choices of channel (kinds without a row use the default). */
export function preferencesOf(
  target: SqlTarget,
  userId: string,
): Promise<{ kind: NotificationKind; channel: NotificationChannelSetting }[]> {
  return queryRows(
    target,
    `SELECT kind::text AS kind, channel::text AS channel FROM notification_preferences WHERE user_id = $1`,
    [userId],
    (r) => ({
      kind: oneOf(r, 'kind', NOTIFICATION_KINDS),
      channel: oneOf(r, 'channel', CHANNEL_SETTINGS),
    }),
  );
}

export function upsertPreference(
  target: SqlTarget,
  userId: string,
  kind: NotificationKind,
  channel: NotificationChannelSetting,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO notification_preferences (user_id, kind, channel) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
    [userId, kind, channel],
  );
}

/** Whether the reader may see the subject (its rule's view is not NULL). */
export async function subjectVisible(
  target: SqlTarget,
  subjects: NotificationSubjects,
  reader: Actor,
  subject: NotificationSubject,
  id: string,
): Promise<boolean> {
  const p = new SqlParams();
  const idSql = `${p.add(id)}::uuid`;
  const row = await queryOne(
    target,
    `SELECT (${subjects.viewSql(subject, reader, p, idSql)}) IS NOT NULL AS visible`,
    p.values,
    (r) => r.visible === true,
  );
  return row ?? false;
}

export async function insertFollow(
  target: SqlTarget,
  userId: string,
  challengeId: string,
): Promise<void> {
  await execute(
    target,
    `INSERT INTO challenge_follows (user_id, challenge_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [userId, challengeId],
  );
}

export async function deleteFollow(
  target: SqlTarget,
  userId: string,
  challengeId: string,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `DELETE FROM challenge_follows WHERE user_id = $1 AND challenge_id = $2 RETURNING 1 AS one`,
    [userId, challengeId],
    (r) => int(r, 'one'),
  );
  return rows.length > 0;
}

export async function isFollowing(
  target: SqlTarget,
  userId: string,
  challengeId: string,
): Promise<boolean> {
  const row = await queryOne(
    target,
    `SELECT EXISTS (SELECT 1 FROM challenge_follows WHERE user_id = $1 AND challenge_id = $2) AS following`,
    [userId, challengeId],
    (r) => r.following === true,
  );
  return row ?? false;
}

/** A delivery claimed for sending (locked until the claiming transaction ends; others skip it). */
export interface ClaimedDelivery {
  id: string;
  notificationId: string;
  recipientId: string;
  attempts: number;
}

export function claimPendingDeliveries(
  target: SqlTarget,
  channel: DeliveryChannel,
  limit: number,
): Promise<ClaimedDelivery[]> {
  return queryRows(
    target,
    `SELECT d.id, d.notification_id, d.attempts, n.recipient_id
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE d.channel = $1 AND d.status = 'PENDING'
      ORDER BY d.created_at, d.id
      LIMIT $2
      FOR UPDATE OF d SKIP LOCKED`,
    [channel, limit],
    (r) => ({
      id: str(r, 'id'),
      notificationId: str(r, 'notification_id'),
      recipientId: str(r, 'recipient_id'),
      attempts: int(r, 'attempts'),
    }),
  );
}

/** Records the outcome of one attempt. */
export function recordAttempt(
  target: SqlTarget,
  id: string,
  status: DeliveryStatus,
  error: string | null,
): Promise<void> {
  return execute(
    target,
    `UPDATE notification_deliveries
        SET status = $2::notification_delivery_status, attempts = attempts + 1, attempted_at = now(),
            last_error = $3, sent_at = CASE WHEN $4::boolean THEN now() ELSE sent_at END
      WHERE id = $1`,
    [id, status, error === null ? null : error.slice(0, 1000), status === DeliveryStatus.SENT],
  );
}

/** Whether a notification of `kind` about these subjects (with these parameters, if any) exists (anyone's). */
export async function anyNotificationAbout(
  target: SqlTarget,
  kind: NotificationKind,
  about: SubjectIds,
  params: Record<string, unknown> = {},
): Promise<boolean> {
  const p = new SqlParams();
  const where = [`n.kind = ${p.add(kind)}::notification_kind`];
  if (Object.keys(params).length) where.push(`n.params @> ${p.add(JSON.stringify(params))}::jsonb`);
  for (const s of NOTIFICATION_SUBJECTS) {
    const id = about[s];
    if (id) where.push(`n.${SUBJECT_COLUMN[s]} = ${p.add(id)}::uuid`);
  }
  const row = await queryOne(
    target,
    `SELECT EXISTS (SELECT 1 FROM notifications n WHERE ${where.join(' AND ')}) AS any`,
    p.values,
    (r) => bool(r, 'any'),
  );
  return row ?? false;
}
