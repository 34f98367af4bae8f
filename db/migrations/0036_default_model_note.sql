-- The shipped default model's note is shown in the reader's language by the page (version 1 without a note), not stored in English.
UPDATE "health_models" SET "note" = NULL WHERE "version" = 1 AND "created_by" IS NULL AND "note" = 'Default model';
