# shellcheck shell=bash disable=SC2154   # repo, data, db_port, ...: the sourcing script's globals
# Shared helpers of the benchmark scripts bench/*/run.sh. Sourced, never executed:
#
#   here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
#   . "$here/../lib.sh"
#
# Sourcing only defines functions. They work under `set -euo pipefail`, and they read and set
# the script's globals, named below: java, jar, repo, work, data, app_pid, http_port, db_port,
# keep, keep_note, args.
#
# Preamble
#   print_help FILE          prints FILE's header comment (from line 2 to the first line that is
#                            not a comment) without the leading "# "
#   keep_args [--pass] FILE ARG...
#                            the options --keep (sets keep=1) and -h/--help (print_help FILE,
#                            exit 0); anything else exits 2, or with --pass is appended to the
#                            array args
#   pick_java                sets java: $JAVA, else Temurin 25 in /usr/lib/jvm, else `java`
#   java_is_25               succeeds if $java is Java 25 or newer
#   need_java25              exits 1 ("need Java 25 (set JAVA)") unless java_is_25
#   java_version             prints the first line of `$java -version`
#   jdk_tool NAME            prints the path of a tool of $java's JDK (javac, jcmd, ...)
#   need_cmd NAME...         exits 1 if a command is missing
#   resolve_jar              sets jar: $JAR (default target/wificore.jar), relative to $repo
#   need_jar                 exits 1 if $jar is not a file
#   port_in_use PORT         succeeds if something accepts TCP connections on 127.0.0.1:PORT
#   need_free_ports HINT PORT...
#                            exits 1 ("port P is in use (HINT)") on the first port in use
#   need_java25_jar_curl     pick_java, need_java25, need_cmd curl, resolve_jar, need_jar
#   machine_info             prints "N CPU(s), M GiB RAM, <kernel>"
#
# Clean-up and work dir
#   trap_cleanup             installs cleanup on EXIT; INT and TERM exit 130 and 143 (so that
#                            cleanup runs once, with that status)
#   cleanup                  (the EXIT trap) with `set +e`: calls the script's cleanup_extra
#                            function, if it defines one, with the exit status as $1 (stop the
#                            script's own processes there; it may set keep=1), then
#                            stop_platform and stop_leftover_db, then removes $work, or with
#                            keep=1 prints "kept $work$keep_note"; exits with the status
#   make_work PREFIX [PARENT]
#                            sets work to a new temp dir PARENT/PREFIX.XXXXXX (PARENT default
#                            ${TMPDIR:-/tmp}) with mode 0755: as root the embedded PostgreSQL
#                            runs as the unprivileged `wificore` account, and every parent of
#                            its data dir must be searchable by it; creates $work/tmp, the
#                            platform's java.io.tmpdir (Tomcat's work dir)
#   stop_pid PID NAME [SECONDS]
#                            TERM, up to SECONDS (default 30) for it to end, then KILL; reaps it
#   stop_platform            stop_pid "$app_pid" platform 60; clears app_pid
#   stop_leftover_db         fast shutdown (SIGINT, up to 10 s) of a PostgreSQL left behind in
#                            $data by a killed platform (the server is a daemon of pg_ctl)
#
# Platform
#   launch_platform LOG [NAME=VALUE...] JAVA-ARG...
#                            starts "$java -Djava.io.tmpdir=$work/tmp JAVA-ARG..." in the
#                            background, output appended to LOG, with WIFICORE_DB_URL unset and
#                            WIFICORE_DATA_DIR=$data, WIFICORE_DB_PORT=$db_port,
#                            WIFICORE_HTTP_PORT=$http_port and NAME=VALUE in its environment;
#                            sets app_pid (the JVM's pid: env execs java)
#   wait_health URL LOG T0 [TIMEOUT_S] [POLL_S]
#                            waits for GET URL/health 200 (polls every POLL_S, default 0.2);
#                            exits 1 with LOG's last lines if $app_pid ends first, or if no 200
#                            came TIMEOUT_S (default 300) after T0 (ms, from now_ms)
#   pg_pid                   prints the pid of the embedded PostgreSQL of $data
#   pg_super_pw              prints the password of its superuser `postgres`
#
# Measuring
#   now_ms                   prints the wall clock in milliseconds
#   load                     prints the 1, 5 and 15 minute load averages
#   result_line LABEL ERRFILE COMMAND...
#                            runs a generator whose last line of output is "RESULT k=v ...",
#                            stderr to ERRFILE; prints that line without "RESULT ", or fails
#                            (status 1) with LABEL and ERRFILE's last lines on stderr
#   val LINE KEY             prints the value of KEY=value in a "k=v k=v" result line
#   self_jiffies PID         CPU jiffies (utime + stime) of one process, 0 if it is gone
#   tree_jiffies PID         CPU jiffies of a process tree: live descendants directly, exited
#                            ones through their parents' cutime/cstime (a pooled database
#                            connection may close and reopen mid-run)
#   machine_jiffies          busy CPU jiffies of the whole machine (user nice system irq softirq steal)

# ---------------------------------------------------------------- preamble
print_help() {
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$1"
}

keep_args() {
    local pass=0 script arg
    [[ "$1" != --pass ]] || { pass=1; shift; }
    script="$1"
    shift
    for arg in "$@"; do
        case "$arg" in
            --keep) keep=1 ;;
            -h|--help) print_help "$script"; exit 0 ;;
            *) (( pass )) || { echo "unknown argument: $arg" >&2; exit 2; }; args+=("$arg") ;;
        esac
    done
}

