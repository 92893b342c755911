import { Injectable } from '@nestjs/common';
import { NotificationSubjects } from '../notifications/index.js';
import { canReadSql } from './proposal-sql.js';

/**
 * What a notification's reader may see of its proposal: only that it exists, and only while the reading rule
 * (canReadSql: the SME's members always; the issuer and active reviewers after the deadline) lets them. No content,
 * no title: a notification never carries a proposal's text.
 */
@Injectable()
export class ProposalNotificationSubject {
  constructor(subjects: NotificationSubjects) {
    subjects.register({
      subject: 'PROPOSAL',
      viewSql: (reader, p, id) =>
        `SELECT json_build_object('id', np.id)
           FROM proposals np JOIN challenges npc ON npc.id = np.challenge_id
          WHERE np.id = ${id} AND ${canReadSql(reader, p, 'np', 'npc')}`,
    });
    // The SMEs with a draft or a submitted proposal for the challenge (what an amendment or an answer may change).
    subjects.registerAudience({
      group: 'CHALLENGE_PROPOSERS',
      organizationsSql: (_p, id) =>
        `SELECT pp.organization_id FROM proposals pp WHERE pp.challenge_id = ${id} AND pp.status IN ('DRAFT', 'SUBMITTED')`,
    });
  }
}
