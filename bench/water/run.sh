#!/usr/bin/env bash
# Water benchmark (issue 7): signed batch ingest (dispenses/s) and single-authorize latency.
#
#   bench/water/run.sh [--seconds 30] [--clients 4] [--batch 1000] [--dup-share 0.1] [--authorize 5000] [--keep]
#
# Starts the packaged jar on a fresh temp data dir (embedded PostgreSQL, non-default ports),
# registers a tenant with 4 dispensers (KES 2.00 a litre) and 500 customers holding a large cash
# balance, then with bench/water/WaterBench.java (JDK only):
#   1. ingest: --clients closed-loop clients (one dispenser each) upload signed batches of --batch
#      dispenses (1.5 l, KES 3.00, a random customer) for --seconds; each batch after the first
#      repeats --dup-share of the previous batch's items, which the ledger must recognise as
#      already booked. Figures: dispenses booked per second (fresh, with idempotency on), items
#      sent per second, batch round trip p50/p99.
#   2. authorize: --authorize signed single authorize requests (after 500 warm-up ones), one
#      client, then 4 concurrent clients: p50/p90/p99/max.
#   3. check: the dispenses the dispensers-daily report counts = the dispenses booked.
# Prints a summary with the load average and the CPU used by the platform JVM and PostgreSQL.
# Environment (optional): JAR (default target/wificore.jar), JAVA (a Java 25 java), JAVA_OPTS,
#   TMPDIR, HTTP_PORT (18076), DB_PORT (15476), WS_PORT (16076), AUTH_PORT (11816), ACCT_PORT (11817).
# --pg-stats restarts the platform once with pg_stat_statements loaded (needs psql) and prints the
#   statements of the measured ingest run by total execution time, per item sent.
# Runs as root or as an ordinary user; needs Java 25 and curl. About 2 minutes on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"
seconds=30; clients=4; batch=1000; dup_share=0.1; authorize_n=5000; keep="${KEEP:-0}"; pg_stats=0
while (( $# )); do
    case "$1" in
        --seconds) seconds="${2:?}"; shift ;;
        --clients) clients="${2:?}"; shift ;;
        --batch) batch="${2:?}"; shift ;;
        --dup-share) dup_share="${2:?}"; shift ;;
        --authorize) authorize_n="${2:?}"; shift ;;
        --keep) keep=1 ;;
        --pg-stats) pg_stats=1 ;;
        -h|--help) print_help "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

need_java25_jar_curl

http_port="${HTTP_PORT:-18076}"; db_port="${DB_PORT:-15476}"; ws_port="${WS_PORT:-16076}"
auth_port="${AUTH_PORT:-11816}"; acct_port="${ACCT_PORT:-11817}"
base_url="http://127.0.0.1:$http_port"
need_free_ports "set HTTP_PORT/DB_PORT/WS_PORT" "$http_port" "$db_port" "$ws_port"

work=""; data=""; app_pid=""
trap_cleanup   # lib.sh: stops the platform (and a PostgreSQL left behind), removes $work
make_work wcwater
data="$work/data"
mkdir -m 755 "$data"
cp "$jar" "$work/wificore.jar"
"$(jdk_tool javac)" -d "$work/gen" "$here/WaterBench.java"

gen() {   # runs a WaterBench mode; prints its RESULT line (without "RESULT ")
    result_line "WaterBench $1" "$work/gen.err" "$java" -XX:+UseSerialGC -cp "$work/gen" WaterBench "$@" --url "$base_url"
}
hz="$(getconf CLK_TCK)"

echo "Water benchmark: signed batch ingest and authorize latency"
echo "  machine:   $(machine_info), load $(load)"
echo "  java:      $(java_version); user $(id -un)"
start_platform() {
    local t0; t0="$(now_ms)"
    # shellcheck disable=SC2086   # JAVA_OPTS: words
    launch_platform "$work/platform.log" WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT=-1 \
        WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port" \
        WIFICORE_ADMIN_EMAIL="admin@waterbench.example" WIFICORE_ADMIN_PASSWORD="waterbench-admin-password-1" \
        ${JAVA_OPTS:-} -jar "$work/wificore.jar"
    wait_health "$base_url" "$work/platform.log" "$t0"
    echo "  platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid; HTTP $http_port, DB $db_port)"
}
pg_super() {   # a statement as the embedded cluster's superuser (its generated password is in the data dir)
    PGPASSWORD="$(pg_super_pw)" \
        psql -X -q -A -F ' | ' -h 127.0.0.1 -p "$db_port" -U postgres -d wificore -c "$1"
}
start_platform
if [[ "$pg_stats" = 1 ]]; then
    pg_super "alter system set shared_preload_libraries = 'pg_stat_statements'"
    stop_platform
    start_platform
    pg_super "create extension if not exists pg_stat_statements"
fi

