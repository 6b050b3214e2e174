-- The one row of the disclosure epoch (src/public-cache/disclosure-epoch.table.ts). Its functions and
-- triggers are part of the projection (src/public-cache/epoch.sql.ts), rebuilt at every migration run.
INSERT INTO "shared_state"."disclosure_epoch" ("only", "epoch") VALUES (true, 1) ON CONFLICT DO NOTHING;
