import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_CHANNEL,
  DeliveryChannel,
  deliveryChannelsOf,
  NOTIFICATION_KINDS,
  NotificationChannelSetting,
  NotificationKind,
} from './notification-kinds.js';
import { renderNotification, type TemplateViews, templateViews } from './notification-templates.js';

const NAMED: TemplateViews = {
  challenge: {
    titleZh: '储能预警',
    titleEn: 'Storage warning',
    issuerNameZh: '金陵储能',
    issuerNameEn: 'Jinling Storage',
  },
  organization: { nameZh: '示例科技', nameEn: 'Example Tech' },
};
const ANONYMOUS: TemplateViews = {
  challenge: { ...NAMED.challenge!, issuerNameZh: null, issuerNameEn: null },
  organization: NAMED.organization,
};
const NOTHING: TemplateViews = { challenge: null, organization: null };
const PARAMS = {
  decision: 'REJECTED',
  reason: 'R-CANARY',
  feedback: 'F-CANARY',
  receiptSha256: 'a'.repeat(64),
  direction: 'INVITE',
};

describe('renderNotification', () => {
  it.each(NOTIFICATION_KINDS.flatMap((k) => [[k, 'en'] as const, [k, 'zh-CN'] as const]))(
    '%s in %s: a title and a body, the challenge named in the reader’s language',
    (kind, locale) => {
      const text = renderNotification(kind, PARAMS, NAMED, locale);
      expect(text.title.length).toBeGreaterThan(0);
      expect(text.body.length).toBeGreaterThan(0);
      const other = locale === 'en' ? '储能预警' : 'Storage warning';
      expect(text.body).not.toContain(other);
    },
  );

  it.each(NOTIFICATION_KINDS.flatMap((k) => [[k, 'en'] as const, [k, 'zh-CN'] as const]))(
    '%s in %s: never an issuer name the views do not give',
    (kind, locale) => {
      for (const views of [ANONYMOUS, NOTHING]) {
        const body = renderNotification(kind, PARAMS, views, locale).body;
        expect(body).not.toContain('金陵');
        expect(body).not.toContain('Jinling');
      }
    },
  );

  it('names the issuer where the views give it (the start of the public notice)', () => {
    expect(renderNotification(NotificationKind.PUBLICITY_STARTED, {}, NAMED, 'en').body).toContain(
      'by Jinling Storage',
    );
    expect(
      renderNotification(NotificationKind.PUBLICITY_STARTED, {}, ANONYMOUS, 'en').body,
    ).toContain('by an enterprise');
    expect(
      renderNotification(NotificationKind.PUBLICITY_STARTED, {}, ANONYMOUS, 'zh-CN').body,
    ).toContain('某企业');
  });

  it('carries the receipt, the reason and the feedback where the kind has them', () => {
    expect(
      renderNotification(NotificationKind.PROPOSAL_SUBMITTED, PARAMS, NAMED, 'zh-CN').body,
    ).toContain('a'.repeat(64));
    const notSelected = renderNotification(
      NotificationKind.PROPOSAL_NOT_SELECTED,
      PARAMS,
      NAMED,
      'en',
    ).body;
    expect(notSelected).toContain('R-CANARY');
    expect(notSelected).toContain('F-CANARY');
  });

  it('falls back to the other language’s title when one is missing', () => {
    const views: TemplateViews = { ...NAMED, challenge: { ...NAMED.challenge!, titleEn: null } };
    expect(renderNotification(NotificationKind.CHALLENGE_AMENDED, {}, views, 'en').body).toContain(
      '储能预警',
    );
  });
});

describe('templateViews', () => {
  it('takes an introduction’s challenge titles, never an issuer name from it', () => {
    const v = templateViews({
      CHALLENGE: null,
      INTRODUCTION: { challengeTitleZh: '标题', challengeTitleEn: null, issuerNameZh: '泄露' },
      ORGANIZATION: null,
    });
    expect(v.challenge).toEqual({
      titleZh: '标题',
      titleEn: null,
      issuerNameZh: null,
      issuerNameEn: null,
    });
  });
});

describe('channels', () => {
  it('has a default channel for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) expect(DEFAULT_CHANNEL[kind]).toBeDefined();
  });

  it.each([
    [NotificationChannelSetting.IN_APP, []],
    [NotificationChannelSetting.EMAIL, [DeliveryChannel.EMAIL]],
    [NotificationChannelSetting.DIGEST, [DeliveryChannel.DIGEST]],
    [NotificationChannelSetting.OFF, []],
  ])('%s asks for the deliveries %j', (setting, channels) => {
    expect(deliveryChannelsOf(setting)).toEqual(channels);
  });
});
