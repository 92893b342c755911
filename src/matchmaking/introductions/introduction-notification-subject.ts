import { Injectable } from '@nestjs/common';
import { NotificationSubjects } from '../../notifications/index.js';
import { introductionReadableSql, introductionReaderOf } from './introduction.queries.js';

/**
 * What a notification's reader may see of its introduction, while introductionReadableSql lets them (a member of
 * either side, or an admin): its challenge's titles, as the introduction itself shows them to both sides (an
 * invitation reaches an SME before it may see an INVITE_ONLY challenge). Never the issuer's name: that is the
 * challenge's rule. Another organisation's introduction never shows.
 */
@Injectable()
export class IntroductionNotificationSubject {
  constructor(subjects: NotificationSubjects) {
    subjects.register({
      subject: 'INTRODUCTION',
      viewSql: (reader, p, id) =>
        `SELECT json_build_object('challengeTitleZh', nic.title_zh, 'challengeTitleEn', nic.title_en)
           FROM introductions ni JOIN challenges nic ON nic.id = ni.challenge_id
          WHERE ni.id = ${id} AND ${introductionReadableSql(introductionReaderOf(reader), p, 'ni')}`,
    });
  }
}
