#!/usr/bin/env bash
# Partition-maintenance benchmark (issue 4).
#
#   bench/partitions/run.sh [--keep]
#
# For each stage (default 10, 100, 1000 tenants): copies the platform jar to a temp dir, starts
# the platform on a fresh data dir with partition maintenance off for new tenants, creates the
# tenants (bench/tenants/TenantBench.java), then PartitionBench.java runs
# `java -jar wificore.jar partitions …` next to the running platform: the first run, steady-state
# runs, a day's roll-forward (one partition created and one retired per table and tenant) and
# the catalog size per tenant schema. Then (FULL_STAGES) the same for tenants holding what 90 days
# of retention means: 98 partitions per table. Prints a summary.
#
# Environment (all optional):
#   JAR=target/wificore.jar   platform jar (relative to the repo root, or absolute)
#   JAVA=...                  java 25 (default: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java, else `java`)
#   HTTP_PORT=18075 DB_PORT=15475
#   STAGES="10 100 1000"      tenant schemas per stage (each stage on a fresh data dir); - for none
#   FULL_STAGES="100"         tenant schemas per full-retention stage (98 days per table); - for none
#   THREADS=2                 WIFICORE_PARTITIONS_THREADS for the maintenance runs
#   CLIENTS=2                 concurrent clients creating the tenants (only speeds the set-up)
#   KEEP=1                    same as --keep: leave the temp dir (logs, data) in place
#   TMPDIR=/tmp               where the temp dir goes (as root: every parent must be world-searchable)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

keep="${KEEP:-0}"
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done

