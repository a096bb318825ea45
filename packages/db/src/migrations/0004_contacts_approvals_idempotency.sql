CREATE TABLE "approvals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"approver_role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"request_reason" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "approvals_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "approvals_kind" CHECK ("approvals"."kind" in ('extension', 'virtual_continuation', 'cap_override')),
	CONSTRAINT "approvals_status" CHECK ("approvals"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "approvals_decided" CHECK (("approvals"."status" = 'pending') = ("approvals"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"logged_by" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" text NOT NULL,
	"reached" boolean DEFAULT true NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"wellbeing" integer,
	"special_activity" boolean DEFAULT false NOT NULL,
	"accompaniment_type" text,
	"note" text,
	"over_cap_reason" text,
	"over_cap_rule_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "contacts_mode" CHECK ("contacts"."mode" in ('in_person', 'video', 'phone', 'messenger', 'email')),
	CONSTRAINT "contacts_duration" CHECK ("contacts"."duration_minutes" between 0 and 1440),
	CONSTRAINT "contacts_wellbeing" CHECK ("contacts"."wellbeing" is null or "contacts"."wellbeing" between 1 and 5),
	CONSTRAINT "contacts_over_cap_reason" CHECK (cardinality("contacts"."over_cap_rule_ids") = 0 or "contacts"."over_cap_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"route" text NOT NULL,
	"key" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_user_id_route_key_pk" PRIMARY KEY("org_id","user_id","route","key")
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approvals_org_status_role" ON "approvals" USING btree ("org_id","status","approver_role");--> statement-breakpoint
CREATE INDEX "contacts_org_mentorship_time" ON "contacts" USING btree ("org_id","mentorship_id","starts_at");--> statement-breakpoint
CREATE INDEX "contacts_org_mentor_time" ON "contacts" USING btree ("org_id","mentor_id","starts_at");