pick_java() {
    if [[ -n "${JAVA:-}" ]]; then
        java="$JAVA"
    elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    else
        java=java
    fi
}

java_version() { "$java" -version 2>&1 | head -1; }

java_is_25() { java_version | grep -q '"2[5-9]'; }

need_java25() { java_is_25 || { echo "need Java 25 (set JAVA)" >&2; exit 1; }; }

jdk_tool() {
    local bin
    bin="$(dirname "$(readlink -f "$(command -v "$java")")")"
    echo "$bin/$1"
}

need_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null || { echo "need $c" >&2; exit 1; }
    done
}

resolve_jar() {
    jar="${JAR:-target/wificore.jar}"
    [[ "$jar" = /* ]] || jar="$repo/$jar"
}

need_jar() {
    [[ -f "$jar" ]] || { echo "jar not found: $jar (build it: mvn -B -q -o -DskipTests package, or set JAR)" >&2; exit 1; }
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

need_free_ports() {
    local hint="$1" p
    shift
    for p in "$@"; do
        if port_in_use "$p"; then echo "port $p is in use ($hint)" >&2; exit 1; fi
    done
}

need_java25_jar_curl() {
    pick_java
    need_java25
    need_cmd curl
    resolve_jar
    need_jar
}

machine_info() {
    echo "$(nproc) CPU(s), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
}

# ---------------------------------------------------------------- clean-up and work dir
trap_cleanup() {
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

cleanup() {
    local rc=$?
    set +e
    if declare -F cleanup_extra >/dev/null; then cleanup_extra "$rc"; fi
    stop_platform
    stop_leftover_db
    if [[ -n "${work:-}" ]]; then
        if [[ "${keep:-0}" = 1 ]]; then echo "kept $work${keep_note:-}"; else rm -rf "$work"; fi
    fi
    exit "$rc"
}

make_work() {
    local parent="${2:-${TMPDIR:-/tmp}}"
    work="$(mktemp -d "$parent/$1.XXXXXX")" || {
        echo "cannot create a temp dir under $parent; set TMPDIR to a writable directory" >&2; exit 1; }
    chmod 755 "$work"
    mkdir -m 755 "$work/tmp"
}

stop_pid() {
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

stop_platform() {
    stop_pid "${app_pid:-}" platform 60
    app_pid=""
}

stop_leftover_db() {
    local pidfile="${data:-}/postgres/cluster/postmaster.pid" pg
    [[ -n "${data:-}" && -f "$pidfile" ]] || return 0
    pg="$(head -1 "$pidfile")"
    if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
        kill -INT "$pg" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    fi
}

# ---------------------------------------------------------------- platform
launch_platform() {
    local log="$1"
    shift
    local -a vars=()
    while (( $# )) && [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do vars+=("$1"); shift; done
    env -u WIFICORE_DB_URL \
        WIFICORE_DATA_DIR="$data" WIFICORE_DB_PORT="$db_port" WIFICORE_HTTP_PORT="$http_port" "${vars[@]}" \
        "$java" -Djava.io.tmpdir="$work/tmp" "$@" >>"$log" 2>&1 &
    app_pid=$!
}

wait_health() {
    local url="$1" log="$2" t0="$3" timeout_s="${4:-300}" poll="${5:-0.2}" code
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health" || true)"
        [[ "$code" = 200 ]] && return 0
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "platform exited during start-up; last log lines ($log):" >&2; tail -20 "$log" >&2; exit 1
        fi
        (( $(now_ms) - t0 < timeout_s * 1000 )) || { echo "no /health 200 within $timeout_s s" >&2; exit 1; }
        sleep "$poll"
    done
}

pg_pid() { head -1 "$data/postgres/cluster/postmaster.pid"; }

pg_super_pw() { sed -n 's/^postgres=//p' "$data/postgres/credentials"; }

# ---------------------------------------------------------------- measuring
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

load() { cut -d' ' -f1-3 /proc/loadavg; }

result_line() {
    local label="$1" err="$2" line
    shift 2
    line="$("$@" 2>"$err" | tail -1)" || { echo "$label failed: $(tail -3 "$err")" >&2; return 1; }
    [[ "$line" = RESULT* ]] || { echo "$label: no result ($(tail -3 "$err"))" >&2; return 1; }
    echo "${line#RESULT }"
}

val() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }

self_jiffies() {
    local s
    local -a f
    s="$(cat /proc/"$1"/stat 2>/dev/null)" || { echo 0; return 0; }
    s="${s##*) }"
    read -r -a f <<<"$s"
    echo $(( f[11] + f[12] ))   # utime stime (fields 14, 15)
}

tree_jiffies() {
    local total=0 pid stat p c
    local -a pids=("$1") queue=("$1") f
    while (( ${#queue[@]} )); do
        p="${queue[0]}"; queue=("${queue[@]:1}")
        for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do pids+=("$c"); queue+=("$c"); done
    done
    for pid in "${pids[@]}"; do
        stat="$(cat /proc/"$pid"/stat 2>/dev/null)" || continue
        stat="${stat##*) }"
        read -r -a f <<<"$stat"
        total=$(( total + f[11] + f[12] + f[13] + f[14] ))   # utime stime cutime cstime (fields 14-17)
    done
    echo "$total"
}

machine_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
