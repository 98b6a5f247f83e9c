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
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

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
        -h|--help) print_help "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

need_java25_jar_curl

http_port="${HTTP_PORT:-18078}"
db_port="${DB_PORT:-15478}"
ws_port="${WS_PORT:-16078}"
auth_port="${AUTH_PORT:-11878}"
acct_port="${ACCT_PORT:-11879}"
base_url="http://127.0.0.1:$http_port"
need_free_ports "set HTTP_PORT/DB_PORT/WS_PORT" "$http_port" "$db_port" "$ws_port"
slug=scale
email="scale@wificore.test"
password="web-bench-password-8"
admin_email="admin@webbench.example"
admin_password="webbench-admin-password-8"

# ---------------------------------------------------------------- cleanup (lib.sh)
work=""; data=""; app_pid=""
cleanup_extra() { (( $1 == 0 )) || keep=1; }   # a failed run keeps its temp dir (logs)
trap_cleanup
make_work wificore-webbench
if [[ -n "$reuse" ]]; then mkdir -p "$reuse"; data="$(cd "$reuse" && pwd)"; else data="$work/data"; mkdir -m 755 "$data"; fi
cp "$jar" "$work/wificore.jar"
"$(jdk_tool javac)" -d "$work/gen" "$here/WebBench.java"

# the platform's environment besides what launch_platform (lib.sh) sets: data dir, DB and HTTP ports
platform_vars=(WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT=-1
    WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port"
    WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password")

echo "Web-app budgets: list endpoints at 1M radacct rows / 100k subscribers"
echo "  machine:   $(machine_info), load $(load)"
echo "  java:      $(java_version); user $(id -un)"
echo "  work dir:  $work; data: $data"

# ---------------------------------------------------------------- 1. seed
echo
echo "== 1. seed scale: $subscribers subscribers, $sessions sessions =="
if [[ -f "$data/.webbench-seeded" ]]; then
    echo "  reusing the tenant seeded in $data ($(cat "$data/.webbench-seeded"))"
else
    t0="$(now_ms)"
    env -u WIFICORE_DB_URL WIFICORE_DATA_DIR="$data" WIFICORE_DB_PORT="$db_port" WIFICORE_HTTP_PORT="$http_port" \
        "${platform_vars[@]}" "$java" -Djava.io.tmpdir="$work/tmp" -jar "$work/wificore.jar" seed scale --tenant "$slug" \
        --subscribers "$subscribers" --sessions "$sessions" --password "$password" --email "$email" \
        2>&1 | tee "$work/seed.log" | sed 's/^/  /'
    [[ "${PIPESTATUS[0]}" = 0 ]] || { echo "seed failed" >&2; exit 1; }
    seed_s=$(( ($(now_ms) - t0) / 1000 ))
    echo "  seed command: $seed_s s wall, JVM and database start-up included; load $(load)"
    echo "$subscribers subscribers, $sessions sessions, seeded in $seed_s s on $(date -u +%F)" >"$data/.webbench-seeded"
fi

# ---------------------------------------------------------------- 2. platform
t0="$(now_ms)"
# shellcheck disable=SC2086   # JAVA_OPTS: words
launch_platform "$work/platform.log" "${platform_vars[@]}" ${JAVA_OPTS:-} -jar "$work/wificore.jar"
wait_health "$base_url" "$work/platform.log" "$t0"
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
