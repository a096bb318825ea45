-- Audit rows are written without a hash by the command that causes them and
-- sealed into their organisation's chain afterwards (docs/decisions/012-audit-sealing.md):
-- appending no longer waits on a per-organisation lock held until commit.
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- Rows chained before this migration keep their hashes; their place in the chain was id order.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update";--> statement-breakpoint
UPDATE "audit_events" AS a SET "seq" = n.seq
  FROM (SELECT "id", row_number() OVER (PARTITION BY "org_id" ORDER BY "id") AS seq FROM "audit_events") AS n
  WHERE a."id" = n."id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update";--> statement-breakpoint
CREATE INDEX "audit_events_chain" ON "audit_events" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed" ON "audit_events" USING btree ("id") WHERE "audit_events"."hash" is null;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_sealed_whole" CHECK (("audit_events"."seq" is null and "audit_events"."prev_hash" is null and "audit_events"."hash" is null) or ("audit_events"."seq" is not null and "audit_events"."prev_hash" is not null and "audit_events"."hash" is not null));--> statement-breakpoint
-- AUD-04: still no DELETE or TRUNCATE, and one UPDATE only: the seal, which sets
-- seq, prev_hash and hash on a row that has none and changes nothing else.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
      AND (NEW.id, NEW.org_id, NEW.at, NEW.actor_user_id, NEW.actor_role, NEW.action, NEW.entity_type,
           NEW.entity_id, NEW.subject_id, NEW.outcome, NEW.ip, NEW.request_id, NEW.detail)
        IS NOT DISTINCT FROM
          (OLD.id, OLD.org_id, OLD.at, OLD.actor_user_id, OLD.actor_role, OLD.action, OLD.entity_type,
           OLD.entity_id, OLD.subject_id, OLD.outcome, OLD.ip, OLD.request_id, OLD.detail)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (AUD-04)' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
COMMENT ON TABLE "audit_events" IS 'Append-only, hash-chained per organisation (seq order: prev_hash -> hash), sealed shortly after commit. Metadata only: no note text, narratives, passwords or tokens (AUD-05).';
