import type { ErrorLocale } from '../common/error-catalogue.js';
import { NotificationKind } from './notification-kinds.js';
import type { NotificationType } from './dto/notification.types.js';
import type { NotificationRow } from './notifications.queries.js';

/**
 * The texts of notifications, in zh-CN and en, rendered when a notification is read (or sent) from its kind, its
 * stored parameters and what the reader may see of its subjects (the views). A name or title the reader may not
 * see is not in the views, so no template can show it: an anonymous issuer is "an enterprise" / "某企业".
 * Pure module: no framework imports.
 */

/** What the reader may see of a notification's subjects (built from the subjects' rules). */
export interface TemplateViews {
  challenge: {
    titleZh: string | null;
    titleEn: string | null;
    issuerNameZh: string | null;
    issuerNameEn: string | null;
  } | null;
  organization: { nameZh: string | null; nameEn: string | null } | null;
}

export interface RenderedText {
  title: string;
  body: string;
}

type Params = Readonly<Record<string, unknown>>;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function pick(locale: ErrorLocale, zh: string | null, en: string | null): string | null {
  return locale === 'en' ? (en ?? zh) : (zh ?? en);
}

const DECISIONS: Record<string, { zh: string; en: string }> = {
  APPROVED: { zh: '已通过审核并发布', en: 'was approved and published' },
  CHANGES_REQUESTED: { zh: '需要修改后重新提交', en: 'needs changes before it is reviewed again' },
  REJECTED: { zh: '未通过审核', en: 'was rejected' },
  VERIFIED: { zh: '已通过认证', en: 'was verified' },
  ADMITTED: { zh: '已获批准', en: 'was approved' },
};

function decision(params: Params, locale: ErrorLocale): string {
  const d = DECISIONS[String(params.decision)];
  if (d) return locale === 'en' ? d.en : d.zh;
  return locale === 'en' ? 'was decided' : '已有结果';
}

