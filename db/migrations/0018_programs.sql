CREATE TYPE "public"."invitation_status" AS ENUM('invited', 'registered', 'waitlisted', 'attended', 'no_show', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."program_touch_model" AS ENUM('low', 'community');--> statement-breakpoint
CREATE TABLE "attendance_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attendance_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_hosts" (
	"program_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "program_hosts_program_id_user_id_pk" PRIMARY KEY("program_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "program_invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "program_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"contact_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"token" text NOT NULL,
	"status" "invitation_status" DEFAULT 'invited' NOT NULL,
	"invited_by" integer,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"attended_minutes" integer,
	"email_status" "content_email_status" DEFAULT 'not_sent' NOT NULL,
	"email_error" text,
	"emailed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_kinds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "program_kinds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text,
	"name" text,
	"touch_model" "program_touch_model" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_kinds_named" CHECK ("program_kinds"."key" is not null or "program_kinds"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "program_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "program_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"program_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"online_url" text,
	"venue" text,
	"capacity" integer,
	"preparation_hours" numeric(5, 2) DEFAULT '0' NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_sessions_duration" CHECK ("program_sessions"."duration_minutes" between 5 and 1440),
	CONSTRAINT "program_sessions_capacity" CHECK ("program_sessions"."capacity" is null or "program_sessions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"language" "contact_language",
	"tiers" smallint[] DEFAULT '{}' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unmatched_attendees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unmatched_attendees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"import_id" integer,
	"name" text NOT NULL,
	"email" text,
	"minutes" integer DEFAULT 0 NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer
);
--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "program_invitation_id" integer;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_session_id_program_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."program_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_hosts" ADD CONSTRAINT "program_hosts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_hosts" ADD CONSTRAINT "program_hosts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD CONSTRAINT "program_invitations_session_id_program_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."program_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD CONSTRAINT "program_invitations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD CONSTRAINT "program_invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD CONSTRAINT "program_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_sessions" ADD CONSTRAINT "program_sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_kind_id_program_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."program_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_attendees" ADD CONSTRAINT "unmatched_attendees_session_id_program_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."program_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_attendees" ADD CONSTRAINT "unmatched_attendees_import_id_attendance_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."attendance_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_attendees" ADD CONSTRAINT "unmatched_attendees_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_imports_session_idx" ON "attendance_imports" USING btree ("session_id","imported_at");--> statement-breakpoint
CREATE INDEX "program_hosts_user_idx" ON "program_hosts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_invitations_token_key" ON "program_invitations" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "program_invitations_session_contact_key" ON "program_invitations" USING btree ("session_id","contact_id");--> statement-breakpoint
CREATE INDEX "program_invitations_session_status_idx" ON "program_invitations" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "program_invitations_account_idx" ON "program_invitations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "program_invitations_contact_idx" ON "program_invitations" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_kinds_key_key" ON "program_kinds" USING btree ("key");--> statement-breakpoint
CREATE INDEX "program_sessions_program_idx" ON "program_sessions" USING btree ("program_id","starts_at");--> statement-breakpoint
CREATE INDEX "program_sessions_starts_idx" ON "program_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "programs_kind_idx" ON "programs" USING btree ("kind_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unmatched_attendees_session_person_key" ON "unmatched_attendees" USING btree ("session_id",lower(coalesce("email", "name")));--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_program_invitation_id_program_invitations_id_fk" FOREIGN KEY ("program_invitation_id") REFERENCES "public"."program_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "touches_program_invitation_key" ON "touches" USING btree ("program_invitation_id","kind") WHERE "touches"."program_invitation_id" is not null;--> statement-breakpoint
INSERT INTO "program_kinds" ("key", "touch_model") VALUES ('webinar', 'low'), ('study_session', 'low'), ('workshop', 'low'), ('office_hours', 'low'), ('user_group', 'community');