res="$(gen setup --slug waterbench --dispensers 4 --customers 500 --out "$work/customers.txt")"
token="$(val "$res" token)"; devices="$(val "$res" devices)"
echo "  tenant waterbench: 4 dispensers, 500 customers"

echo
echo "== 1. ingest: $clients clients, batches of $batch, $dup_share repeated, $seconds s =="
# a short warm-up (JIT, connection pool), then the measured run
gen ingest --devices "$devices" --customers "$work/customers.txt" --clients "$clients" --batch "$batch" \
    --dup-share "$dup_share" --seconds 5 >/dev/null
booked_warm="$(val "$(gen count --token "$token")" booked)"
load_ingest="$(load)"
[[ "$pg_stats" = 1 ]] && pg_super "select pg_stat_statements_reset()" >/dev/null
j0="$(self_jiffies "$app_pid")"; p0="$(tree_jiffies "$(pg_pid)")"
ing="$(gen ingest --devices "$devices" --customers "$work/customers.txt" --clients "$clients" --batch "$batch" \
    --dup-share "$dup_share" --seconds "$seconds" --seq-from 100000000000)"
j1="$(self_jiffies "$app_pid")"; p1="$(tree_jiffies "$(pg_pid)")"
secs="$(val "$ing" seconds)"
cpu="$(awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "jvm %.2f cores, postgres %.2f cores", j / hz / s, p / hz / s }')"
# CPU per item sent (repeats included): what bounds throughput on a machine with few cores
per_item="$(awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$hz" -v c="$(val "$ing" client_cpu_s)" -v n="$(val "$ing" sent)" \
    'BEGIN { n = n > 0 ? n : 1; printf "CPU per item sent: postgres %.0f us, jvm %.0f us, bench client %.0f us", p / hz / n * 1e6, j / hz / n * 1e6, c / n * 1e6 }')"
echo "  $ing"
echo "  CPU: $cpu; load before $load_ingest, after $(load)"
echo "  $per_item"
if [[ "$pg_stats" = 1 ]]; then
    echo "  pg_stat_statements of the measured run (execution time, lock waits included; per item sent):"
    pg_super "select round(total_exec_time::numeric * 1000 / $(val "$ing" sent), 1) as us_per_item, calls,
                     round(mean_exec_time::numeric, 2) as mean_ms, rows,
                     shared_blks_hit + shared_blks_read as blks, wal_records, wal_fpi,
                     regexp_replace(left(query, 110), '\s+', ' ', 'g') as query
              from pg_stat_statements order by total_exec_time desc limit 14" | sed 's/^/    /'
fi

echo
echo "== 2. authorize: $authorize_n requests =="
load_auth="$(load)"
auth1="$(gen authorize --devices "$devices" --customers "$work/customers.txt" --clients 1 --count "$authorize_n")"
echo "  1 client:  $auth1"
auth4="$(gen authorize --devices "$devices" --customers "$work/customers.txt" --clients 4 --count "$authorize_n")"
echo "  4 clients: $auth4"

echo
echo "== 3. check =="
booked="$(val "$(gen count --token "$token")" booked)"
expected=$(( booked_warm + $(val "$ing" booked) ))
errs="$(grep -cE ' ERROR ' "$work/platform.log" || true)"
ok=1; [[ "$booked" = "$expected" && "$(val "$ing" errors)" = 0 ]] || ok=0
echo "  dispensers-daily counts $booked dispenses; the generator saw $expected booked; upload errors $(val "$ing" errors); platform log: $errs ERROR lines"

echo
echo "================ summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, user $(id -un)) ================"
printf 'ingest: %s dispenses/s booked (%s items/s sent incl. %s repeats; %s clients, batches of %s, %s s; batch p50 %s ms, p99 %s ms; %s; load %s) (target >= 20000/s)\n' \
    "$(val "$ing" dispenses_per_s)" "$(val "$ing" items_per_s)" "$dup_share" "$clients" "$batch" "$secs" \
    "$(val "$ing" batch_p50_ms)" "$(val "$ing" batch_p99_ms)" "$cpu" "$load_ingest"
echo "ingest $per_item"
printf 'authorize, 1 client:  p50 %s ms, p90 %s ms, p99 %s ms, max %s ms, %s/s (target p99 < 20 ms; load %s)\n' \
    "$(val "$auth1" p50_ms)" "$(val "$auth1" p90_ms)" "$(val "$auth1" p99_ms)" "$(val "$auth1" max_ms)" "$(val "$auth1" per_s)" "$load_auth"
printf 'authorize, 4 clients: p50 %s ms, p90 %s ms, p99 %s ms, max %s ms, %s/s\n' \
    "$(val "$auth4" p50_ms)" "$(val "$auth4" p90_ms)" "$(val "$auth4" p99_ms)" "$(val "$auth4" max_ms)" "$(val "$auth4" per_s)"
echo "booked exactly once: $( (( ok )) && echo yes || echo NO )"
(( ok ))
