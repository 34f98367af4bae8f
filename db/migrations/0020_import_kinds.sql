CREATE TYPE "public"."import_kind" AS ENUM('account', 'contact');--> statement-breakpoint
ALTER TABLE "import_batches" ALTER COLUMN "policy_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "kind" "import_kind" DEFAULT 'account' NOT NULL;