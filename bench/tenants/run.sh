#!/usr/bin/env bash
# Tenant creation and start-up benchmark (issue 2).
#
#   bench/tenants/run.sh [--keep]
#
# Copies the platform jar to a temp dir, starts it on a fresh data dir, then for each stage
# (default 10, 100, 1000 tenants) creates tenants up to that count with TenantBench.java
# (sequential, closed loop), restarts the platform and measures the start-up. Prints a summary.
#
# Environment (all optional):
#   JAR=target/wificore.jar   platform jar (relative to the repo root, or absolute)
#   JAVA=...                  java 25 (default: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java, else `java`)
#   JAVA_OPTS=                extra JVM options for the platform
#   HTTP_PORT=18070 DB_PORT=15472
#   STAGES="10 100 1000"      tenant counts after which the start-up is measured
#   STARTS=2                  restarts measured per stage (the first start on the fresh dir is extra)
#   VERIFY_STARTS=1           extra restarts per stage with WIFICORE_TENANCY_VERIFYONSTARTUP=true
#                             (Flyway on every tenant schema, not only on those behind the newest version)
#   CLIENTS=1                 concurrent clients creating tenants (headline figure: 1)
#   KEEP=1                    same as --keep: leave the temp dir (logs, data) in place
#   TMPDIR=/tmp               where the temp dir goes (as root: every parent must be world-searchable)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

keep="${KEEP:-0}"
keep_args "$0" "$@"

resolve_jar
pick_java
http_port="${HTTP_PORT:-18070}"
db_port="${DB_PORT:-15472}"
stages="${STAGES:-10 100 1000}"
starts="${STARTS:-2}"
verify_starts="${VERIFY_STARTS:-1}"
verify_flag=false
clients="${CLIENTS:-1}"
admin_email="bench-admin@bench.example"
admin_password="bench-admin-password-1"
base_url="http://127.0.0.1:$http_port"
bench_src="$here/TenantBench.java"

need_jar
need_cmd curl
java_is_25 || echo "warning: $java is not Java 25" >&2
need_free_ports "set HTTP_PORT / DB_PORT" "$http_port" "$db_port"

work=""
data=""
app_pid=""
client_pid=""
tail_pid=""
start_no=0

# lib.sh's cleanup: this, then stop_platform, stop_leftover_db, removes $work
cleanup_extra() {
    local p
    for p in "$client_pid" "$tail_pid"; do
        [[ -z "$p" ]] || { kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null; }
    done
}
trap_cleanup
make_work wcbench
data="$work/data"
keep_note=" (logs: $work/*.log, data: $data)"
mkdir -m 755 "$data"
cp "$jar" "$work/wificore.jar"

# Starts the platform, waits for /health 200 and the "Started WifiCore" line; appends a result row.
#   $1 = tenant count (for the summary), $2 = label
start_platform() {
    local tenants="$1" label="$2"
    start_no=$((start_no + 1))
    local log="$work/app-$start_no.log"
    local t0 t1
    t0="$(now_ms)"
    # shellcheck disable=SC2086   # JAVA_OPTS: words
    launch_platform "$log" WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password" \
        WIFICORE_TENANCY_VERIFYONSTARTUP="$verify_flag" \
        ${JAVA_OPTS:-} -jar "$work/wificore.jar"
    wait_health "$base_url" "$log" "$t0" 600 0.1
    t1="$(now_ms)"
    local started="" migrated="" i
    for i in $(seq 1 100); do
        started="$(grep -o 'Started WifiCore in [0-9.]* seconds (process running for [0-9.]*)' "$log" || true)"
        [[ -n "$started" ]] && break
        sleep 0.1
    done
    # "migrated N tenant schema(s) in X ms ..." or (newer) "migrated M of N tenant schema(s) to version V in X ms ..."
    migrated="$(grep -oE 'migrated [0-9]+ (of [0-9]+ )?tenant schema\(s\)[^,]* in [0-9]+ ms with [0-9]+ thread\(s\), [0-9]+ failed' "$log" || true)"
    local spring_s process_s mig_n mig_ms mig_failed pre_s
    spring_s="$(sed -E 's/.*in ([0-9.]+) seconds.*/\1/' <<<"$started")"
    process_s="$(sed -E 's/.*running for ([0-9.]+)\).*/\1/' <<<"$started")"
    mig_n="$(sed -E 's/^migrated ([0-9]+) of ([0-9]+) .*/\1\/\2/; s/^migrated ([0-9]+) tenant.*/\1\/\1/' <<<"$migrated")"
    mig_ms="$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$migrated")"
    mig_failed="$(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$migrated")"
    pre_s="$(awk -v p="${process_s:-0}" -v s="${spring_s:-0}" 'BEGIN { printf "%.2f", p - s }')"
    local health_s
    health_s="$(awk -v ms="$((t1 - t0))" 'BEGIN { printf "%.2f", ms / 1000 }')"
    local size load
    size="$(du -sh "$data/postgres/cluster" 2>/dev/null | cut -f1)"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    printf '%-24s %7s %10s %9s %7s %7s %11s %11s %6s %7s %6s\n' "$label" "$tenants" "$health_s" "${process_s:-?}" \
        "$pre_s" "${spring_s:-?}" "${mig_ms:-?}" "${mig_n:-?}" "${mig_failed:-?}" "${size:-?}" "$load" >>"$work/startup.txt"
    echo "  start #$start_no ($label, $tenants tenants): /health 200 after ${health_s} s;" \
        "${started:-no 'Started' line}; ${migrated:-no 'migrated' line}"
    if [[ -n "$mig_failed" && "$mig_failed" != 0 ]]; then
        echo "  WARNING: $mig_failed tenant migration(s) failed, see $log" >&2
    fi
}

