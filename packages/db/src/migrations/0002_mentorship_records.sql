CREATE TABLE "org_keys" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "mentor_assignments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_assignments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mentorship_transitions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"happened_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"mentor_id" uuid,
	"reason" text,
	"note" text,
	CONSTRAINT "mentorship_transitions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "mentorship_transitions_to_state" CHECK ("mentorship_transitions"."to_state" in ('awaiting_match', 'trial', 'active', 'suspended', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mentor_id" uuid,
	"state" text DEFAULT 'awaiting_match' NOT NULL,
	"match_approved_by" uuid,
	"match_approved_role" text,
	"match_approved_on" date,
	"started_on" date,
	"trial_started_on" date,
	"trial_reviewed_on" date,
	"trial_outcome" text,
	"planned_end_on" date,
	"awaiting_since" date,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"virtual_since" date,
	"virtual_approved_until" date,
	"hospitalized_from" date,
	"expected_discharge_on" date,
	"discharged_on" date,
	"suspension_reason" text,
	"suspended_since" date,
	"suspended_from" text,
	"agreed_every_days" integer,
	"closed_on" date,
	"close_reason" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mentorships_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "mentorships_state" CHECK ("mentorships"."state" in ('awaiting_match', 'trial', 'active', 'suspended', 'closed')),
	CONSTRAINT "mentorships_mode" CHECK ("mentorships"."mode" in ('in_person', 'virtual')),
	CONSTRAINT "mentorships_mentor_when_serving" CHECK ("mentorships"."state" not in ('trial', 'active') or "mentorships"."mentor_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "mentors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text DEFAULT 'unspecified' NOT NULL,
	"sector" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place" jsonb,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"profession" text,
	"travel_radius_km" real DEFAULT 10 NOT NULL,
	"capacity" integer DEFAULT 2 NOT NULL,
	"domain_strengths" text[] DEFAULT '{}'::text[] NOT NULL,
	"training_completed_at" date,
	"training_hours" real DEFAULT 0 NOT NULL,
	"briefed_at" timestamp with time zone,
	"family_of" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mentors_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "mentors_capacity" CHECK ("mentors"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text DEFAULT 'unspecified' NOT NULL,
	"sector" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place" jsonb,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_mentor_gender" text DEFAULT 'any' NOT NULL,
	"mode_preference" text DEFAULT 'either' NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_group" text,
	"consent_given_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "participants_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "participants_mode_preference" CHECK ("participants"."mode_preference" in ('in_person', 'virtual', 'either'))
);
--> statement-breakpoint
CREATE TABLE "goal_ratings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"rated_on" date NOT NULL,
	"rating" integer NOT NULL,
	"rated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_ratings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "goal_ratings_rating" CHECK ("goal_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "goals_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "goals_status" CHECK ("goals"."status" in ('open', 'achieved', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "org_keys" ADD CONSTRAINT "org_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_org_id_mentor_id_mentors_org_id_id_fk" FOREIGN KEY ("org_id","mentor_id") REFERENCES "public"."mentors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_transitions" ADD CONSTRAINT "mentorship_transitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_transitions" ADD CONSTRAINT "mentorship_transitions_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_transitions" ADD CONSTRAINT "mentorship_transitions_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_org_id_program_id_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_org_id_mentor_id_mentors_org_id_id_fk" FOREIGN KEY ("org_id","mentor_id") REFERENCES "public"."mentors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_org_id_program_id_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_org_id_program_id_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_ratings" ADD CONSTRAINT "goal_ratings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_ratings" ADD CONSTRAINT "goal_ratings_org_id_goal_id_goals_org_id_id_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."goals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_org_id_plan_id_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approvals_org_status_role" ON "approvals" USING btree ("org_id","status","approver_role");--> statement-breakpoint
CREATE INDEX "approvals_org_mentorship" ON "approvals" USING btree ("org_id","mentorship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_one_pending_per_kind" ON "approvals" USING btree ("org_id","mentorship_id","kind") WHERE "approvals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "contacts_org_mentorship_time" ON "contacts" USING btree ("org_id","mentorship_id","starts_at");--> statement-breakpoint
CREATE INDEX "contacts_org_mentor_time" ON "contacts" USING btree ("org_id","mentor_id","starts_at");--> statement-breakpoint
CREATE INDEX "contacts_org_time" ON "contacts" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "mentor_assignments_org_mentorship" ON "mentor_assignments" USING btree ("org_id","mentorship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_assignments_one_open" ON "mentor_assignments" USING btree ("org_id","mentorship_id") WHERE "mentor_assignments"."to_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_transitions_org_mentorship_version" ON "mentorship_transitions" USING btree ("org_id","mentorship_id","version");--> statement-breakpoint
CREATE INDEX "mentorship_transitions_org_participant" ON "mentorship_transitions" USING btree ("org_id","participant_id","at");--> statement-breakpoint
CREATE INDEX "mentorships_org_mentor" ON "mentorships" USING btree ("org_id","mentor_id","state");--> statement-breakpoint
CREATE INDEX "mentorships_org_participant" ON "mentorships" USING btree ("org_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_one_open_per_participant" ON "mentorships" USING btree ("org_id","participant_id") WHERE "mentorships"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "mentors_org_user" ON "mentors" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "goal_ratings_org_goal" ON "goal_ratings" USING btree ("org_id","goal_id","rated_on");--> statement-breakpoint
CREATE INDEX "goals_org_plan" ON "goals" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_per_mentorship" ON "plans" USING btree ("org_id","mentorship_id");