#!/usr/bin/env bash
# Real-time benchmark (issue 5): WifiCore's Pusher-protocol WebSocket server.
#
#   bench/realtime/run.sh [--only a|b|c] [--keep] [--connections 10000] [--duration 30]
#                         [--rates 10,25,...] [--step-seconds 5] [--no-floor]
#
# Starts the packaged jar (target/wificore.jar, copied to a temp dir) on a fresh data dir with
# its embedded PostgreSQL, -Xmx512m and a fixed Pusher app, on ports that do not clash with a
# running platform, waits for /health, then drives it with bench/realtime/RtBench.java
# (compiled once with javac; JDK only) and prints a summary:
#   a  hold --connections connections, each subscribed to its own channel; the server's heap
#      after full GCs (through JMX) with 0 and with them, divided
#   b  soketi's benchmark: 500 users receiving 1 msg/s while 500 other clients connect and
#      disconnect continuously; run twice: one shared channel at 1 publish/s (as soketi's
#      k6 script), and 500 channels at 500 publishes/s; delivered msgs/s, latency p50/p99
#   c  one channel, 1,000 subscribers, publish rates stepped up until p99 > 50 ms
#   floor (with b and c; --no-floor skips it): the same client against a plain NIO writer in
#      the generator's JVM (no WifiCore, no HTTP): what this machine gives any server with
#      the client on the same cores; c's steps, and b's burst (1 publish/s to 1,000 sockets)
# Events are published through the signed HTTP API; latency is from the publisher's
# System.nanoTime() (in the event data) to the frame's arrival, in the same JVM.
# The machine's load average is printed next to every figure. About 3½–4 minutes.
#
# Options:
#   --only a|b|c      one scenario (default: all three, in that order); "b,c" works too
#   --connections N   scenario a (default 10000)
#   --duration S      scenario b: measured seconds per mode (default 30, after 5 s warm-up)
#   --rates LIST      scenario c: publishes/s per step (default 10,25,50,75,100,150,200,400,800,1600,3200)
#   --step-seconds S  scenario c: seconds per step (default 5)
#   --no-floor        skip the calibration runs against the plain writer
#   --keep            keep the temp dir (server log, results) and print its path
# Environment (optional): JAR, JAVA (java 25), HEAP (server -Xmx, default 512m), JAVA_OPTS
#   (more server JVM options), HTTP_PORT=18071 DB_PORT=15471 WS_PORT=16071 METRICS_PORT=19671
#   JMX_PORT=19672 (127.0.0.1 only; scenario a reads the heap through it)
#   (a default port that is taken is replaced by a free one; one set here must be free),
#   LOOPS (client selector threads, default 2), TMPDIR,
#   QUIET (before each measurement, wait up to QUIET_WAIT=10 s until other processes use fewer
#   than this many cores, default 0.3; 0 = do not wait): the machine may be shared.
# Runs as root or as an ordinary user. As root the embedded PostgreSQL runs as the `wificore`
# account, so the temp dir's parents must be world-searchable (/tmp is); a user who cannot
# write to /tmp gets the temp dir under ~/.cache/wificore-bench.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

only="a,b,c"
connections=10000
duration=30
rates="10,25,50,75,100,150,200,400,800,1600,3200"
step_seconds=5
keep="${KEEP:-0}"
floor=1
while (( $# )); do
    case "$1" in
        --only) only="${2:?}"; shift ;;
        --only=*) only="${1#*=}" ;;
        --connections) connections="${2:?}"; shift ;;
        --duration) duration="${2:?}"; shift ;;
        --rates) rates="${2:?}"; shift ;;
        --step-seconds) step_seconds="${2:?}"; shift ;;
        --keep) keep=1 ;;
        --no-floor) floor=0 ;;
        -h|--help) print_help "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ "$only" =~ ^[abc](,[abc])*$ ]] || { echo "--only takes a, b or c (or a list: b,c)" >&2; exit 2; }
run_a=0; run_b=0; run_c=0
[[ ",$only," = *,a,* ]] && run_a=1
[[ ",$only," = *,b,* ]] && run_b=1
[[ ",$only," = *,c,* ]] && run_c=1

need_java25_jar_curl
for tool in javac jcmd; do
    [[ -x "$(jdk_tool "$tool")" ]] || { echo "$(jdk_tool "$tool") not found: need a full JDK 25 (set JAVA)" >&2; exit 1; }
