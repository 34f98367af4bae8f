-- Re-tiering rewrites nearly every account (each reason names the threshold
-- in force). Half of each page left free lets those updates stay on the same
-- page without touching the indexes (HOT updates), and lets the dead row
-- versions be reclaimed at once instead of bloating the table by another
-- copy per policy change. drizzle cannot declare a table's fillfactor, so it
-- lives here.
ALTER TABLE "accounts" SET (fillfactor = 50);