restart_platform() {
    local t0 t1
    t0="$(now_ms)"
    stop_platform
    t1="$(now_ms)"
    echo "  stopped in $(( t1 - t0 )) ms"
    start_platform "$@"
}

echo "WifiCore tenant benchmark"
echo "  jar:      $jar (copied to $work)"
echo "  java:     $(java_version)"
echo "  machine:  $(machine_info)"
echo "  user:     $(id -un); data dir $data; HTTP $http_port, DB $db_port"
echo "  stages:   $stages tenants; $starts (+$verify_starts verify-all) measured start(s) per stage; $clients client(s)"
echo

: >"$work/startup.txt"
echo "first start (fresh data dir: unpacks PostgreSQL, initdb)"
start_platform 0 "first start (fresh dir)"
for r in $(seq 1 "$starts"); do
    restart_platform 0 "restart"
done

created=0
: >"$work/latencies.txt"
: >"$work/creation.txt"
for target in $stages; do
    if (( target > created )); then
        echo
        echo "creating tenants $created..$((target - 1))"
        # in the background, so that a signal to this script interrupts `wait` at once
        "$java" "$bench_src" --url "$base_url" --email "$admin_email" --password "$admin_password" \
            --from "$created" --to "$target" --clients "$clients" --latencies "$work/latencies.txt" \
            >"$work/create-$target.txt" 2>&1 &
        client_pid=$!
        tail -n +1 -f --pid="$client_pid" "$work/create-$target.txt" &
        tail_pid=$!
        client_rc=0
        wait "$client_pid" || client_rc=$?
        client_pid=""
        wait "$tail_pid" || true
        tail_pid=""
        if (( client_rc != 0 )); then
            echo "tenant creation failed (exit $client_rc); see above" >&2
            exit 1
        fi
        printf '%-10s %s load1 %s\n' "$created..$((target - 1))" \
            "$(grep -E '^(created|latency)' "$work/create-$target.txt" | sed 's/latency (all requests), ms:/latency ms:/' | tr '\n' ' ')" \
            "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/creation.txt"
        created="$target"
    fi
    for r in $(seq 1 "$starts"); do
        restart_platform "$created" "restart"
    done
    verify_flag=true
    for r in $(seq 1 "$verify_starts"); do
        restart_platform "$created" "restart (verify all)"
    done
    verify_flag=false
done
stop_platform

echo
echo "================ summary ================"
echo "machine: $(nproc) CPU(s), $(uname -sr); java: $(java_version)"
echo
echo "Tenant creation (POST /api/platform/tenants, $clients client(s), closed loop), per stage:"
cat "$work/creation.txt"
echo
echo "Tenant creation over all $created tenants:"
"$java" "$bench_src" --report "$work/latencies.txt" --block 100
echo
echo "Start-up (seconds unless noted; 'to /health' = process launch until GET /health answers 200;"
echo "'proc.run'/'Spring' = the app's \"Started WifiCore in <Spring> seconds (process running for <proc.run>)\";"
echo "'JVM+PG' = proc.run - Spring = JVM start + embedded PostgreSQL start; 'migrate ms' = tenant schema"
echo "migrations (part of Spring); migrated = schemas migrated/tenants; 'verify all' = with"
echo "WIFICORE_TENANCY_VERIFYONSTARTUP=true; load1 = 1-minute load average when /health answered):"
printf '%-24s %7s %10s %9s %7s %7s %11s %11s %6s %7s %6s\n' "start" "tenants" "to /health" "proc.run" \
    "JVM+PG" "Spring" "migrate ms" "migrated" "failed" "db size" "load1"
cat "$work/startup.txt"
