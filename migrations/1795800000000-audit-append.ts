import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One statement appends an audit event to the hash chain: `audit_append` takes the chain's lock, reads the
 * last link, stamps the database clock, finishes the event's SHA-256 from the canonical JSON pieces the
 * service computed (auditHashPieces: everything but occurredAt, prevHash and seq) and inserts the row.
 * The hash is the same as before (sha256 of the canonical JSON of all columns but `hash`), so the chain check
 * is unchanged; what changes is that the lock is taken by the statement that appends instead of three
 * round trips earlier, so other transactions wait on it for less time.
 */
export class AuditAppend1795800000000 implements MigrationInterface {
  name = 'AuditAppend1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_append(
              p_id uuid, p_actor_user_id uuid, p_action varchar, p_entity_type varchar, p_entity_id varchar,
              p_organization_id uuid, p_from_state varchar, p_to_state varchar, p_reason text, p_request_id varchar,
              p_data jsonb, p_pieces text[], p_lock_key bigint)
            RETURNS TABLE (appended_seq bigint, appended_hash text)
            LANGUAGE plpgsql VOLATILE AS $$
            DECLARE
              last_seq bigint;
              last_hash text;
              stamped text;
              next_hash text;
            BEGIN
              IF array_length(p_pieces, 1) IS DISTINCT FROM 4 THEN
                RAISE EXCEPTION 'audit_append: expected 4 canonical pieces';
              END IF;
              PERFORM pg_advisory_xact_lock(p_lock_key);
              -- A new statement after the lock: in READ COMMITTED its snapshot sees the last append committed before ours.
              SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1;
              last_seq := coalesce(last_seq, 0) + 1;
              last_hash := coalesce(last_hash, repeat('0', 64));
              stamped := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
              next_hash := encode(sha256(convert_to(
                p_pieces[1] || stamped || p_pieces[2] || last_hash || p_pieces[3] || last_seq::text || p_pieces[4], 'UTF8')), 'hex');
              INSERT INTO audit_events (seq, id, occurred_at, actor_user_id, action, entity_type, entity_id, organization_id,
                                        from_state, to_state, reason, request_id, data, prev_hash, hash)
              VALUES (last_seq, p_id, stamped::timestamptz, p_actor_user_id, p_action, p_entity_type, p_entity_id, p_organization_id,
                      p_from_state, p_to_state, p_reason, p_request_id, p_data, last_hash, next_hash);
              RETURN QUERY SELECT last_seq, next_hash;
            END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION audit_append(uuid, uuid, varchar, varchar, varchar, uuid, varchar, varchar, text, varchar, jsonb, text[], bigint)`,
    );
  }
}
