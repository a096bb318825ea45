-- AUD-04: the audit trail is evidence. Rows are only ever appended; an UPDATE,
-- DELETE or TRUNCATE raises, whoever issues it (the application connects as the
-- table owner in the embedded setup, so grants alone would not stop it).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (AUD-04)' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
COMMENT ON TABLE audit_events IS 'Append-only, hash-chained per organisation (prev_hash -> hash). Metadata only: no note text, narratives, passwords or tokens (AUD-05).';
--> statement-breakpoint
COMMENT ON TABLE auth_sessions IS 'Logins (not mentoring sessions: those are contacts). token_hash = SHA-256 of the cookie token.';
