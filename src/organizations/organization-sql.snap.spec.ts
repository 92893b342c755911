import { describe, expect, it } from '@jest/globals';
import { type Actor, PlatformRole } from '../common/auth/actor.js';
import { profileSql, updateColumnsSql } from './organization-sql.js';

/**
 * The SQL the organisation builders generate, as committed snapshots: a change to what a viewer may see of
 * a profile, or to how an edit is written, shows as a reviewed diff of its SQL.
 */
const ORG = '00000000-0000-4000-8000-0000000000aa';
const member: Actor = {
  userId: 'u1',
  sessionId: 's1',
  platformRoles: [],
  organization: { id: ORG, kind: 'SME', role: 'MEMBER' },
};
const admin: Actor = { userId: 'u2', sessionId: 's2', platformRoles: [PlatformRole.ADMIN] };
const KIND = { table: 'smes', alias: 's', columns: 's.size_class' };

describe('profileSql', () => {
  it('reads one profile of a kind, the private columns behind the viewer parameters $2 and $3', () => {
    expect(profileSql(KIND, null)).toMatchSnapshot();
  });

  it.each([
    ['anonymous', null, [null, false]],
    ['a member of an organisation', member, [ORG, false]],
    ['a platform admin', admin, [null, true]],
  ] as const)('passes the viewer as parameters for %s', (_name, actor, params) => {
    const q = profileSql(KIND, actor);
    expect(q.params).toEqual(params);
    expect(q.sql).toBe(profileSql(KIND, null).sql);
    expect(q.sql).not.toContain('$VIEWER');
  });
});

describe('updateColumnsSql', () => {
  it('sets only the columns given, the key as $1, and updated_at on organizations', () => {
    expect(
      updateColumnsSql('organizations', 'id', ORG, [
        ['nameZh', 'name_zh', '新名'],
        ['nameEn', 'name_en', undefined],
        ['contactPhone', 'contact_phone', null],
      ]),
    ).toMatchSnapshot();
  });

  it('keys a kind’s table by organization_id, without updated_at', () => {
    expect(
      updateColumnsSql('smes', 'organization_id', ORG, [['employees', 'employees', 12]]),
    ).toMatchSnapshot();
  });

  it('is null when no field was given', () => {
    expect(
      updateColumnsSql('enterprises', 'organization_id', ORG, [
        ['industryCode', 'industry_code', undefined],
      ]),
    ).toBeNull();
  });
});
