CREATE TABLE "mentorships" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"state" text DEFAULT 'awaiting_match' NOT NULL,
	"match_approved_by" uuid,
	"match_approved_at" timestamp with time zone,
	"started_on" date,
	"planned_end_on" date,
	"closed_on" date,
	"close_reason" text,
	"previous_mentorship_id" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mentorships_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "mentorships_state" CHECK ("mentorships"."state" in ('awaiting_match', 'trial', 'active', 'suspended', 'closed'))
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
CREATE INDEX "mentorships_org_mentor" ON "mentorships" USING btree ("org_id","mentor_id","state");--> statement-breakpoint
CREATE INDEX "mentorships_org_participant" ON "mentorships" USING btree ("org_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_one_open_per_participant" ON "mentorships" USING btree ("org_id","participant_id") WHERE "mentorships"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "mentors_org_user" ON "mentors" USING btree ("org_id","user_id");