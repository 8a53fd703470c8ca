# A throwaway PostgreSQL server for the album store specs. Meant to be sourced:
#
#   source .ci/postgres.sh
#   start_postgres            # installs Debian's server if missing, exports DATABASE_URL
#   trap stop_postgres EXIT
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 only (trust
# authentication, no Unix socket outside that directory) on a free port, and is
# deleted by stop_postgres.

POSTGRES_LIB="${POSTGRES_LIB:-/usr/lib/postgresql}"

# The newest installed server's bin directory, or nothing. Never fails (set -e callers).
_postgres_bin() {
  local dir found=''
  for dir in $(printf '%s\n' "$POSTGRES_LIB"/*/bin | sort -V); do
    if [ -x "$dir/initdb" ]; then found="$dir"; fi
  done
  printf '%s\n' "$found"
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
_as_postgres_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local bin port
  bin="$(_postgres_bin)"
  if [ -z "$bin" ]; then
    echo "postgres: installing Debian's postgresql server"
    # Only the binaries: no default cluster started on port 5432.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      mkdir -p /etc/postgresql-common
      echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin="$(_postgres_bin)"
  fi
  if [ -z "$bin" ]; then
    echo "postgres: no server binaries under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi

  POSTGRES_TMP="$(mktemp -d -t katas-postgres.XXXXXX)"
  export POSTGRES_TMP
  chmod 755 "$POSTGRES_TMP"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$POSTGRES_TMP"; fi
  port="$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

  _as_postgres_owner "$bin/initdb" --pgdata="$POSTGRES_TMP/data" --username=postgres \
    --auth=trust --encoding=UTF8 --no-locale >"$POSTGRES_TMP/initdb.log" 2>&1 || {
    cat "$POSTGRES_TMP/initdb.log" >&2
    return 1
  }
  # Throwaway data: no fsync. Loopback only; the socket stays inside the temp directory.
  _as_postgres_owner "$bin/pg_ctl" --pgdata="$POSTGRES_TMP/data" --wait --timeout=60 \
    --log="$POSTGRES_TMP/server.log" \
    --options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$POSTGRES_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || {
    cat "$POSTGRES_TMP/server.log" >&2
    return 1
  }
  _as_postgres_owner "$bin/createdb" --host=127.0.0.1 --port="$port" --username=postgres albums

  export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/albums"
  echo "postgres: $("$bin/postgres" --version) listening on 127.0.0.1:$port (DATABASE_URL=$DATABASE_URL)"
}

stop_postgres() {
  local bin
  bin="$(_postgres_bin)"
  if [ -n "${POSTGRES_TMP:-}" ] && [ -d "$POSTGRES_TMP" ]; then
    if [ -n "$bin" ] && [ -f "$POSTGRES_TMP/data/postmaster.pid" ]; then
      _as_postgres_owner "$bin/pg_ctl" --pgdata="$POSTGRES_TMP/data" --mode=fast --wait stop >/dev/null || true
    fi
    rm -rf "$POSTGRES_TMP"
    echo "postgres: stopped, data removed"
  fi
  unset POSTGRES_TMP DATABASE_URL
}
