#!/usr/bin/env bash
# Web-app budgets (issue 8): p50/p99 of every list endpoint the SPA uses, on a tenant holding 1,000,000 radacct
# rows and 100,000 subscribers; then (when the SPA is built) the dashboard's first render in headless Chromium.
#
#   bench/web/run.sh [--subscribers 100000] [--sessions 1000000] [--rounds 200] [--warmup 20] [--only REGEX]
#                    [--data DIR] [--keep]
#
# 1. seed: `java -jar wificore.jar seed scale` on a fresh temp data dir (embedded PostgreSQL): the tenant `scale`
#    opened through onboarding, its day partitions, then subscribers, RADIUS rows, sessions, auth log, payments
#    and vouchers by COPY (docs/seed.md). --data DIR seeds into DIR once and reuses it on the next run (the seed
#    takes minutes; the measurement does not change it).
# 2. start the platform jar on that data dir (HTTP 18078, DB 15478, WS 16078, RADIUS 11878/11879).
# 3. measure with bench/web/WebBench.java (JDK only): one client, one request at a time, endpoints round-robin,
#    --warmup calls each first, then --rounds timed calls each: p50/p99/max per endpoint, against 100 ms.
# 4. dashboard first render: bench/web/first-render.mjs with playwright-core and /usr/bin/chromium, only when the
#    SPA exists in this checkout (frontend/ with a build); otherwise printed as skipped.
# Prints the machine's load average next to the figures (2 shared cores: other builds make the p99 noisy).
# Environment (optional): JAR (default target/wificore.jar), JAVA (a Java 25 java), JAVA_OPTS, TMPDIR,
#   HTTP_PORT, DB_PORT, WS_PORT, AUTH_PORT, ACCT_PORT.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

subscribers=100000
sessions=1000000
rounds=200
warmup=20
only=""
reuse=""
keep="${KEEP:-0}"
while (( $# )); do
    case "$1" in
        --subscribers) subscribers="${2:?}"; shift ;;
        --sessions) sessions="${2:?}"; shift ;;
        --rounds) rounds="${2:?}"; shift ;;
        --warmup) warmup="${2:?}"; shift ;;
        --only) only="${2:?}"; shift ;;
        --data) reuse="${2:?}"; shift ;;
        --keep) keep=1 ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [[ -n "${JAVA:-}" ]]; then
    java="$JAVA"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else
    java=java
