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
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [[ -n "${JAVA:-}" ]]; then java="$JAVA"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else java=java; fi
"$java" -version 2>&1 | head -1 | grep -q '"2[5-9]' || { echo "need Java 25 (set JAVA)" >&2; exit 1; }
command -v curl >/dev/null || { echo "need curl" >&2; exit 1; }
jar="${JAR:-target/wificore.jar}"
[[ "$jar" = /* ]] || jar="$repo/$jar"
[[ -f "$jar" ]] || { echo "no $jar: build it first (mvn -B -q -o -DskipTests package)" >&2; exit 1; }

http_port="${HTTP_PORT:-18076}"; db_port="${DB_PORT:-15476}"; ws_port="${WS_PORT:-16076}"
auth_port="${AUTH_PORT:-11816}"; acct_port="${ACCT_PORT:-11817}"
base_url="http://127.0.0.1:$http_port"
for p in "$http_port" "$db_port" "$ws_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use (set HTTP_PORT/DB_PORT/WS_PORT)" >&2; exit 1; fi
done

work=""; data=""; app_pid=""
cleanup() {
    local rc=$?
    set +e
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill -TERM "$app_pid"; for _ in $(seq 1 600); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid"
        wait "$app_pid" 2>/dev/null
    fi
    local pidfile="$data/postgres/cluster/postmaster.pid" pg
    if [[ -n "$data" && -f "$pidfile" ]]; then
        pg="$(head -1 "$pidfile")"
        if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
            kill -INT "$pg"; for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
    if [[ -n "$work" ]]; then if [[ "$keep" = 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# as root the embedded PostgreSQL runs as the `wificore` account: the data dir's parents must be searchable
work="$(mktemp -d "${TMPDIR:-/tmp}/wcwater.XXXXXX")"
chmod 755 "$work"
data="$work/data"
mkdir -m 755 "$data" "$work/tmp"
cp "$jar" "$work/wificore.jar"
"$(dirname "$(readlink -f "$java")")/javac" -d "$work/gen" "$here/WaterBench.java"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
gen() {
    local line
    line="$("$java" -XX:+UseSerialGC -cp "$work/gen" WaterBench "$@" --url "$base_url" 2>"$work/gen.err" | tail -1)" \
        || { echo "WaterBench $1 failed: $(tail -3 "$work/gen.err")" >&2; return 1; }
    [[ "$line" = RESULT* ]] || { echo "WaterBench $1: no result ($(tail -3 "$work/gen.err"))" >&2; return 1; }
    echo "${line#RESULT }"
}
val() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
hz="$(getconf CLK_TCK)"
jiffies() {   # a process tree's CPU (live descendants and reaped children)
    local total=0 pid stat
    local -a pids=("$1") queue=("$1")
    while (( ${#queue[@]} )); do
        local p="${queue[0]}"; queue=("${queue[@]:1}")
        for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do pids+=("$c"); queue+=("$c"); done
    done
    for pid in "${pids[@]}"; do
        stat="$(cat /proc/"$pid"/stat 2>/dev/null)" || continue
        stat="${stat##*) }"; read -r -a f <<<"$stat"
        total=$(( total + f[11] + f[12] + f[13] + f[14] ))
    done
    echo "$total"
}
self_jiffies() { local s; s="$(cat /proc/"$1"/stat 2>/dev/null)" || { echo 0; return; }; s="${s##*) }"; read -r -a f <<<"$s"; echo $(( f[11] + f[12] )); }
pg_pid() { head -1 "$data/postgres/cluster/postmaster.pid"; }

echo "Water benchmark: signed batch ingest and authorize latency"
echo "  machine:   $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr), load $(load)"
echo "  java:      $("$java" -version 2>&1 | head -1); user $(id -un)"
start_platform() {
    local t0; t0="$(now_ms)"
    env -u WIFICORE_DB_URL \
        WIFICORE_DATA_DIR="$data" WIFICORE_DB_PORT="$db_port" WIFICORE_HTTP_PORT="$http_port" \
        WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT=-1 \
        WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port" \
        WIFICORE_ADMIN_EMAIL="admin@waterbench.example" WIFICORE_ADMIN_PASSWORD="waterbench-admin-password-1" \
        "$java" -Djava.io.tmpdir="$work/tmp" ${JAVA_OPTS:-} -jar "$work/wificore.jar" >>"$work/platform.log" 2>&1 &
    app_pid=$!
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/health" || true)"
        [[ "$code" = 200 ]] && break
        kill -0 "$app_pid" 2>/dev/null || { echo "platform exited during start-up:" >&2; tail -20 "$work/platform.log" >&2; exit 1; }
        (( $(now_ms) - t0 < 300000 )) || { echo "no /health 200 within 300 s" >&2; exit 1; }
        sleep 0.2
    done
    echo "  platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid; HTTP $http_port, DB $db_port)"
}
stop_platform() {
    kill -TERM "$app_pid"; for _ in $(seq 1 600); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    wait "$app_pid" 2>/dev/null || true
}
pg_super() {   # a statement as the embedded cluster's superuser (its generated password is in the data dir)
    PGPASSWORD="$(sed -n 's/^postgres=//p' "$data/postgres/credentials")" \
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
j0="$(self_jiffies "$app_pid")"; p0="$(jiffies "$(pg_pid)")"
ing="$(gen ingest --devices "$devices" --customers "$work/customers.txt" --clients "$clients" --batch "$batch" \
    --dup-share "$dup_share" --seconds "$seconds" --seq-from 100000000000)"
j1="$(self_jiffies "$app_pid")"; p1="$(jiffies "$(pg_pid)")"
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
