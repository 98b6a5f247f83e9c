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
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

keep="${KEEP:-0}"
keep_args "$0" "$@"

resolve_jar
pick_java
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

need_jar
need_cmd curl
java_is_25 || echo "warning: $java is not Java 25" >&2
need_free_ports "set HTTP_PORT / DB_PORT" "$http_port" "$db_port"

# lib.sh: stop_platform, stop_leftover_db, and cleanup (both, then removes $work)
work=""
data=""
app_pid=""
trap_cleanup
make_work wcpbench
keep_note=" (logs: $work/*.log)"
cp "$jar" "$work/wificore.jar"
: >"$work/results.tsv"

start_platform() {
    local log="$1" t0
    t0="$(now_ms)"
    launch_platform "$log" WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password" \
        WIFICORE_PARTITIONS_ONTENANTCREATION=false WIFICORE_PARTITIONS_CATCHUP=false WIFICORE_PARTITIONS_CRON=- \
        WIFICORE_RADIUS_ENABLED=false \
        -jar "$work/wificore.jar"
    wait_health "$base_url" "$log" "$t0" 600
}

echo "WifiCore partition-maintenance benchmark"
echo "  jar:      $jar (copied to $work)"
echo "  java:     $(java_version)"
echo "  machine:  $(machine_info)"
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
    stop_leftover_db
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
echo "machine: $(nproc) CPU(s), $(uname -sr); java: $(java_version)"
echo "maintenance time as the command reports it (engine only, without JVM/Spring start-up);"
echo "steady = no-op pass (before/after the roll-forward); roll = a day's roll-forward (cr/ret = partitions"
echo "created/retired); rel/schema = relations per tenant schema before -> after the first run;"
echo "'(98 days)' rows: tenants with 90 days of retention's partitions, first run = creating 98 days per table:"
"$java" "$here/PartitionBench.java" --report "$work/results.tsv"
