/**
 * The bulk snapshots as the public reads them: they are made from the disclosure projection only, and
 * a withholding drops every one made before it (migration 0028), so all that are kept are public.
 */
export function snapshotViews(): string[] {
  return [
    "CREATE VIEW disclosure.open_data_snapshots AS SELECT s.id, s.name, s.built_at, s.manifest, s.byte_size, s.sha256 FROM public.open_data_snapshots s",
    "CREATE VIEW disclosure.open_data_snapshot_chunks AS SELECT c.snapshot_id, c.seq, c.data FROM public.open_data_snapshot_chunks c",
  ];
}
