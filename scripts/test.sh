#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine:
#  1. installs PostgreSQL 15 and Chromium from Debian's packages when missing (apt-get);
#  2. starts a throwaway PostgreSQL cluster on a free loopback port (removed afterwards);
#  3. builds and runs every test project; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PG_BIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PG_BIN/initdb" ] || need+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "== Installing ${need[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A free loopback port for the throwaway cluster.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
PGDIR=$(mktemp -d /tmp/contactops-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PGDIR"
  RUNAS=(runuser -u postgres --)
fi
cleanup() {
  "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

echo "== Starting a throwaway PostgreSQL on 127.0.0.1:$PORT"
"${RUNAS[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export CONTACTOPS_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

echo "== Building"
dotnet build ContactOps.slnx -c Release -nologo -clp:ErrorsOnly

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== Testing $name"
  # The full console log goes to a file; the terminal gets failures and the summary line.
  if dotnet test "$proj" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1; then
    :
  else
    status=1
  fi
  # Each failure with its error message (up to the stack trace), so a CI log says why without the artifacts.
  awk '/^[[:space:]]*Failed ContactOps\./ {show=1; n=0}
       show && /Stack Trace:/ {show=0}
       show && n < 14 {print; n++}
       /Passed!|Failed!|error [A-Z]+[0-9]+/ {print}' "$RESULTS/$name.log" || true
done

# Screenshots taken by the browser tests.
mkdir -p "$ROOT/artifacts/screenshots"
find tests -path '*/bin/Release/*/screenshots/*.png' -exec cp {} "$ROOT/artifacts/screenshots/" \; 2>/dev/null || true

# One plain closing line for the whole suite (from the TRX files); no test run at all is a failure.
if command -v python3 >/dev/null 2>&1; then
python3 - "$RESULTS" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)); s += int(c.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
sys.exit(1 if p == 0 else 0)
PY
fi
exit $status
