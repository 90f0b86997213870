#!/usr/bin/env bash
# `npm run test:postgres` (issue 15): the SQL target's differential test against a real
# PostgreSQL. Installs Debian's `postgresql` when no server binaries are found, starts a
# throwaway cluster in a temporary folder on a free local port as an unprivileged user, runs
# test/sql/postgres-differential.ts against it, and stops and deletes it whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

if ! BIN=$(bindir); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-postgres: PostgreSQL is not installed; run as root or: apt-get install postgresql" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN=$(bindir)
fi

# The server refuses to run as root: run it as `postgres` (Debian's package creates the user).
RUN=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN=(runuser -u postgres --)
fi

DIR=$(mktemp -d /tmp/sla-pg-XXXXXX)
chmod 755 "$DIR"
[[ ${#RUN[@]} -gt 0 ]] && chown postgres "$DIR"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U sla --auth=trust >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null

echo "test-postgres: $("$BIN/postgres" --version), port $PORT"
SLA_PG_URL="postgres://sla@127.0.0.1:$PORT/postgres" npx tsx test/sql/postgres-differential.ts "$@"
