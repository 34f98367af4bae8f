CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
-- The bell's "task assigned", whatever gives a task its owner (the alert
-- evaluator's raised tasks, a hand-written task, a reassignment): a task
-- created open with an owner other than its writer, or an open task whose
-- owner changed. A task given back to someone who had it comes back unread.
-- The previous owner's unread notifications of it go; a task that closes
-- marks its notifications read (nothing left to look at).
CREATE FUNCTION tasks_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO notifications (user_id, kind, task_id)
    SELECT n.owner_id, 'task_assigned', n.id FROM tasks_inserted n
    WHERE n.owner_id IS NOT NULL AND n.status = 'open' AND n.owner_id IS DISTINCT FROM n.created_by
    ON CONFLICT (user_id, kind, task_id) WHERE task_id IS NOT NULL DO NOTHING;
    RETURN NULL;
  END IF;
  DELETE FROM notifications x USING tasks_before o JOIN tasks_after n ON n.id = o.id
  WHERE x.task_id = o.id AND x.user_id = o.owner_id AND x.read_at IS NULL AND n.owner_id IS DISTINCT FROM o.owner_id;
  INSERT INTO notifications (user_id, kind, task_id)
  SELECT n.owner_id, 'task_assigned', n.id FROM tasks_after n JOIN tasks_before o ON o.id = n.id
  WHERE n.owner_id IS NOT NULL AND n.owner_id IS DISTINCT FROM o.owner_id AND n.status = 'open'
  ON CONFLICT (user_id, kind, task_id) WHERE task_id IS NOT NULL DO UPDATE SET created_at = now(), read_at = NULL;
  UPDATE notifications x SET read_at = now() FROM tasks_after n JOIN tasks_before o ON o.id = n.id
  WHERE x.task_id = n.id AND x.read_at IS NULL AND o.status = 'open' AND n.status <> 'open';
  RETURN NULL;
END $fn$;--> statement-breakpoint
CREATE TRIGGER tasks_notify_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS tasks_inserted FOR EACH STATEMENT EXECUTE FUNCTION tasks_notify();--> statement-breakpoint
CREATE TRIGGER tasks_notify_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS tasks_before NEW TABLE AS tasks_after FOR EACH STATEMENT EXECUTE FUNCTION tasks_notify();--> statement-breakpoint
-- The bell's "override request decided", for the CSM who asked (not when
-- they decided it themselves).
CREATE FUNCTION tier_override_requests_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO notifications (user_id, kind, override_request_id)
  VALUES (NEW.requested_by, 'override_decided', NEW.id)
  ON CONFLICT (user_id, kind, override_request_id) WHERE override_request_id IS NOT NULL DO NOTHING;
  RETURN NULL;
END $fn$;--> statement-breakpoint
CREATE TRIGGER tier_override_requests_notify AFTER UPDATE OF status ON tier_override_requests FOR EACH ROW
  WHEN (OLD.status = 'pending' AND NEW.status <> 'pending' AND NEW.requested_by IS DISTINCT FROM NEW.decided_by)
  EXECUTE FUNCTION tier_override_requests_notify();
