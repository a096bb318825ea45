CREATE TABLE "sign_in_codes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sign_in_codes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "sign_in_codes_expiry" CHECK ("sign_in_codes"."expires_at" > "sign_in_codes"."created_at")
);
--> statement-breakpoint
CREATE TABLE "task_evidence" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_evidence_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "task_evidence_type" CHECK ("task_evidence"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "task_evidence_size" CHECK ("task_evidence"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "task_feedback" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"text" text,
	"praise" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_feedback_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "task_feedback_content" CHECK ("task_feedback"."text" is not null or "task_feedback"."praise")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "tasks_status" CHECK ("tasks"."status" in ('open', 'done')),
	CONSTRAINT "tasks_done_at" CHECK (("tasks"."status" = 'done') = ("tasks"."done_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sign_in_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "sign_in_codes" ADD CONSTRAINT "sign_in_codes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_codes" ADD CONSTRAINT "sign_in_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_codes" ADD CONSTRAINT "sign_in_codes_org_id_participant_id_participants_org_id_id_fk" FOREIGN KEY ("org_id","participant_id") REFERENCES "public"."participants"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_feedback" ADD CONSTRAINT "task_feedback_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_feedback" ADD CONSTRAINT "task_feedback_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_mentorship_id_mentorships_org_id_id_fk" FOREIGN KEY ("org_id","mentorship_id") REFERENCES "public"."mentorships"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_codes_hash_key" ON "sign_in_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "sign_in_codes_org_user" ON "sign_in_codes" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_evidence_storage_key" ON "task_evidence" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "task_evidence_org_task" ON "task_evidence" USING btree ("org_id","task_id");--> statement-breakpoint
CREATE INDEX "task_evidence_uploader" ON "task_evidence" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "task_feedback_org_task" ON "task_feedback" USING btree ("org_id","task_id");--> statement-breakpoint
CREATE INDEX "tasks_org_mentorship_due" ON "tasks" USING btree ("org_id","mentorship_id","due_on");--> statement-breakpoint
CREATE INDEX "tasks_org_participant" ON "tasks" USING btree ("org_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_sign_in_name_key" ON "users" USING btree ("sign_in_name");--> statement-breakpoint
CREATE INDEX "users_phone" ON "users" USING btree ("phone");--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_method" CHECK ("auth_sessions"."method" in ('password', 'code'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_identifier" CHECK ("users"."email" is not null or "users"."sign_in_name" is not null);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sign_in_name" CHECK ("users"."sign_in_name" ~ '^[A-Z][0-9A-Z]{7}$');--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_phone" CHECK ("users"."phone" ~ '^[+][1-9][0-9]{6,14}$');