#!/usr/bin/env bash
# Job queue benchmark (issue 4): WifiCore's queue side by side with db-scheduler.
#
#   bench/jobs/run.sh [--keep] [JobBench options, e.g. --workers 1,4,16 --jobs 20000]
#
# Extracts the platform jar into a temp dir, fetches db-scheduler with Maven (into the temp
# dir: it never becomes part of the platform), compiles JobBench.java against both and runs
# it. JobBench starts its own embedded PostgreSQL there, the platform (no HTTP or RADIUS
# traffic) with one job queue per worker count, and db-scheduler on the same database, then
# measures each in turn and prints a summary. See bench/jobs/README.md.
#
# Environment (all optional):
#   JAR=target/wificore.jar       platform jar (relative to the repo root, or absolute)
#   JAVA=...                      java 25 (default: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java, else `java`)
#   JAVA_OPTS=                    extra JVM options for the benchmark JVM
#   DB_PORT=15473                 port of the benchmark's PostgreSQL
#   DB_SCHEDULER_VERSION=16.1.0   db-scheduler from Maven Central
#   KEEP=1                        same as --keep: leave the temp dir (data, logs) in place
#   TMPDIR=/tmp                   where the temp dir goes (as root: every parent must be world-searchable)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

keep="${KEEP:-0}"
args=()
keep_args --pass "$0" "$@"   # the rest goes to JobBench

resolve_jar
pick_java
javac="$(jdk_tool javac)"
[[ -x "$javac" ]] || javac=javac
db_port="${DB_PORT:-15473}"
version="${DB_SCHEDULER_VERSION:-16.1.0}"

need_jar
command -v mvn >/dev/null || { echo "mvn is required (to fetch db-scheduler)" >&2; exit 1; }
need_free_ports "set DB_PORT" "$db_port"

# lib.sh's cleanup stops JobBench (and a PostgreSQL it left behind in $data), removes $work
work=""; data=""; bench_pid=""
cleanup_extra() { [[ -z "$bench_pid" ]] || { kill -TERM "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null; }; }
trap_cleanup
make_work wcjobbench
data="$work/data"
mkdir -m 755 "$data"

echo "WifiCore job queue benchmark"
echo "  jar:      $jar"
echo "  java:     $(java_version)"
echo "  machine:  $(machine_info)"
echo "  against:  db-scheduler $version"

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
mvn -q -o dependency:copy -Dartifact="com.github.kagkarlsson:db-scheduler:$version" -DoutputDirectory="$work/lib" \
    >/dev/null 2>&1 \
    || mvn -q dependency:copy -Dartifact="com.github.kagkarlsson:db-scheduler:$version" -DoutputDirectory="$work/lib"
cp="$work/app/wificore.jar:$work/app/lib/*:$work/lib/*"
"$javac" -nowarn -d "$work/classes" -cp "$cp" "$here/JobBench.java"

# shellcheck disable=SC2086   # JAVA_OPTS: words
"$java" ${JAVA_OPTS:-} -cp "$work/classes:$cp" JobBench --data "$data" --port "$db_port" "${args[@]}" &
bench_pid=$!
wait "$bench_pid"
bench_pid=""
