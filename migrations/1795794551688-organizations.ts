import { MigrationInterface, QueryRunner } from 'typeorm';

/** The initial technical-field taxonomy, frozen here (admins add more through addTechnicalField). */
const TECHNICAL_FIELD_SEED: [code: string, nameZh: string, nameEn: string][] = [
  ['NEW_ENERGY', '新能源', 'New energy'],
  ['NEW_ENERGY.STORAGE', '储能', 'Energy storage'],
  ['NEW_ENERGY.HYDROGEN', '氢能', 'Hydrogen energy'],
  ['NEW_ENERGY.PHOTOVOLTAIC', '光伏', 'Photovoltaics'],
  ['NEW_ENERGY.WIND', '风电', 'Wind power'],
  ['BATTERY', '电池技术', 'Battery technology'],
  ['BATTERY.LITHIUM_ION', '锂离子电池', 'Lithium-ion batteries'],
  ['BATTERY.SOLID_STATE', '固态电池', 'Solid-state batteries'],
  ['BATTERY.THERMAL_MANAGEMENT', '电池热管理', 'Battery thermal management'],
  ['SMART_MANUFACTURING', '智能制造', 'Smart manufacturing'],
  ['SMART_MANUFACTURING.INDUSTRIAL_INTERNET', '工业互联网', 'Industrial internet'],
  ['SMART_MANUFACTURING.ROBOTICS', '工业机器人', 'Industrial robotics'],
  ['SMART_MANUFACTURING.MACHINE_VISION', '机器视觉检测', 'Machine vision inspection'],
  ['SMART_MANUFACTURING.DIGITAL_TWIN', '数字孪生', 'Digital twins'],
  ['BIOMEDICINE', '生物医药', 'Biomedicine'],
  ['BIOMEDICINE.INNOVATIVE_DRUGS', '创新药', 'Innovative drugs'],
  ['BIOMEDICINE.MEDICAL_DEVICES', '医疗器械', 'Medical devices'],
  ['BIOMEDICINE.DIAGNOSTICS', '体外诊断', 'In-vitro diagnostics'],
  ['BIOMEDICINE.DIGITAL_HEALTH', '数字健康', 'Digital health'],
  ['NEW_MATERIALS', '新材料', 'New materials'],
  ['NEW_MATERIALS.ADVANCED_STEEL', '先进钢铁材料', 'Advanced steel'],
  ['NEW_MATERIALS.COMPOSITES', '复合材料', 'Composite materials'],
  ['NEW_MATERIALS.POLYMERS', '高分子材料', 'Polymer materials'],
  ['SEMICONDUCTORS', '集成电路', 'Semiconductors'],
  ['SEMICONDUCTORS.CHIP_DESIGN', '芯片设计', 'Chip design'],
  ['SEMICONDUCTORS.POWER_DEVICES', '功率半导体', 'Power semiconductors'],
  ['SEMICONDUCTORS.SENSORS', '传感器', 'Sensors'],
  ['ARTIFICIAL_INTELLIGENCE', '人工智能', 'Artificial intelligence'],
  ['ARTIFICIAL_INTELLIGENCE.COMPUTER_VISION', '计算机视觉', 'Computer vision'],
  ['ARTIFICIAL_INTELLIGENCE.NLP', '自然语言处理', 'Natural language processing'],
  ['ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI', '工业智能', 'Industrial AI'],
  ['ENVIRONMENTAL_TECH', '节能环保', 'Environmental technology'],
  [
    'ENVIRONMENTAL_TECH.CARBON_CAPTURE',
    '碳捕集利用与封存',
    'Carbon capture, utilisation and storage',
  ],
  ['ENVIRONMENTAL_TECH.WATER_TREATMENT', '水处理', 'Water treatment'],
  ['ENVIRONMENTAL_TECH.ENERGY_EFFICIENCY', '节能降耗', 'Energy efficiency'],
  ['SMART_HOME', '智慧家庭', 'Smart home'],
  ['SMART_HOME.APPLIANCES', '智能家电', 'Smart appliances'],
  ['SMART_HOME.IOT', '物联网', 'Internet of things'],
  ['HIGH_END_EQUIPMENT', '高端装备', 'High-end equipment'],
  ['HIGH_END_EQUIPMENT.POWER_EQUIPMENT', '电力装备', 'Power equipment'],
  ['HIGH_END_EQUIPMENT.NUCLEAR', '核电装备', 'Nuclear power equipment'],
  ['HIGH_END_EQUIPMENT.RAIL_TRANSIT', '轨道交通装备', 'Rail transit equipment'],
];

