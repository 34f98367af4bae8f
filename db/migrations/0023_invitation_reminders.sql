ALTER TABLE "program_invitations" ADD COLUMN "reminder_status" "content_email_status" DEFAULT 'not_sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD COLUMN "reminder_error" text;--> statement-breakpoint
ALTER TABLE "program_invitations" ADD COLUMN "reminded_at" timestamp with time zone;