import { Injectable } from '@nestjs/common';
import { isAdmin } from '../common/auth/actor.js';
import { NotificationSubjects } from '../notifications/index.js';

/**
 * What a notification's reader may see of its organisation: its names, to its own members (and platform admins).
 * Notifications about an organisation tell of its own affairs (verification, alliance application): a user who left
 * it no longer sees them.
 */
@Injectable()
export class OrganizationNotificationSubject {
  constructor(subjects: NotificationSubjects) {
    subjects.register({
      subject: 'ORGANIZATION',
      viewSql: (reader, p, id) => {
        const member = isAdmin(reader)
          ? 'TRUE'
          : reader.organization
            ? `nso.id = ${p.add(reader.organization.id)}::uuid`
            : 'FALSE';
        return `SELECT json_build_object('nameZh', nso.name_zh, 'nameEn', nso.name_en)
           FROM organizations nso WHERE nso.id = ${id} AND ${member}`;
      },
    });
  }
}
