# shellcheck shell=bash
# Interop with real Locust, sourced by .ci/run after `npm ci`:
#
#   source .ci/locust.sh && run_locust_interop
#
# Installs Debian's python3-locust, starts the reference album service on 127.0.0.1, runs
# lib/load/locust/locustfile.py headless in distributed mode (one master, two workers) for
# a few seconds, checks its _stats.csv (zero failures, GET /albums : GET /albums/:id :
# POST /albums within ±5 points of 3 : 2 : 1, or 4 binomial standard deviations), then runs our tool on the same service, prints
# both side by side and checks that both tools' CSV files have Locust 2.12.1's format. Every process it starts is stopped, whatever happens.

_LOCUST_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The function body is a subshell: its options, traps and cd stay inside.
run_locust_interop() (
  set -euo pipefail
  cd "$_LOCUST_REPO"
  local users="${LOCUST_USERS:-20}" run_time="${LOCUST_RUN_TIME:-5s}"
  local dir=out/locust-interop
  local pids=()

  cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  }
  trap cleanup EXIT

  if ! command -v locust >/dev/null; then
    local sudo=''
    [ "$(id -u)" = 0 ] || sudo=sudo
    # A fresh machine's package lists may be empty: refresh them before asking.
    $sudo apt-get update -qq
    local policy
    policy="$(apt-cache policy python3-locust)"
    if [[ "$policy" != *"Candidate: "[0-9]* ]]; then
      echo "python3-locust is not in this system's APT sources; install Locust from PyPI" \
        "(python3 -m pip install locust) and run again." >&2
      return 1
    fi
    echo "Installing Debian's python3-locust…"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-locust >/dev/null
  fi
  # Locust's own interpreter, and the version its package manager installed (see run_locust.py).
  local python
  python="$(sed -n '1s/^#! *//p' "$(command -v locust)")"
  export LOCUST_VERSION
  LOCUST_VERSION="$(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null | sed 's/-[^-]*$//' || true)"
  locust_run() { timeout 90 $python lib/load/locust/run_locust.py "$@"; }
  locust_run --version

  rm -rf "$dir" && mkdir -p "$dir"
  node --import tsx scripts/serve.ts --port 0 >"$dir/serve.log" 2>&1 &
  pids+=($!)
  local host='' _
  for _ in $(seq 1 150); do
    host="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$dir/serve.log" | head -n 1 || true)"
    [ -n "$host" ] && break
    sleep 0.2
  done
  if [ -z "$host" ]; then
    echo 'the album service did not start:' >&2
    cat "$dir/serve.log" >&2
    return 1
  fi
  echo "Album service (reference, memory store) at $host"

  local master_port
  master_port="$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  local locustfile=lib/load/locust/locustfile.py
  echo "Locust: 1 master + 2 workers, $users users, $run_time…"
  locust_run -f "$locustfile" --headless --master --master-bind-host 127.0.0.1 \
    --master-bind-port "$master_port" --expect-workers 2 --expect-workers-max-wait 30 \
    -u "$users" -r "$users" \
    -t "$run_time" --host "$host" --csv "$dir/locust" --csv-full-history --only-summary albums \
    >"$dir/master.log" 2>&1 &
  local master=$!
  pids+=("$master")
  local i
  for i in 1 2; do
    locust_run -f "$locustfile" --worker --master-host 127.0.0.1 \
      --master-port "$master_port" >"$dir/worker$i.log" 2>&1 &
    pids+=($!)
  done
  local locust_status=0
  wait "$master" || locust_status=$?
  cat "$dir/master.log"
  if [ ! -f "$dir/locust_stats.csv" ]; then
    echo "Locust wrote no _stats.csv (exit $locust_status)" >&2
    return 1
  fi

  echo
  echo "Our tool: $users users, $run_time, same service…"
  timeout 60 node --import tsx scripts/load.ts --host "$host" -u "$users" -r "$users" \
    -t "$run_time" --csv "$dir/ours" --csv-full-history

  # Format, not values: both sets of CSV files against Locust 2.12.1's schema.
  node --import tsx scripts/compare-locust-csv.ts "$dir/locust" "$dir/ours"

  python3 - "$dir/locust_stats.csv" "$dir/ours_stats.csv" <<'PY'
import csv, sys

MIX = {"GET /albums": 3 / 6, "GET /albums/:id": 2 / 6, "POST /albums": 1 / 6}
TOLERANCE = 0.05

def tolerance(p, n):
    # Locust draws each task at random (unseeded): a 5 s run of ~650 requests lands 3 standard
    # deviations (about 6 points) off the mix now and then. Allow 5 points or 4 binomial
    # standard deviations of this run's count, whichever is larger.
    return max(TOLERANCE, 4 * (p * (1 - p) / n) ** 0.5) if n else TOLERANCE

def rows(path):
    with open(path, newline="") as f:
        return {f"{r['Type']} {r['Name']}".strip(): r for r in csv.DictReader(f)}

locust, ours = rows(sys.argv[1]), rows(sys.argv[2])
problems = []

def share(stats, name):
    total = int(stats.get("Aggregated", {}).get("Request Count", 0))
    return int(stats[name]["Request Count"]) / total if total else 0.0

print(f"\n{'':17}{'Locust':>44} | {'ours':>44}")
head = f"{'# reqs':>8} {'fails':>6} {'share':>7} {'median':>7} {'p95':>6} {'req/s':>7}"
print(f"{'Name':17}{head} | {head}")
for name in [*MIX, "Aggregated"]:
    cells = []
    for stats in (locust, ours):
        r = stats.get(name)
        if r is None:
            cells.append(f"{'missing':>44}")
            continue
        cells.append(
            f"{r['Request Count']:>8} {r['Failure Count']:>6} {share(stats, name):>7.1%} "
            f"{float(r['Median Response Time']):>7.1f} {float(r['95%']):>6.1f} "
            f"{float(r['Requests/s']):>7.1f}"
        )
    print(f"{name:17}{cells[0]} | {cells[1]}")

if "Aggregated" not in locust or int(locust["Aggregated"]["Request Count"]) == 0:
    problems.append("Locust made no requests")
else:
    failures = int(locust["Aggregated"]["Failure Count"])
    if failures:
        problems.append(f"Locust counted {failures} failures (expected 0)")
    for name, expected in MIX.items():
        if name not in locust:
            problems.append(f"Locust made no {name} requests")
        else:
            allowed = tolerance(expected, int(locust["Aggregated"]["Request Count"]))
            if abs(share(locust, name) - expected) > allowed:
                problems.append(
                    f"{name}: {share(locust, name):.1%} of Locust's requests, expected "
                    f"{expected:.1%} ± {allowed:.1%}"
                )
if problems:
    print("\nLocust interop FAILED:\n  " + "\n  ".join(problems))
    sys.exit(1)
print("\nLocust interop ok: zero failures, the 3 : 2 : 1 mix within ±5 points (or 4 standard deviations).")
PY
)