done

# fixed ports by default (see --help); a default port that is taken is replaced by a free one,
# a port set in the environment must be free
declare -A taken=()
port_busy() { port_in_use "$1" || ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
pick_port() {   # $1 env value, $2 default, $3 name
    local p="${1:-$2}"
    if port_busy "$p" || [[ -n "${taken[$p]:-}" ]]; then
        [[ -z "$1" ]] || { echo "$3=$p is already in use" >&2; return 1; }
        for _ in $(seq 1 200); do
            p=$(( 20000 + RANDOM % 30000 ))
            port_busy "$p" || [[ -n "${taken[$p]:-}" ]] || break
        done
        echo "  (default $3 $2 is taken: using $p)" >&2
    fi
    taken[$p]=1
    echo "$p"
}
http_port="$(pick_port "${HTTP_PORT:-}" 18071 HTTP_PORT)"; taken[$http_port]=1
db_port="$(pick_port "${DB_PORT:-}" 15471 DB_PORT)"; taken[$db_port]=1
ws_port="$(pick_port "${WS_PORT:-}" 16071 WS_PORT)"; taken[$ws_port]=1
metrics_port="$(pick_port "${METRICS_PORT:-}" 19671 METRICS_PORT)"; taken[$metrics_port]=1
jmx_port="$(pick_port "${JMX_PORT:-}" 19672 JMX_PORT)"; taken[$jmx_port]=1
heap="${HEAP:-512m}"
loops="${LOOPS:-2}"
quiet="${QUIET:-0.3}"
quiet_wait="${QUIET_WAIT:-10}"
app_id="rtbench"
app_key="rtbench-key"
app_secret="rtbench-secret-$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')"

# File descriptors: the server and the client each hold one socket per connection. Raise the
# soft limit to the hard one (root may raise the hard one too); both JVMs inherit it.
if [[ "$(id -u)" = 0 ]]; then ulimit -Hn 65536 2>/dev/null || true; fi
ulimit -Sn "$(ulimit -Hn)" 2>/dev/null || true
nofile="$(ulimit -n)"
if [[ "$nofile" != unlimited ]] && (( run_a )) && (( nofile < connections + 1000 )); then
    echo "open files limit is $nofile (hard $(ulimit -Hn)): scenario a holds $((connections)) connections"
    connections=$(( nofile - 1000 ))
    echo "  -> scenario a runs with $connections connections only (raise the hard limit for 10,000)"
fi

# ---------------------------------------------------------------- cleanup (lib.sh)
work=""; data=""; app_pid=""; gen_pid=""
cleanup_extra() { stop_pid "$gen_pid" generator 5; }
trap_cleanup

tmp_base="${TMPDIR:-/tmp}"
if [[ ! -w "$tmp_base" && -z "${TMPDIR:-}" && "$(id -u)" != 0 ]]; then
    # /tmp is not writable for every user on every machine (it is 0755 on ours): use the home dir
    tmp_base="$HOME/.cache/wificore-bench"
    mkdir -p "$tmp_base"
    echo "  /tmp is not writable for $(id -un): temp dir under $tmp_base (set TMPDIR to choose)"
fi
make_work wcrealtime "$tmp_base"
keep_note=" (server log: $work/platform.log, results: $work/results)"
data="$work/data"
mkdir -m 755 "$data" "$work/results"
# (not named wificore.jar: on this shared machine something stops processes running "wificore.jar")
cp "$jar" "$work/wificore-rtbench.jar"
# compiled once, so that no scenario pays (or, on 2 cores, competes with) the source launcher's compile
"$(jdk_tool javac)" -d "$work/gen" "$here/RtBench.java"

# ---------------------------------------------------------------- platform
# JMX on 127.0.0.1 only, for scenario a's full GC and heap reading (jcmd's attach socket
# needs a writable /tmp, which an ordinary user may not have)
jmx_opts="-Dcom.sun.management.jmxremote.port=$jmx_port -Dcom.sun.management.jmxremote.rmi.port=$jmx_port
 -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1
 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"

start_platform() {
    local log="$work/platform.log" t0 code
    t0="$(now_ms)"
    cd "$work"   # the server's working directory: nothing of it lands in the checkout
    # shellcheck disable=SC2086   # jmx_opts, JAVA_OPTS: words
    launch_platform "$log" WIFICORE_RADIUS_AUTH_PORT=0 WIFICORE_RADIUS_ACCT_PORT=0 \
        WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT="$metrics_port" \
        WIFICORE_PUSHER_APP_ID="$app_id" WIFICORE_PUSHER_APP_KEY="$app_key" WIFICORE_PUSHER_APP_SECRET="$app_secret" \
        WIFICORE_ADMIN_EMAIL="bench-admin@bench.example" WIFICORE_ADMIN_PASSWORD="bench-admin-password-1" \
        -Xmx"$heap" $jmx_opts ${JAVA_OPTS:-} -jar "$work/wificore-rtbench.jar"
    wait_health "http://127.0.0.1:$http_port" "$log" "$t0"
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$metrics_port/metrics" || true)"
    [[ "$code" = 200 ]] || { echo "metrics port $metrics_port answers $code (WIFICORE_WS_METRICS_PORT)" >&2; exit 1; }
    echo "  platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid, -Xmx$heap; HTTP $http_port, DB $db_port," \
        "WebSocket $ws_port, metrics $metrics_port); load $(load)"
}

gen() {   # RtBench with the common options; $1 = result name, rest: scenario options
    local name="$1"; shift
    "$java" -Xms256m -Xmx1g -XX:+UseParallelGC -cp "$work/gen" RtBench --ws-port "$ws_port" --metrics-port "$metrics_port" \
        --app-id "$app_id" --key "$app_key" --secret "$app_secret" --server-pid "$app_pid" --jmx-port "$jmx_port" --loops "$loops" --hz "$(getconf CLK_TCK)" --quiet "$quiet" --quiet-wait "$quiet_wait" \
        --out "$work/results/$name.json" "$@" &
    gen_pid=$!
    local rc=0
    wait "$gen_pid" || rc=$?
    gen_pid=""
    (( rc == 0 )) || echo "  RtBench $name failed (exit $rc)" >&2
    return 0
}

# ---------------------------------------------------------------- run
echo "Real-time benchmark (Pusher protocol 7)"
echo "  machine: $(machine_info);" \
    "user $(id -un); open files $(ulimit -n)"
echo "  java:    $(java_version)"
echo "  jar:     $jar"
echo "  work:    $work"
echo "  load:    $(load)"
t_start="$(now_ms)"
start_platform

if (( run_a )); then
    echo
    echo "== (a) $connections connections (load $(load))"
    gen a --scenario a --connections "$connections"
fi
if (( run_b )); then
    echo
    echo "== (b) soketi's setup, one shared channel (load $(load))"
    gen b-shared --scenario b --mode shared --duration "$duration"
    echo
    echo "== (b) soketi's setup, 500 channels (load $(load))"
    gen b-distinct --scenario b --mode distinct --duration "$duration"
fi
if (( run_c )); then
    echo
    echo "== (c) fan-out to 1,000 subscribers (load $(load))"
    gen c --scenario c --rates "$rates" --step-seconds "$step_seconds"
fi

if (( floor )) && (( run_b || run_c )); then
    echo
    echo "== floor: the same client against a plain NIO writer, 2 threads, no WifiCore (load $(load))"
    (( run_b )) && gen floor-b --floor 2 --scenario c --subscribers 1000 --rates 1 --step-seconds 15 --max-p99-ms 1e9 \
        --label "floor for (b) shared: 1 publish/s to 1,000 sockets (no churn, no HTTP)"
    (( run_c )) && gen floor-c --floor 2 --scenario c --rates "$rates" --step-seconds "$step_seconds" \
        --label "floor for (c): 1,000 sockets, same steps"
fi

if grep -qE 'ERROR|OutOfMemoryError' "$work/platform.log"; then
    echo
    echo "server log errors ($work/platform.log):"
    grep -E 'ERROR|OutOfMemoryError' "$work/platform.log" | cut -c1-240 | sort | uniq -c | sort -rn | head -5
fi
stop_platform

echo
echo "================ summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, server -Xmx$heap, $(( ($(now_ms) - t_start) / 1000 )) s; load now $(load)) ================"
"$java" -cp "$work/gen" RtBench --summary "$work/results/a.json" "$work/results/b-shared.json" \
    "$work/results/b-distinct.json" "$work/results/c.json" "$work/results/floor-b.json" "$work/results/floor-c.json"
echo "raw results:"
for f in "$work"/results/*.json; do [[ -f "$f" ]] && echo "  $(basename "$f" .json): $(cat "$f")"; done
