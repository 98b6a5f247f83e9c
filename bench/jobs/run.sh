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

keep="${KEEP:-0}"
args=()
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$arg") ;;
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
javac="$(dirname "$java")/javac"
[[ -x "$javac" ]] || javac=javac
db_port="${DB_PORT:-15473}"
version="${DB_SCHEDULER_VERSION:-16.1.0}"

[[ -f "$jar" ]] || { echo "jar not found: $jar (build it with mvn package, or set JAR)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "mvn is required (to fetch db-scheduler)" >&2; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$db_port") 2>/dev/null; then
    echo "port $db_port is already in use (set DB_PORT)" >&2; exit 1
fi

work=""
bench_pid=""
cleanup() {
    local rc=$?
    set +e
    [[ -n "$bench_pid" ]] && kill -TERM "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null
    # a PostgreSQL left behind by a killed benchmark (it is a daemon of pg_ctl): fast shutdown
    local pidfile="$work/data/postgres/cluster/postmaster.pid"
    if [[ -n "$work" && -f "$pidfile" ]]; then
        local pg_pid
        pg_pid="$(head -1 "$pidfile")"
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null; then
            kill -INT "$pg_pid" 2>/dev/null
            for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
    if [[ -z "$work" ]]; then
        :
    elif [[ "$keep" = 1 ]]; then
        echo "kept $work"
    else
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# the embedded PostgreSQL runs as an unprivileged account when we are root: 0755 all the way
work="$(mktemp -d "${TMPDIR:-/tmp}/wcjobbench.XXXXXX")"
chmod 755 "$work"
mkdir -m 755 "$work/data"

echo "WifiCore job queue benchmark"
echo "  jar:      $jar"
echo "  java:     $("$java" -version 2>&1 | head -1)"
echo "  machine:  $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
echo "  against:  db-scheduler $version"

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
mvn -q -o dependency:copy -Dartifact="com.github.kagkarlsson:db-scheduler:$version" -DoutputDirectory="$work/lib" \
    >/dev/null 2>&1 \
    || mvn -q dependency:copy -Dartifact="com.github.kagkarlsson:db-scheduler:$version" -DoutputDirectory="$work/lib"
cp="$work/app/wificore.jar:$work/app/lib/*:$work/lib/*"
"$javac" -nowarn -d "$work/classes" -cp "$cp" "$here/JobBench.java"

"$java" ${JAVA_OPTS:-} -cp "$work/classes:$cp" JobBench --data "$work/data" --port "$db_port" "${args[@]}" &
bench_pid=$!
wait "$bench_pid"
bench_pid=""
