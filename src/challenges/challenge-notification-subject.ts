import { Injectable } from '@nestjs/common';
import { NotificationSubjects } from '../notifications/index.js';
import { issuerShownSql, viewerOf, visibleSql } from './challenge-sql.js';

/**
 * What a notification's reader may see of its challenge: nothing unless the visibility rule (visibleSql) lets them
 * see the challenge; its titles; the issuer's name only where issuerShownSql allows it (an anonymous issuer stays
 * unnamed). Registered with the notifications module, which holds no copy of these rules.
 */
@Injectable()
export class ChallengeNotificationSubject {
  constructor(subjects: NotificationSubjects) {
    subjects.register({
      subject: 'CHALLENGE',
      viewSql: (reader, p, id) => {
        const viewer = viewerOf(reader);
        const shown = issuerShownSql(viewer, p, 'nc');
        return `SELECT json_build_object('titleZh', nc.title_zh, 'titleEn', nc.title_en,
                  'issuerNameZh', CASE WHEN ${shown} THEN nco.name_zh END,
                  'issuerNameEn', CASE WHEN ${shown} THEN nco.name_en END)
             FROM challenges nc JOIN organizations nco ON nco.id = nc.issuer_organization_id
            WHERE nc.id = ${id} AND ${visibleSql(viewer, p, 'nc')}`;
      },
    });
    // The organisations that accepted the challenge's terms (any version): they are preparing an answer.
    subjects.registerAudience({
      group: 'CHALLENGE_TERMS_ACCEPTED',
      organizationsSql: (_p, id) =>
        `SELECT ta.organization_id FROM challenge_terms_acceptances ta WHERE ta.challenge_id = ${id}`,
    });
  }
}
