CREATE TABLE "sign_in_audit_windows" (
	"action" text NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"audit_id" bigint NOT NULL,
	CONSTRAINT "sign_in_audit_windows_action_email_address_window_start_pk" PRIMARY KEY("action","email","address","window_start")
);
--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "address" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_audit_windows" ADD CONSTRAINT "sign_in_audit_windows_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_audit_windows_start_idx" ON "sign_in_audit_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_at_idx" ON "sign_in_attempts" USING btree ("address","at");