# Throwaway PostgreSQL clusters. Meant to be sourced:
#
#   source .ci/postgres.sh
#   start_postgres            # installs Debian's server if missing, exports DATABASE_URL
#   trap stop_postgres EXIT
#
# start_postgres runs the shared cluster of the album store specs. The lower-level
# functions (postgres_cluster_*) are what the fault specs call, through
# tests/support/postgres-cluster.ts, for clusters of their own that they stop, freeze and kill:
#
#   postgres_cluster_init DIR [NAME=VALUE…]   # initdb in DIR/data, settings written to its config
#   postgres_cluster_start DIR                # start (again) on the same port; prints DATABASE_URL
#   postgres_cluster_stop DIR [MODE]          # pg_ctl stop, fast by default
#   postgres_cluster_signal DIR SIGNAL        # the postmaster and every child (STOP, CONT, KILL)
#   postgres_cluster_remove DIR               # stop if running, delete DIR
#
# A cluster listens on 127.0.0.1 only (trust authentication; its Unix socket inside DIR) on a
# free port chosen at init, and keeps that port across restarts.

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

_postgres_bin_or_fail() {
  local bin
  bin="$(_postgres_bin)"
  if [ -z "$bin" ]; then
    echo "postgres: no server binaries under $POSTGRES_LIB/*/bin" >&2
    return 1
  fi
  printf '%s\n' "$bin"
}

# Installs Debian's server binaries (no default cluster) unless some version is there.
install_postgres() {
  if [ -n "$(_postgres_bin)" ]; then return 0; fi
  echo "postgres: installing Debian's postgresql server"
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

postgres_cluster_init() {
  local dir="$1" bin port setting
  shift
  bin="$(_postgres_bin_or_fail)" || return 1
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  port="$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  _as_postgres_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres \
    --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  # Loopback only; the socket stays inside DIR. Later settings override earlier ones.
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$dir'"
    for setting in "$@"; do echo "${setting%%=*} = '${setting#*=}'"; done
  } | _as_postgres_owner tee -a "$dir/data/postgresql.conf" >/dev/null
}

postgres_cluster_start() {
  local dir="$1" bin
  bin="$(_postgres_bin_or_fail)" || return 1
  _as_postgres_owner "$bin/pg_ctl" --pgdata="$dir/data" --wait --timeout=60 \
    --log="$dir/server.log" start >/dev/null || {
    cat "$dir/server.log" >&2
    return 1
  }
  printf 'postgresql://postgres@127.0.0.1:%s/postgres\n' "$(postgres_cluster_port "$dir")"
}

postgres_cluster_port() {
  sed -n 's/^port = //p' "$1/data/postgresql.conf" | tail -n 1
}

postgres_cluster_stop() {
  local dir="$1" mode="${2:-fast}" bin
  bin="$(_postgres_bin_or_fail)" || return 1
  if [ -f "$dir/data/postmaster.pid" ]; then
    _as_postgres_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode="$mode" --wait stop >/dev/null
  fi
}

# The postmaster's pid, then its children's (the backends and helpers).
postgres_cluster_pids() {
  local dir="$1" postmaster
  postmaster="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)" || return 1
  printf '%s\n' "$postmaster"
  pgrep -P "$postmaster" || true
}

postgres_cluster_signal() {
  local dir="$1" signal="$2" pids pid _
  pids="$(postgres_cluster_pids "$dir")" || return 1
  # shellcheck disable=SC2086 # one pid per word
  kill -s "$signal" $pids
  if [ "$signal" = KILL ]; then
    # Killed processes linger for a moment; a start before they are gone finds the port taken.
    for _ in $(seq 1 100); do
      for pid in $pids; do [ -d "/proc/$pid" ] && break; pid=''; done
      [ -z "$pid" ] && return 0
      sleep 0.1
    done
  fi
}

postgres_cluster_remove() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  # A frozen cluster cannot stop: thaw it first; a killed one leaves a stale pid file.
  postgres_cluster_signal "$dir" CONT 2>/dev/null || true
  postgres_cluster_stop "$dir" immediate 2>/dev/null || true
  rm -rf "$dir"
}

start_postgres() {
  local url
  install_postgres
  POSTGRES_TMP="$(mktemp -d -t katas-postgres.XXXXXX)"
  export POSTGRES_TMP
  # Throwaway data: no fsync, no waiting for the WAL (acknowledged commits may be lost in a
  # crash by design; the fault specs run their own cluster with synchronous_commit on).
  postgres_cluster_init "$POSTGRES_TMP" fsync=off synchronous_commit=off \
    full_page_writes=off max_connections=200 || return 1
  url="$(postgres_cluster_start "$POSTGRES_TMP")" || return 1
  _as_postgres_owner "$(_postgres_bin)/createdb" --host=127.0.0.1 \
    --port="$(postgres_cluster_port "$POSTGRES_TMP")" --username=postgres albums

  export DATABASE_URL="${url%/postgres}/albums"
  echo "postgres: $("$(_postgres_bin)/postgres" --version) at 127.0.0.1 (DATABASE_URL=$DATABASE_URL)"
}

stop_postgres() {
  if [ -n "${POSTGRES_TMP:-}" ] && [ -d "$POSTGRES_TMP" ]; then
    postgres_cluster_remove "$POSTGRES_TMP"
    echo "postgres: stopped, data removed"
  fi
  unset POSTGRES_TMP DATABASE_URL
}