jar="${JAR:-target/wificore.jar}"
[[ "$jar" = /* ]] || jar="$repo/$jar"
if [[ -n "${JAVA:-}" ]]; then
    java="$JAVA"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else
    java=java
fi
http_port="${HTTP_PORT:-18075}"
db_port="${DB_PORT:-15475}"
stages="${STAGES:-10 100 1000}"
[[ "$stages" = - ]] && stages=""
full_stages="${FULL_STAGES:-100}"
[[ "$full_stages" = - ]] && full_stages=""
threads="${THREADS:-2}"
clients="${CLIENTS:-2}"
admin_email="bench-admin@bench.example"
admin_password="bench-admin-password-1"
base_url="http://127.0.0.1:$http_port"

[[ -f "$jar" ]] || { echo "jar not found: $jar (build it, or set JAR)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
"$java" -version 2>&1 | head -1 | grep -q '"25' || echo "warning: $java is not Java 25" >&2

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$http_port" "$db_port"; do
    if port_in_use "$p"; then echo "port $p is already in use (set HTTP_PORT / DB_PORT)" >&2; exit 1; fi
done

work=""
data=""
app_pid=""
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

stop_platform() {
    [[ -n "$app_pid" ]] || return 0
    if kill -0 "$app_pid" 2>/dev/null; then
        kill -TERM "$app_pid" 2>/dev/null || true
        local waited=0
        while kill -0 "$app_pid" 2>/dev/null && (( waited < 600 )); do sleep 0.1; waited=$((waited + 1)); done
        if kill -0 "$app_pid" 2>/dev/null; then
            echo "platform (pid $app_pid) did not stop within 60 s; killing it" >&2
            kill -KILL "$app_pid" 2>/dev/null || true
        fi
    fi
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

stop_leftover_database() {
    # a database server left behind by a killed platform (a daemon of pg_ctl): fast shutdown
    local pidfile="$data/postgres/cluster/postmaster.pid"
    if [[ -n "$data" && -f "$pidfile" ]]; then
        local pg_pid
        pg_pid="$(head -1 "$pidfile")"
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
            kill -INT "$pg_pid" 2>/dev/null
            for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
}

cleanup() {
    local rc=$?
    set +e
    stop_platform
    stop_leftover_database
    if [[ -z "$work" ]]; then
        :
    elif [[ "$keep" = 1 ]]; then
        echo "kept $work (logs: $work/*.log)"
    else
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

work="$(mktemp -d "${TMPDIR:-/tmp}/wcpbench.XXXXXX")" || {
    echo "cannot create a temp dir under ${TMPDIR:-/tmp}; set TMPDIR to a writable directory" >&2; exit 1; }
chmod 755 "$work"
mkdir "$work/tmp"
cp "$jar" "$work/wificore.jar"
: >"$work/results.tsv"

start_platform() {
    local log="$1" t0 code
    t0="$(now_ms)"
    env -u WIFICORE_DB_URL \
        WIFICORE_DATA_DIR="$data" WIFICORE_DB_PORT="$db_port" WIFICORE_HTTP_PORT="$http_port" \
        WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password" \
        WIFICORE_PARTITIONS_ONTENANTCREATION=false WIFICORE_PARTITIONS_CATCHUP=false WIFICORE_PARTITIONS_CRON=- \
        WIFICORE_RADIUS_ENABLED=false \
        "$java" -Djava.io.tmpdir="$work/tmp" -jar "$work/wificore.jar" >"$log" 2>&1 &
    app_pid=$!
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base_url/health" || true)"
        [[ "$code" = 200 ]] && break
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "platform exited during start-up; last log lines ($log):" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        if (( $(now_ms) - t0 > 600000 )); then echo "no /health 200 within 600 s" >&2; exit 1; fi
        sleep 0.2
    done
}

echo "WifiCore partition-maintenance benchmark"
echo "  jar:      $jar (copied to $work)"
echo "  java:     $("$java" -version 2>&1 | head -1)"
echo "  machine:  $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
echo "  user:     $(id -un); HTTP $http_port, DB $db_port; stages: ${stages:-none} / full retention: ${full_stages:-none}"
echo "            tenants; $threads maintenance thread(s)"

# $1 = tenants, $2 = mode (first-run or full-retention)
stage() {
    local tenants="$1" mode="$2" t0
    echo
    echo "== $tenants tenant schema(s), $mode, fresh data dir"
    data="$work/data-$tenants-$mode"
    mkdir -m 755 "$data"
    start_platform "$work/app-$tenants.log"
    t0="$(now_ms)"
    "$java" "$repo/bench/tenants/TenantBench.java" --url "$base_url" --email "$admin_email" \
        --password "$admin_password" --from 0 --to "$tenants" --clients "$clients" --prefix "pb" \
        >"$work/create-$tenants.txt" 2>&1 || { echo "tenant creation failed:" >&2; tail "$work/create-$tenants.txt" >&2; exit 1; }
    echo "  created $tenants tenant(s) in $(( ($(now_ms) - t0) / 1000 )) s"
    "$java" "$here/PartitionBench.java" --java "$java" --jar "$work/wificore.jar" --data "$data" \
        --db-port "$db_port" --tenants "$tenants" --threads "$threads" --results "$work/results.tsv" --mode "$mode"
    echo "  cluster size: $(du -sh "$data/postgres/cluster" | cut -f1); load1 $(cut -d' ' -f1 /proc/loadavg)"
    stop_platform
    stop_leftover_database
    [[ "$keep" = 1 ]] || rm -rf "$data"
}

for tenants in $stages; do
    stage "$tenants" first-run
done
for tenants in $full_stages; do
    stage "$tenants" full-retention
done

echo
echo "================ summary ================"
echo "machine: $(nproc) CPU(s), $(uname -sr); java: $("$java" -version 2>&1 | head -1)"
echo "maintenance time as the command reports it (engine only, without JVM/Spring start-up);"
echo "steady = no-op pass (before/after the roll-forward); roll = a day's roll-forward (cr/ret = partitions"
echo "created/retired); rel/schema = relations per tenant schema before -> after the first run;"
echo "'(98 days)' rows: tenants with 90 days of retention's partitions, first run = creating 98 days per table:"
"$java" "$here/PartitionBench.java" --report "$work/results.tsv"