fi
"$java" -version 2>&1 | head -1 | grep -q '"2[5-9]' || { echo "need Java 25 (set JAVA)" >&2; exit 1; }
command -v curl >/dev/null || { echo "need curl" >&2; exit 1; }
jar="${JAR:-target/wificore.jar}"
[[ "$jar" = /* ]] || jar="$repo/$jar"
[[ -f "$jar" ]] || { echo "no $jar: build it first (mvn -B -q -o -DskipTests package)" >&2; exit 1; }

http_port="${HTTP_PORT:-18078}"
db_port="${DB_PORT:-15478}"
ws_port="${WS_PORT:-16078}"
auth_port="${AUTH_PORT:-11878}"
acct_port="${ACCT_PORT:-11879}"
base_url="http://127.0.0.1:$http_port"
for p in "$http_port" "$db_port" "$ws_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use (set HTTP_PORT/DB_PORT/WS_PORT)" >&2; exit 1; fi
done
slug=scale
email="scale@wificore.test"
password="web-bench-password-8"
admin_email="admin@webbench.example"
admin_password="webbench-admin-password-8"

# ---------------------------------------------------------------- cleanup
work=""; data=""; app_pid=""
stop_pid() {   # $1 pid, $2 name, $3 seconds
    local pid="$1" waited=0
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( waited < ${3:-30} * 10 )); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
        echo "$2 (pid $pid) did not stop; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    set +e
    stop_pid "$app_pid" platform 60
    local pidfile="$data/postgres/cluster/postmaster.pid" pg_pid
    if [[ -n "$data" && -f "$pidfile" ]]; then   # a database server left behind by a killed platform
        pg_pid="$(head -1 "$pidfile")"
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
            kill -INT "$pg_pid" 2>/dev/null; sleep 2
        fi
    fi
    if [[ -n "$work" ]]; then
        if (( keep )) || (( rc != 0 )); then echo "kept $work" >&2; else rm -rf "$work"; fi
    fi
    exit "$rc"
}
trap cleanup EXIT INT TERM

work="$(mktemp -d "${TMPDIR:-/tmp}/wificore-webbench.XXXXXX")"
chmod 755 "$work"
if [[ -n "$reuse" ]]; then mkdir -p "$reuse"; data="$(cd "$reuse" && pwd)"; else data="$work/data"; mkdir -m 755 "$data"; fi
mkdir -p "$work/tmp"
cp "$jar" "$work/wificore.jar"
"$(dirname "$(readlink -f "$java")")/javac" -d "$work/gen" "$here/WebBench.java"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
platform_env=(env -u WIFICORE_DB_URL WIFICORE_DATA_DIR="$data" WIFICORE_DB_PORT="$db_port" WIFICORE_HTTP_PORT="$http_port"
    WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT=-1
    WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port"
    WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password")

echo "Web-app budgets: list endpoints at 1M radacct rows / 100k subscribers"
echo "  machine:   $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr), load $(load)"
echo "  java:      $("$java" -version 2>&1 | head -1); user $(id -un)"
echo "  work dir:  $work; data: $data"

# ---------------------------------------------------------------- 1. seed
echo
echo "== 1. seed scale: $subscribers subscribers, $sessions sessions =="
if [[ -f "$data/.webbench-seeded" ]]; then
    echo "  reusing the tenant seeded in $data ($(cat "$data/.webbench-seeded"))"
else
    t0="$(now_ms)"
    "${platform_env[@]}" "$java" -Djava.io.tmpdir="$work/tmp" -jar "$work/wificore.jar" seed scale --tenant "$slug" \
        --subscribers "$subscribers" --sessions "$sessions" --password "$password" --email "$email" \
        2>&1 | tee "$work/seed.log" | sed 's/^/  /'
    [[ "${PIPESTATUS[0]}" = 0 ]] || { echo "seed failed" >&2; exit 1; }
    seed_s=$(( ($(now_ms) - t0) / 1000 ))
    echo "  seed command: $seed_s s wall, JVM and database start-up included; load $(load)"
    echo "$subscribers subscribers, $sessions sessions, seeded in $seed_s s on $(date -u +%F)" >"$data/.webbench-seeded"
fi

# ---------------------------------------------------------------- 2. platform
t0="$(now_ms)"
"${platform_env[@]}" "$java" -Djava.io.tmpdir="$work/tmp" ${JAVA_OPTS:-} -jar "$work/wificore.jar" >"$work/platform.log" 2>&1 &
app_pid=$!
while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/health" || true)"
    [[ "$code" = 200 ]] && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
        echo "platform exited during start-up; last log lines ($work/platform.log):" >&2; tail -20 "$work/platform.log" >&2; exit 1
    fi
    (( $(now_ms) - t0 < 300000 )) || { echo "no /health 200 within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo
echo "== 2. platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid; HTTP $http_port, DB $db_port) =="

# ---------------------------------------------------------------- 3. list endpoints
echo
echo "== 3. list endpoints: $warmup warm-up + $rounds timed calls each, one at a time =="
load_before="$(load)"
"$java" -XX:+UseSerialGC -cp "$work/gen" WebBench --url "$base_url" --email "$email" --password "$password" \
    --admin-email "$admin_email" --admin-password "$admin_password" --tenant "$slug" --rounds "$rounds" \
    --warmup "$warmup" --out "$work/endpoints.csv" ${only:+--only "$only"} | tee "$work/endpoints.txt" | sed 's/^/  /'
echo "  load before: $load_before, after: $(load)"

# ---------------------------------------------------------------- 4. dashboard first render
echo
echo "== 4. dashboard first render (headless Chromium) =="
render="skipped"
if [[ -f "$repo/frontend/package.json" && -d "$repo/frontend/node_modules/playwright-core" ]] && command -v node >/dev/null \
        && [[ -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
    # HOOK: the SPA is in this checkout: sign in through the API, open /, wait for the dashboard (first-render.mjs)
    render="$(NODE_PATH="$repo/frontend/node_modules" node "$here/first-render.mjs" --url "$base_url" --email "$email" \
        --password "$password" --runs 5 2>"$work/render.err" | tail -1)" || render="failed: $(tail -3 "$work/render.err")"
    echo "  $render"
else
    echo "  skipped: the SPA (frontend/ with playwright-core installed) is not in this checkout"
fi

# ---------------------------------------------------------------- summary
echo
echo "================ summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, user $(id -un), load $(load)) ================"
grep '^RESULT' "$work/endpoints.txt" | sed 's/^RESULT /list endpoints (p99 budget 100 ms): /'
echo "dashboard first render (budget 1.5 s): $render"
errs="$(grep -cE ' ERROR ' "$work/platform.log" || true)"
echo "platform log: $errs ERROR lines"
