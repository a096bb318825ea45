CREATE TABLE "check_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"wellbeing" integer NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "check_ins_wellbeing" CHECK ("check_ins"."wellbeing" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "group_attendance" (
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_attendance_org_id_meeting_id_participant_id_pk" PRIMARY KEY("org_id","meeting_id","participant_id"),
	CONSTRAINT "group_attendance_status" CHECK ("group_attendance"."status" in ('present', 'absent', 'excused'))
);
--> statement-breakpoint
CREATE TABLE "group_enrolments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"enrolled_on" date NOT NULL,
	"enrolled_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_enrolments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_meetings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "group_meetings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "group_meetings_status" CHECK ("group_meetings"."status" in ('planned', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"facilitator_user_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"starts_on" date NOT NULL,
	"planned_meetings" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "groups_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "groups_status" CHECK ("groups"."status" in ('planned', 'running', 'closed')),
	CONSTRAINT "groups_weekday" CHECK ("groups"."weekday" between 0 and 6),
	CONSTRAINT "groups_start_time" CHECK ("groups"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "groups_planned_meetings" CHECK ("groups"."planned_meetings" > 0)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"service" text NOT NULL,
	"service_name" text,
	"referred_on" date NOT NULL,
	"status" text DEFAULT 'referred' NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referrals_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "referrals_service" CHECK ("referrals"."service" in ('crisis_line', 'emergency_services', 'mental_health_service', 'family_doctor', 'social_services', 'addiction_service', 'police', 'other')),
	CONSTRAINT "referrals_status" CHECK ("referrals"."status" in ('referred', 'accepted', 'completed', 'declined', 'not_reached'))
);
--> statement-breakpoint
CREATE TABLE "risk_actions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_actions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "risk_actions_kind" CHECK ("risk_actions"."kind" in ('spoke_with_participant', 'spoke_with_mentor', 'contacted_family', 'safety_plan', 'emergency_services_called', 'consulted_professional', 'other'))
);
--> statement-breakpoint
CREATE TABLE "risk_alerts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"alert_role" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"email_status" text NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"emailed_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "risk_alerts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "risk_alerts_email_status" CHECK ("risk_alerts"."email_status" in ('pending', 'sent', 'failed', 'not_configured', 'no_recipient'))
);
--> statement-breakpoint
CREATE TABLE "risk_observations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"observed_by" uuid NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"indicators" text[] NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risk_observations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "risk_observations_severity" CHECK ("risk_observations"."severity" in ('low', 'medium', 'high', 'immediate')),
	CONSTRAINT "risk_observations_status" CHECK ("risk_observations"."status" in ('open', 'referred', 'closed')),
	CONSTRAINT "risk_observations_indicators" CHECK (cardinality("risk_observations"."indicators") > 0 and "risk_observations"."indicators" <@ array['self_harm_or_suicide_talk', 'acute_crisis', 'violence_or_abuse', 'neglect', 'substance_use', 'severe_deterioration', 'not_reachable']::text[]),
	CONSTRAINT "risk_observations_closed" CHECK (("risk_observations"."status" = 'closed') = ("risk_observations"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_attendance" ADD CONSTRAINT "group_attendance_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_attendance" ADD CONSTRAINT "group_attendance_org_id_meeting_id_group_meetings_org_id_id_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."group_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_attendance" ADD CONSTRAINT "group_attendance_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_enrolments" ADD CONSTRAINT "group_enrolments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_enrolments" ADD CONSTRAINT "group_enrolments_org_id_group_id_groups_org_id_id_fk" FOREIGN KEY ("org_id","group_id") REFERENCES "public"."groups"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_enrolments" ADD CONSTRAINT "group_enrolments_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_meetings" ADD CONSTRAINT "group_meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_meetings" ADD CONSTRAINT "group_meetings_org_id_group_id_groups_org_id_id_fk" FOREIGN KEY ("org_id","group_id") REFERENCES "public"."groups"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_org_id_program_id_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_observation_id_risk_observations_org_id_id_fk" FOREIGN KEY ("org_id","observation_id") REFERENCES "public"."risk_observations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_actions" ADD CONSTRAINT "risk_actions_org_id_observation_id_risk_observations_org_id_id_fk" FOREIGN KEY ("org_id","observation_id") REFERENCES "public"."risk_observations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_org_id_observation_id_risk_observations_org_id_id_fk" FOREIGN KEY ("org_id","observation_id") REFERENCES "public"."risk_observations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_org_id_program_id_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."programs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_one_per_day" ON "check_ins" USING btree ("org_id","participant_id","day");--> statement-breakpoint
CREATE INDEX "group_attendance_org_group" ON "group_attendance" USING btree ("org_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_enrolments_once" ON "group_enrolments" USING btree ("org_id","group_id","participant_id");--> statement-breakpoint
CREATE INDEX "group_enrolments_org_participant" ON "group_enrolments" USING btree ("org_id","participant_id","enrolled_on");--> statement-breakpoint
CREATE UNIQUE INDEX "group_meetings_number" ON "group_meetings" USING btree ("org_id","group_id","number");--> statement-breakpoint
CREATE INDEX "groups_org_program" ON "groups" USING btree ("org_id","program_id","starts_on");--> statement-breakpoint
CREATE INDEX "groups_org_facilitator" ON "groups" USING btree ("org_id","facilitator_user_id");--> statement-breakpoint
CREATE INDEX "referrals_org_observation" ON "referrals" USING btree ("org_id","observation_id");--> statement-breakpoint
CREATE INDEX "referrals_org_status" ON "referrals" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "risk_actions_org_observation" ON "risk_actions" USING btree ("org_id","observation_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_alerts_one_per_observation" ON "risk_alerts" USING btree ("org_id","observation_id");--> statement-breakpoint
CREATE INDEX "risk_alerts_pending" ON "risk_alerts" USING btree ("email_status") WHERE "risk_alerts"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "risk_observations_org_status" ON "risk_observations" USING btree ("org_id","status","observed_at");--> statement-breakpoint
CREATE INDEX "risk_observations_org_participant" ON "risk_observations" USING btree ("org_id","participant_id");--> statement-breakpoint
CREATE INDEX "risk_observations_org_observer" ON "risk_observations" USING btree ("org_id","observed_by");