import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An SME sees every read of its proposals' content in `myOrganizationAuditEvents`, whatever path read them. A read
 * of a list (challengeProposals, proposalRanking, a decision's payload) is ONE event on the challenge, with no
 * organisation: the SMEs whose proposals it read are named only by `data.proposalIds`. This index finds those
 * events by proposal id (`data -> 'proposalIds' ?| <the SME's proposal ids>`), so the chain keeps one event per
 * read and the ranked list keeps appending it in its one statement (see docs/security.md).
 */
export class AuditReadSubjects1795900417000 implements MigrationInterface {
  name = 'AuditReadSubjects1795900417000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_read_proposals" ON "audit_events" USING gin (("data" -> 'proposalIds')) WHERE "action" = 'PROPOSAL_CONTENT_READ'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_read_proposals"`);
  }
}
