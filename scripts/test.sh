#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine:
#  1. installs PostgreSQL 15 and Chromium from Debian's packages when missing (apt-get);
#  2. starts a throwaway PostgreSQL cluster on a free loopback port (removed afterwards);
#  3. builds the solution, publishes the product and checks the published folder on its own (both engines);
#  4. runs the test projects (the browser suite alongside the integration suite);
#  5. prints each step's and project's duration and the 10 slowest tests; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
START=$(date +%s)
STEPS=()
step_done() { STEPS+=("$(printf '%-34s %4ss' "$1" "$(( $(date +%s) - $2 ))")"); }

PG_BIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PG_BIN/initdb" ] || need+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  t=$(date +%s)
  echo "== Installing ${need[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  step_done "install ${need[*]}" "$t"
fi

# A free loopback port for the throwaway cluster.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo "$1"; }
PORT=$(free_port 55432)
# The throwaway cluster, the test databases (SQLite files, PostgreSQL copies) and the tests' files live in memory when
# the machine has a tmpfs with room: each test copies a demo database, and on a disk that I/O, not the tests, set the
# pace (a PostgreSQL copy took 0.9 s at the median on disk, 0.06 s in memory; docs/testing.md).
SCRATCH=/tmp
shm_free_mb=$(df -Pm /dev/shm 2>/dev/null | awk 'NR==2 {print $4}')
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "${shm_free_mb:-0}" -ge 4096 ]; then SCRATCH=/dev/shm; fi
PGDIR=$(mktemp -d "$SCRATCH/contactops-pg.XXXXXX")
WORK=$(mktemp -d "$SCRATCH/contactops-ci.XXXXXX")
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PGDIR"
  RUNAS=(runuser -u postgres --)
fi
SERVER_PID=""
BROWSER_PID=""
cleanup() {
  [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
  [ -z "$BROWSER_PID" ] || kill "$BROWSER_PID" 2>/dev/null || true
  "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR" "$WORK"
}
trap cleanup EXIT

t=$(date +%s)
echo "== Starting a throwaway PostgreSQL on 127.0.0.1:$PORT (data in $SCRATCH)"
"${RUNAS[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export CONTACTOPS_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
step_done "start PostgreSQL" "$t"

t=$(date +%s)
echo "== Building"
dotnet build ContactOps.slnx -c Release -nologo -clp:ErrorsOnly
step_done "build" "$t"

status=0

# The product as an operator deploys it: `dotnet publish`, then the published folder alone (the source tree's bin/
# folders moved away) migrates an empty SQLite file and an empty PostgreSQL database, serves, and is ready.
t=$(date +%s)
echo "== Checking the published folder"
OUT="$WORK/published"
dotnet publish src/ContactOps -c Release --no-build -o "$OUT" -nologo -clp:ErrorsOnly >/dev/null
mkdir -p "$WORK/src-bin"
for b in src/*/bin; do [ -d "$b" ] || continue; mv "$b" "$WORK/src-bin/$(basename "$(dirname "$b")")"; done
check_published() { # $1 = engine name, then env assignments for the server
  local engine=$1; shift
  local log="$WORK/published-$engine.log" port
  port=$(free_port 5098)
  if ! (cd "$WORK" && env "$@" dotnet "$OUT/ContactOps.dll" db migrate --json) >"$log" 2>&1; then
    echo "published folder ($engine): db migrate failed"; cat "$log"; return 1
  fi
  (cd "$WORK" && exec env "$@" Database__SeedDemoData=false dotnet "$OUT/ContactOps.dll" --urls "http://127.0.0.1:$port") >>"$log" 2>&1 &
  SERVER_PID=$!
  local code=000
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  if [ "$code" != 200 ]; then
    echo "published folder ($engine): /health/ready answered $code"; cat "$log"; return 1
  fi
  echo "published folder ($engine): migrated, served, /health/ready 200"
}
"$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE published_check" >/dev/null
check_published sqlite Database__Provider=sqlite "ConnectionStrings__Default=Data Source=$WORK/published.db" || status=1
check_published postgres Database__Provider=postgres "ConnectionStrings__Default=Host=127.0.0.1;Port=$PORT;Username=postgres;Database=published_check" || status=1
for b in "$WORK"/src-bin/*; do [ -d "$b" ] || continue; mv "$b" "src/$(basename "$b")/bin"; done
step_done "published-folder check" "$t"

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# Runs one test project; the full console log goes to a file, the terminal gets failures and the summary line.
run_tests() {
  local name=$1 t0 rc=0
  t0=$(date +%s)
  mkdir -p "$WORK/tmp-$name"
  TMPDIR="$WORK/tmp-$name" dotnet test "tests/$name/$name.csproj" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1 || rc=1
  echo "$(( $(date +%s) - t0 ))" > "$RESULTS/$name.seconds"
  return $rc
}
report_tests() {
  # Each failure with its error message (up to the stack trace), so a CI log says why without the artifacts.
  echo "== $1 ($(cat "$RESULTS/$1.seconds" 2>/dev/null || echo '?')s)"
  awk '/^[[:space:]]*Failed ContactOps\./ {show=1; n=0}
       show && /Stack Trace:/ {show=0}
       show && n < 14 {print; n++}
       /Passed!|Failed!|error [A-Z]+[0-9]+/ {print}' "$RESULTS/$1.log" || true
}

# The browser suite drives its own server (Kestrel, its own SQLite database) and mostly waits on the browser, so it
# runs alongside the integration suite, which shares nothing with it but the machine.
t=$(date +%s)
echo "== Testing (ContactOps.Tests and ContactOps.BrowserTests side by side)"
run_tests ContactOps.BrowserTests &
BROWSER_PID=$!
run_tests ContactOps.Tests || status=1
wait "$BROWSER_PID" || status=1
BROWSER_PID=""
step_done "tests" "$t"
for proj in tests/*/*.csproj; do report_tests "$(basename "$proj" .csproj)"; done

# Screenshots taken by the browser tests.
mkdir -p "$ROOT/artifacts/screenshots"
find tests -path '*/bin/Release/*/screenshots/*.png' -exec cp {} "$ROOT/artifacts/screenshots/" \; 2>/dev/null || true

step_done "total" "$START"
echo "== Durations"
printf '  %s\n' "${STEPS[@]}"
for proj in tests/*/*.csproj; do
  n=$(basename "$proj" .csproj); printf '  %-34s %4ss\n' "$n" "$(cat "$RESULTS/$n.seconds" 2>/dev/null || echo '?')"
done

# The ten slowest tests and one plain closing line for the whole suite (from the TRX files); no test run at all is a failure.
if command -v python3 >/dev/null 2>&1; then
python3 - "$RESULTS" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
durations = []
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    root = ET.parse(trx).getroot()
    for r in root.iter("{%s}UnitTestResult" % ns["t"]):
        h, m, sec = (r.get("duration") or "0:0:0").split(":")
        durations.append((int(h) * 3600 + int(m) * 60 + float(sec), r.get("testName")))
    c = root.find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)); s += int(c.get("notExecuted", 0))
print("== The 10 slowest tests")
for d, name in sorted(durations, reverse=True)[:10]:
    print(f"  {d:7.1f}s  {name}")
print(f"{p} passed, {f} failed, {s} skipped")
sys.exit(1 if p == 0 else 0)
PY
fi
exit $status
