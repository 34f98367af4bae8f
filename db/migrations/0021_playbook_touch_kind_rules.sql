ALTER TABLE "playbook_rules" DROP CONSTRAINT "playbook_rules_hours";--> statement-breakpoint
ALTER TABLE "playbook_rules" ALTER COLUMN "activity_type_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD COLUMN "touch_kind" "touch_kind";--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_target" CHECK (("playbook_rules"."activity_type_id" is null) <> ("playbook_rules"."touch_kind" is null));--> statement-breakpoint
ALTER TABLE "playbook_rules" ADD CONSTRAINT "playbook_rules_hours" CHECK ("playbook_rules"."hours" >= 0 and "playbook_rules"."hours" <= 100);