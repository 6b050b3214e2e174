#!/usr/bin/env bash
# A streaming read replica: copied from the primary on first start (pg_basebackup -R writes the
# standby settings), then started as a hot standby that follows the primary.
set -euo pipefail
data=/var/lib/postgresql/data
if [ ! -s "$data/PG_VERSION" ]; then
  until pg_isready -h primary -U replicator -q; do sleep 1; done
  pg_basebackup -h primary -U replicator -D "$data" -R -X stream --checkpoint=fast
  chmod 700 "$data"
fi
exec postgres -D "$data" -c hot_standby=on