/** Renders one notification in `locale`. */
export function renderNotification(
  kind: NotificationKind,
  params: Params,
  views: TemplateViews,
  locale: ErrorLocale,
): RenderedText {
  const en = locale === 'en';
  const c = views.challenge;
  const title = c
    ? (pick(locale, c.titleZh, c.titleEn) ?? (en ? 'a challenge' : '榜单'))
    : en
      ? 'a challenge'
      : '榜单';
  const quoted = en ? `“${title}”` : `《${title}》`;
  // The issuer's name only when the challenge's rule gave it (issuerShownSql); otherwise "an enterprise".
  const named = c ? pick(locale, c.issuerNameZh, c.issuerNameEn) : null;
  const issuer = named ?? (en ? 'An enterprise' : '某企业');
  const org = views.organization
    ? (pick(locale, views.organization.nameZh, views.organization.nameEn) ??
      (en ? 'Your organisation' : '贵单位'))
    : en
      ? 'Your organisation'
      : '贵单位';
  const reason = text(params.reason);
  const withReason = (s: string) =>
    reason ? (en ? `${s} Reason: ${reason}` : `${s}原因：${reason}`) : s;

  switch (kind) {
    case NotificationKind.CHALLENGE_REVIEW_DECIDED:
      return en
        ? {
            title: 'Review decided',
            body: withReason(`Your challenge ${quoted} ${decision(params, locale)}.`),
          }
        : {
            title: '审核结果',
            body: withReason(`贵单位的榜单${quoted}${decision(params, locale)}。`),
          };
    case NotificationKind.PROPOSAL_SUBMITTED: {
      const receipt = text(params.receiptSha256) ?? '';
      const revision = typeof params.revision === 'number' ? params.revision : 1;
      if (revision > 1)
        return en
          ? {
              title: 'Proposal revised',
              body: `Revision ${revision} of your proposal for ${quoted} was received. Receipt (SHA-256): ${receipt}`,
            }
          : {
              title: '揭榜方案已修订',
              body: `贵单位对${quoted}的揭榜方案第${revision}版已收到。回执（SHA-256）：${receipt}`,
            };
      return en
        ? {
            title: 'Proposal submitted',
            body: `Your proposal for ${quoted} was received. Receipt (SHA-256): ${receipt}`,
          }
        : {
            title: '揭榜方案已提交',
            body: `贵单位对${quoted}的揭榜方案已收到。回执（SHA-256）：${receipt}`,
          };
    }
    case NotificationKind.PROPOSAL_SHORTLISTED:
      return en
        ? { title: 'Shortlisted', body: `Your proposal for ${quoted} was shortlisted.` }
        : { title: '方案入围', body: `贵单位对${quoted}的揭榜方案已入围。` };
    case NotificationKind.PROPOSAL_SELECTED:
      return en
        ? { title: 'Selected', body: `Your proposal for ${quoted} was selected.` }
        : { title: '方案中选', body: `贵单位对${quoted}的揭榜方案已中选。` };
    case NotificationKind.PROPOSAL_NOT_SELECTED: {
      const feedback = text(params.feedback);
      const base = en
        ? `Your proposal for ${quoted} was not selected.`
        : `贵单位对${quoted}的揭榜方案未中选。`;
      const fb = feedback ? (en ? ` Feedback: ${feedback}` : `反馈：${feedback}`) : '';
      return { title: en ? 'Not selected' : '方案未中选', body: withReason(base) + fb };
    }
    case NotificationKind.INTRODUCTION_REQUESTED:
      return params.direction === 'INVITE'
        ? en
          ? { title: 'Invitation', body: `${issuer} invites your organisation to ${quoted}.` }
          : { title: '揭榜邀请', body: `${issuer}邀请贵单位参与${quoted}。` }
        : en
          ? {
              title: 'Introduction requested',
              body: `An SME asks for an introduction to ${quoted}.`,
            }
          : { title: '对接请求', body: `有中小企业申请对接${quoted}。` };
    case NotificationKind.INTRODUCTION_ACCEPTED:
      return en
        ? { title: 'Introduction accepted', body: `The introduction for ${quoted} was accepted.` }
        : { title: '对接已接受', body: `关于${quoted}的对接已被接受。` };
    case NotificationKind.INTRODUCTION_DECLINED:
      return en
        ? {
            title: 'Introduction declined',
            body: withReason(`The introduction for ${quoted} was declined.`),
          }
        : { title: '对接已拒绝', body: withReason(`关于${quoted}的对接已被拒绝。`) };
    case NotificationKind.PUBLICITY_STARTED:
      return en
        ? {
            title: 'Public notice started',
            body: `The public notice (公示) of ${quoted} by ${named ?? 'an enterprise'} has started.`,
          }
        : { title: '公示开始', body: `${issuer}发布的${quoted}结果公示已开始。` };
    case NotificationKind.CHALLENGE_AWARDED:
      return en
        ? { title: 'Awarded', body: `${quoted} was awarded.` }
        : { title: '榜单已揭晓', body: `${quoted}已完成授予。` };
    case NotificationKind.ORGANIZATION_VERIFICATION_DECIDED:
      return en
        ? { title: 'Verification decided', body: withReason(`${org} ${decision(params, locale)}.`) }
        : { title: '认证结果', body: withReason(`${org}${decision(params, locale)}。`) };
    case NotificationKind.ALLIANCE_APPLICATION_DECIDED:
      return en
        ? {
            title: 'Alliance application decided',
            body: withReason(`The alliance application of ${org} ${decision(params, locale)}.`),
          }
        : {
            title: '入盟申请结果',
            body: withReason(`${org}的入盟申请${decision(params, locale)}。`),
          };
    case NotificationKind.CHALLENGE_AMENDED:
      return en
        ? { title: 'Challenge amended', body: `${quoted} was amended.` }
        : { title: '榜单已修订', body: `${quoted}已发布修订。` };
    case NotificationKind.CHALLENGE_ANSWER_PUBLISHED:
      return en
        ? { title: 'New answer', body: `A clarification question on ${quoted} was answered.` }
        : { title: '答疑更新', body: `${quoted}有新的答疑回复。` };
    case NotificationKind.CHALLENGE_RECOMMENDED:
      return en
        ? {
            title: 'A new challenge fits you',
            body: `${quoted} was just published and fits your SME's profile.`,
          }
        : { title: '新榜单与您匹配', body: `${quoted}刚刚发布，与贵企业的能力相匹配。` };
    case NotificationKind.REVIEW_ASSIGNED:
      return en
        ? {
            title: 'Review requested',
            body: `You were asked to review the proposals for ${quoted}. Accept or decline the assignment.`,
          }
        : { title: '评审邀请', body: `您被邀请评审${quoted}的方案，请接受或谢绝。` };
    case NotificationKind.CHALLENGE_FAILED:
      return en
        ? {
            title: 'Closed without a winner',
            body: withReason(`${quoted} closed without a winner.`),
          }
        : { title: '榜单流榜', body: withReason(`${quoted}已流榜。`) };
    case NotificationKind.DEADLINE_REMINDER: {
      const hours = typeof params.hours === 'number' ? params.hours : 24;
      return en
        ? {
            title: `Deadline in ${hours} hours`,
            body: `Proposals for ${quoted} close in less than ${hours} hours. Submit or revise yours before then.`,
          }
        : {
            title: `距截止不足${hours}小时`,
            body: `${quoted}将在${hours}小时内截止征集方案，请在此之前提交或修改贵单位的方案。`,
          };
    }
    case NotificationKind.INTRODUCTION_EXPIRING:
      return en
        ? {
            title: 'Introduction about to expire',
            body: `An introduction for ${quoted} your organisation was asked for expires within 48 hours unless answered.`,
          }
        : {
            title: '对接请求即将过期',
            body: `关于${quoted}的对接请求将在48小时内过期，请及时答复。`,
          };
  }
}

/** Reads the views the subjects' rules built (json objects) into the templates' shape. */
export function templateViews(views: {
  CHALLENGE: Record<string, unknown> | null;
  INTRODUCTION: Record<string, unknown> | null;
  ORGANIZATION: Record<string, unknown> | null;
}): TemplateViews {
  const c = views.CHALLENGE;
  const i = views.INTRODUCTION;
  const o = views.ORGANIZATION;
  return {
    challenge: c
      ? {
          titleZh: text(c.titleZh),
          titleEn: text(c.titleEn),
          issuerNameZh: text(c.issuerNameZh),
          issuerNameEn: text(c.issuerNameEn),
        }
      : i
        ? // An introduction shows its challenge's titles to both sides, never the issuer's name.
          {
            titleZh: text(i.challengeTitleZh),
            titleEn: text(i.challengeTitleEn),
            issuerNameZh: null,
            issuerNameEn: null,
          }
        : null,
    organization: o ? { nameZh: text(o.nameZh), nameEn: text(o.nameEn) } : null,
  };
}

/** A row as its reader sees it, rendered in `locale`. */
export function toNotification(row: NotificationRow, locale: ErrorLocale): NotificationType {
  const text = renderNotification(row.kind, row.params, templateViews(row.views), locale);
  return {
    id: row.id,
    kind: row.kind,
    title: text.title,
    body: text.body,
    createdAt: row.createdAt,
    readAt: row.readAt,
    challengeId: row.subjectIds.CHALLENGE,
    proposalId: row.subjectIds.PROPOSAL,
    introductionId: row.subjectIds.INTRODUCTION,
    organizationId: row.subjectIds.ORGANIZATION,
  };
}