export class Organizations1795794551688 implements MigrationInterface {
  name = 'Organizations1795794551688';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organization_kind" AS ENUM('ENTERPRISE', 'SME')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organization_verification_status" AS ENUM('UNVERIFIED', 'VERIFIED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."organization_kind" NOT NULL, "name_zh" character varying(200) NOT NULL, "name_en" character varying(200), "credit_code" character(18) NOT NULL, "region_code" character(6) NOT NULL, "description" text NOT NULL DEFAULT '', "contact_email" character varying(254), "contact_phone" character varying(40), "verification_status" "public"."organization_verification_status" NOT NULL DEFAULT 'UNVERIFIED', "verification_reason" text, "verified_at" TIMESTAMP(3) WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_43b31b255111c328c76c0c26113" UNIQUE ("credit_code"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_organizations_kind_created" ON "organizations"  ("kind", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."alliance_membership_status" AS ENUM('APPLIED', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'EXITED', 'EXPELLED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."alliance_tier" AS ENUM('FOUNDING', 'COUNCIL', 'MEMBER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "alliance_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "status" "public"."alliance_membership_status" NOT NULL DEFAULT 'APPLIED', "tier" "public"."alliance_tier", "statement" text NOT NULL, "applied_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "admitted_at" TIMESTAMP(3) WITH TIME ZONE, "status_reason" text, "status_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7b10d44bae0dca6e48b8a833c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b8fd6d6cd634c1b01a552f42fe" ON "alliance_memberships"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_alliance_memberships_status_applied" ON "alliance_memberships"  ("status", "applied_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("seq" bigint NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "action" character varying(80) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(100) NOT NULL, "organization_id" uuid, "from_state" character varying(40), "to_state" character varying(40), "reason" text, "request_id" character varying(64), "data" jsonb NOT NULL DEFAULT '{}', "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_910f64d901a5c3e9878f0d4a407" UNIQUE ("id"), CONSTRAINT "UQ_dd4e005a38b7965794e8d2b1472" UNIQUE ("hash"), CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_action" ON "audit_events"  ("action", "seq") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_actor" ON "audit_events"  ("actor_user_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_organization" ON "audit_events"  ("organization_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enterprises" ("organization_id" uuid NOT NULL, "industry_code" character(1) NOT NULL, "is_chain_leader" boolean NOT NULL DEFAULT false, "open_resources" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_ec6708bdc059034f6a38b43b89b" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_profiles" ("user_id" uuid NOT NULL, "affiliation_name" character varying(200) NOT NULL, "affiliation_credit_code" character(18), "bio" text NOT NULL DEFAULT '', "granted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e437981050141c92a9bd753a0d3" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "technical_fields" ("code" character varying(64) NOT NULL, "parent_code" character varying(64), "name_zh" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f3360d11c60177371e6ed16dcfa" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d12fd51206fd5d480277be0718" ON "technical_fields"  ("parent_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_technical_fields" ("user_id" uuid NOT NULL, "field_code" character varying(64) NOT NULL, CONSTRAINT "PK_6477fed7979a8bfb859b9faed5a" PRIMARY KEY ("user_id", "field_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ba13d7331e4d903c3ea250339" ON "expert_technical_fields"  ("field_code") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organization_role" AS ENUM('OWNER', 'ADMIN', 'MEMBER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization_members" ("user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" "public"."organization_role" NOT NULL, "joined_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_89bde91f78d36ca41e9515d91c6" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_organization_members_org" ON "organization_members"  ("organization_id", "joined_at", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organization_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" "public"."organization_role" NOT NULL, "token_hash" character(64) NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP(3) WITH TIME ZONE, "accepted_by" uuid, CONSTRAINT "UQ_da2dfab0d3cb7f1bfdc886c4289" UNIQUE ("token_hash"), CONSTRAINT "PK_f172f12b8a9ee6584b661f57e24" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7f88954e8d667a76ae3ced6f44" ON "organization_invitations"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sme_technical_fields" ("organization_id" uuid NOT NULL, "field_code" character varying(64) NOT NULL, CONSTRAINT "PK_801a5662b0afa72d2f08c0f8ee6" PRIMARY KEY ("organization_id", "field_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1ab944343dba0419258fc6bd8" ON "sme_technical_fields"  ("field_code") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sme_size_class" AS ENUM('MICRO', 'SMALL', 'MEDIUM')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sme_qualification" AS ENUM('NONE', 'INNOVATIVE', 'SPECIALIZED', 'LITTLE_GIANT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "smes" ("organization_id" uuid NOT NULL, "size_class" "public"."sme_size_class" NOT NULL, "qualification" "public"."sme_qualification" NOT NULL DEFAULT 'NONE', "certificate_number" character varying(100), "qualification_valid_from" date, "qualification_valid_until" date, "capability_statement" text NOT NULL DEFAULT '', "founding_year" smallint, "employees" integer, CONSTRAINT "PK_8210ac7e81ecf117b09683281a3" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "FK_88a24953b7fb00e52d96fc1e2ba" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance_memberships" ADD CONSTRAINT "FK_b8fd6d6cd634c1b01a552f42fe1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprises" ADD CONSTRAINT "FK_ec6708bdc059034f6a38b43b89b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_profiles" ADD CONSTRAINT "FK_e437981050141c92a9bd753a0d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "technical_fields" ADD CONSTRAINT "FK_d12fd51206fd5d480277be0718b" FOREIGN KEY ("parent_code") REFERENCES "technical_fields"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_technical_fields" ADD CONSTRAINT "FK_eb7dd8057762dcfd7e99f73a742" FOREIGN KEY ("user_id") REFERENCES "expert_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_technical_fields" ADD CONSTRAINT "FK_0ba13d7331e4d903c3ea2503394" FOREIGN KEY ("field_code") REFERENCES "technical_fields"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_members" ADD CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_members" ADD CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "FK_7f88954e8d667a76ae3ced6f446" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "FK_8ab435d962010401bc62c8d9e38" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sme_technical_fields" ADD CONSTRAINT "FK_fc804fe9fa626e5d7a81d572a00" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sme_technical_fields" ADD CONSTRAINT "FK_c1ab944343dba0419258fc6bd82" FOREIGN KEY ("field_code") REFERENCES "technical_fields"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "smes" ADD CONSTRAINT "FK_8210ac7e81ecf117b09683281a3" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: at most one live alliance membership per enterprise.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_alliance_memberships_live" ON "alliance_memberships" ("organization_id") WHERE status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')`,
    );
    // Hand-written: the audit trail is append-only (the hash chain detects what gets past this).
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );
    // Hand-written: the initial technical-field taxonomy (parents first).
    for (const [code, nameZh, nameEn] of TECHNICAL_FIELD_SEED) {
      const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
      await queryRunner.query(
        `INSERT INTO "technical_fields" ("code", "parent_code", "name_zh", "name_en") VALUES ($1, $2, $3, $4)`,
        [code, parent, nameZh, nameEn],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."UQ_alliance_memberships_live"`);
    await queryRunner.query(`ALTER TABLE "smes" DROP CONSTRAINT "FK_8210ac7e81ecf117b09683281a3"`);
    await queryRunner.query(
      `ALTER TABLE "sme_technical_fields" DROP CONSTRAINT "FK_c1ab944343dba0419258fc6bd82"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sme_technical_fields" DROP CONSTRAINT "FK_fc804fe9fa626e5d7a81d572a00"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" DROP CONSTRAINT "FK_8ab435d962010401bc62c8d9e38"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" DROP CONSTRAINT "FK_7f88954e8d667a76ae3ced6f446"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_members" DROP CONSTRAINT "FK_7062a4fbd9bab22ffd918e5d3d9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_members" DROP CONSTRAINT "FK_89bde91f78d36ca41e9515d91c6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_technical_fields" DROP CONSTRAINT "FK_0ba13d7331e4d903c3ea2503394"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_technical_fields" DROP CONSTRAINT "FK_eb7dd8057762dcfd7e99f73a742"`,
    );
    await queryRunner.query(
      `ALTER TABLE "technical_fields" DROP CONSTRAINT "FK_d12fd51206fd5d480277be0718b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_profiles" DROP CONSTRAINT "FK_e437981050141c92a9bd753a0d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprises" DROP CONSTRAINT "FK_ec6708bdc059034f6a38b43b89b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance_memberships" DROP CONSTRAINT "FK_b8fd6d6cd634c1b01a552f42fe1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "FK_88a24953b7fb00e52d96fc1e2ba"`,
    );
    await queryRunner.query(`DROP TABLE "smes"`);
    await queryRunner.query(`DROP TYPE "public"."sme_qualification"`);
    await queryRunner.query(`DROP TYPE "public"."sme_size_class"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1ab944343dba0419258fc6bd8"`);
    await queryRunner.query(`DROP TABLE "sme_technical_fields"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7f88954e8d667a76ae3ced6f44"`);
    await queryRunner.query(`DROP TABLE "organization_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_members_org"`);
    await queryRunner.query(`DROP TABLE "organization_members"`);
    await queryRunner.query(`DROP TYPE "public"."organization_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ba13d7331e4d903c3ea250339"`);
    await queryRunner.query(`DROP TABLE "expert_technical_fields"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d12fd51206fd5d480277be0718"`);
    await queryRunner.query(`DROP TABLE "technical_fields"`);
    await queryRunner.query(`DROP TABLE "expert_profiles"`);
    await queryRunner.query(`DROP TABLE "enterprises"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_actor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_action"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_alliance_memberships_status_applied"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8fd6d6cd634c1b01a552f42fe"`);
    await queryRunner.query(`DROP TABLE "alliance_memberships"`);
    await queryRunner.query(`DROP TYPE "public"."alliance_tier"`);
    await queryRunner.query(`DROP TYPE "public"."alliance_membership_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organizations_kind_created"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TYPE "public"."organization_verification_status"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
  }
}
