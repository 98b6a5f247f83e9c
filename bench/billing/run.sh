#!/usr/bin/env bash
# Billing benchmark (issue 6): callback-to-accept latency and settlements/s.
#
#   bench/billing/run.sh [--latency 500] [--settle 2000] [--clients 16] [--via sim|direct|"sim direct"] [--no-prime] [--keep]
#
# Starts the packaged jar on a fresh temp data dir (embedded PostgreSQL, non-default ports),
# registers a tenant, sets its M-Pesa app to the built-in Daraja simulator, creates a 1-hour
# hotspot package (KES 10) and registers 127.0.0.1 as its NAS. Then, with
# bench/billing/BillBench.java (JDK only):
#   1. latency: --latency N phones 2547<nnnn>0000 (the simulator holds the callback of a phone
#      ending in 0000). Each gets a hotspot subscriber created through the API with a known
#      password and an expiry in the past (so it is rejected until paid, and a payment extends
#      it), and an STK push. One at a time: one Access-Request, rejected (the RADIUS cache now
#      holds the unpaid profile; --no-prime skips this), t0, POST /sim/daraja/callbacks/{id}
#      (the simulator POSTs the callback to /api/payments/mpesa/callback and answers after our
#      answer), then PAP Access-Requests every 2 ms until Access-Accept. latency = accept - t0.
#   2. settlements/s: --settle N STK pushes for new phones (2541<nnnn>0000: the payment creates
#      the subscriber), then all N held callbacks delivered by --clients concurrent HTTP
#      clients; settlements/s = N / wall time. Once per --via mode: `sim` (through the
#      simulator, one more HTTP hop, as above) and `direct` (the generator POSTs the STK
#      callback body itself, phones 2547<5000+n>0000).
#   Before the first measured phase, --warmup N (default 3000) more held callbacks for new
#      phones 2541<5000+n>0000 (past 4999, without --via sim: then 2541<n-4999>0000) are
#      delivered directly and not timed: the JIT compiles the settlement path there, as it has on
#      a platform that has been up for a while (C2 after ~5,000 requests: 9000 leaves it idle).
#   3. checks: GET /api/payments (every page): every payment settled, none pending, failed or
#      unmatched; the first 200 callbacks delivered again (duplicates) change nothing.
# Prints a summary with the machine's load average next to every figure.
#
# Options: --latency N (default 500, ≤ 5000), --settle N (per via mode, default 2000, ≤ 5000),
#   --warmup N (default 3000, ≤ 4999, or ≤ 9998 without --via sim; 0 = none),
#   --clients N (default 16), --via sim (default), direct, or "sim direct" (both, one after the other), --no-prime, --keep (keep the
#   temp dir with the platform log and data),
#   --profile DIR: profile each settle phase into DIR — a JFR recording of the platform JVM
#   (settle-<via>.jfr, started and stopped with jcmd around the phase) and PostgreSQL's
#   pg_stat_statements (pg-<via>.txt, nested statements included, so trigger bodies show). The
#   platform is started twice for it (once to create the cluster, once with the library
#   preloaded); needs psql. With perf installed, also `perf record -g -a` over the phase
#   (perf-<via>.data: PostgreSQL's backends). Profiling costs CPU: its figures are not comparable with a plain run.
# Environment (optional): JAR (default target/wificore.jar), JAVA (a Java 25 java), JAVA_OPTS
#   (platform JVM), TMPDIR, HTTP_PORT (18072), DB_PORT (15473), WS_PORT (16072),
#   AUTH_PORT (11812), ACCT_PORT (11813).
# Runs as root (the embedded PostgreSQL then runs as the `wificore` account) or as an ordinary
# user. Needs Java 25 and curl. About 3 minutes on 2 cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

latency_n=500
settle_n=2000
warmup_n=3000
clients=16
vias="sim"
prime=1
profile=""
keep="${KEEP:-0}"
while (( $# )); do
    case "$1" in
        --latency) latency_n="${2:?}"; shift ;;
        --settle) settle_n="${2:?}"; shift ;;
        --clients) clients="${2:?}"; shift ;;
        --warmup) warmup_n="${2:?}"; shift ;;
        --via) vias="${2:?}"; shift ;;
        --no-prime) prime=0 ;;
        --keep) keep=1 ;;
        --profile) profile="${2:?}"; shift ;;
        -h|--help) print_help "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
# a warm-up past 4999 borrows the sim phase's phones (2541<0000..4999>0000), so only without it
warmup_max=4999; [[ " $vias " == *" sim "* ]] || warmup_max=9998
[[ "$warmup_n" =~ ^[0-9]+$ ]] && (( warmup_n <= warmup_max )) || { echo "--warmup takes 0..$warmup_max: $warmup_n" >&2; exit 2; }
for n in "$latency_n" "$settle_n" "$clients"; do
    [[ "$n" =~ ^[0-9]+$ ]] && (( n > 0 )) || { echo "not a positive integer: $n" >&2; exit 2; }
done
(( latency_n <= 5000 && settle_n <= 5000 )) || { echo "--latency and --settle take at most 5000" >&2; exit 2; }
for v in $vias; do [[ "$v" = sim || "$v" = direct ]] || { echo "--via takes sim and/or direct" >&2; exit 2; }; done

need_java25_jar_curl

http_port="${HTTP_PORT:-18072}"
db_port="${DB_PORT:-15473}"
ws_port="${WS_PORT:-16072}"
auth_port="${AUTH_PORT:-11812}"
acct_port="${ACCT_PORT:-11813}"
base_url="http://127.0.0.1:$http_port"
need_free_ports "set HTTP_PORT/DB_PORT/WS_PORT" "$http_port" "$db_port" "$ws_port"
secret="billbench-secret-6"
password="bench-pass-6"          # the latency subscribers' RADIUS password
slug="billbench"

# ---------------------------------------------------------------- cleanup (lib.sh)
work=""; data=""; app_pid=""
trap_cleanup
make_work wcbilling
data="$work/data"
mkdir -m 755 "$data"
cp "$jar" "$work/wificore.jar"
# compiled once: no run pays (or, on 2 cores, competes with) the source launcher's compile
"$(jdk_tool javac)" -d "$work/gen" "$here/BillBench.java"

gen() {   # runs a BillBench mode; prints its RESULT line (without "RESULT ")
    result_line "BillBench $1" "$work/gen.err" \
        "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/gen" BillBench "$@" --url "$base_url"
}
# CPU (self_jiffies, tree_jiffies, machine_jiffies: lib.sh)
hz="$(getconf CLK_TCK)"
jit_jiffies() {   # the platform JVM's JIT compiler threads (C1, C2)
    local total=0 t stat
    for t in /proc/"$1"/task/*; do
        [[ "$(cat "$t/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
        stat="$(cat "$t/stat" 2>/dev/null)" || continue
        stat="${stat##*) }"; read -r -a f <<<"$stat"
        total=$(( total + f[11] + f[12] ))
    done
    echo "$total"
}
cpu_mark() { echo "$(self_jiffies "$app_pid") $(tree_jiffies "$(pg_pid)") $(machine_jiffies) $(jit_jiffies "$app_pid")"; }
cpu_report() {   # $1 mark before, $2 mark after, $3 events, $4 seconds: CPU ms per event (platform JVM, PostgreSQL), others' cores
    local a0 b0 c0 d0 a1 b1 c1 d1
    read -r a0 b0 c0 d0 <<<"$1"; read -r a1 b1 c1 d1 <<<"$2"
    awk -v j=$((a1 - a0)) -v p=$((b1 - b0)) -v m=$((c1 - c0)) -v c=$((d1 - d0)) -v hz="$hz" -v n="$3" -v s="$4" 'BEGIN {
        printf "jvm_ms_per=%.2f pg_ms_per=%.2f jit_ms_per=%.2f jvm_cores=%.2f pg_cores=%.2f other_cores=%.2f",
            j / hz * 1000 / n, p / hz * 1000 / n, c / hz * 1000 / n, j / hz / s, p / hz / s, (m - j - p) / hz / s }'
}

# ---------------------------------------------------------------- platform
echo "Billing benchmark: callback-to-accept latency and settlements/s"
echo "  machine:   $(machine_info), load $(load)"
echo "  java:      $(java_version); user $(id -un)"
echo "  work dir:  $work"
start_platform() {
    t0="$(now_ms)"
    # shellcheck disable=SC2086   # JAVA_OPTS: words
    launch_platform "$work/platform.log" WIFICORE_WS_PORT="$ws_port" WIFICORE_WS_METRICS_PORT=-1 \
        WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port" \
        WIFICORE_ADMIN_EMAIL="admin@billbench.example" WIFICORE_ADMIN_PASSWORD="billbench-admin-password-1" \
        ${JAVA_OPTS:-} -jar "$work/wificore.jar"
    wait_health "$base_url" "$work/platform.log" "$t0"
    echo "  platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid; HTTP $http_port, DB $db_port, WS $ws_port, RADIUS $auth_port/$acct_port)"
}
start_platform
if [[ -n "$profile" ]]; then
    # pg_stat_statements needs shared_preload_libraries, i.e. a server restart: the platform
    # stops its cluster on SIGTERM and starts it again with the setting
    stop_platform
    JAVA_OPTS="${JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=512"   # Spring's filter chains are deep
    printf '%s\n' "shared_preload_libraries = 'pg_stat_statements'" "pg_stat_statements.track = all" \
        "track_functions = pl" >>"$data/postgres/cluster/postgresql.conf"
    start_platform
    psql_su() {   # runs SQL as the cluster's superuser in the platform's database
        PGPASSWORD="$(pg_super_pw)" \
            psql -X -q -h 127.0.0.1 -p "$db_port" -U postgres -d wificore -v ON_ERROR_STOP=1 "$@"
    }
    psql_su -c "create extension if not exists pg_stat_statements" >/dev/null
    mkdir -p "$profile"
    jcmd="$(jdk_tool jcmd)"
fi
profile_start() {   # $1 via
    [[ -n "$profile" ]] || return 0
    psql_su -c "select pg_stat_statements_reset(); select pg_stat_reset();" >/dev/null
    # 1 ms Java samples: the default 10-20 ms gives a few hundred samples per phase
    "$jcmd" "$app_pid" JFR.start name="settle-$1" settings=profile "jdk.ExecutionSample#period=1ms" \
        filename="$profile/settle-$1.jfr" >/dev/null
    if command -v perf >/dev/null; then   # PostgreSQL's backends (and everything else), by call graph
        perf record -q -e cpu-clock -F 999 -g -a -o "$profile/perf-$1.data" >/dev/null 2>&1 &
        perf_pid=$!
    fi
}
profile_stop() {   # $1 via, $2 settlements
    [[ -n "$profile" ]] || return 0
    "$jcmd" "$app_pid" JFR.stop name="settle-$1" >/dev/null
    if [[ -n "${perf_pid:-}" ]]; then kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true; perf_pid=""; fi
    psql_su -P pager=off -c "select round((total_exec_time / $2)::numeric, 3) as ms_per_settlement,
            round((calls::numeric / $2), 2) as calls_per, round((mean_exec_time)::numeric, 3) as mean_ms,
            rows, toplevel, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
        from pg_stat_statements order by total_exec_time desc limit 40" \
        -c "select funcname, calls, round(self_time::numeric, 1) as self_ms, round(total_time::numeric, 1) as total_ms
        from pg_stat_user_functions order by total_time desc limit 10" >"$profile/pg-$1.txt"
}

res="$(gen setup --email "boss@billbench.example" --password "billbench-password-1" --slug "$slug" --secret "$secret")"
token="$(val "$res" token)"; pkg="$(val "$res" package)"
echo "  tenant $slug, M-Pesa simulator (till 174379), package $pkg (1 hour, KES 10), NAS 127.0.0.1"
common=(--token "$token")

# ---------------------------------------------------------------- 1. latency
echo
echo "== 1. callback-to-accept latency: $latency_n payments, one at a time =="
res="$(gen push "${common[@]}" --package "$pkg" --amount 10 --prefix 2547 --from 0 --count "$latency_n" --clients 4 \
    --subscriber-password "$password" --out "$work/latency.txt")"
echo "  $latency_n subscribers (expired, known password) + STK pushes: $(val "$res" seconds) s; load $(load)"
sleep 2   # let the RADIUS cache see the subscribers' NOTIFYs before priming
load_lat="$(load)"
lat="$(gen latency --in "$work/latency.txt" --radius-port "$auth_port" --secret "$secret" --password "$password" \
    $( (( prime )) && echo --prime ))"
echo "  $lat"
echo "  load before: $load_lat, after: $(load)"

# ---------------------------------------------------------------- 2. settlements/s
if (( warmup_n > 0 )); then
    echo
    echo "== 2. warm-up: $warmup_n held callbacks delivered directly, not timed =="
    # C2 compiles a method after ~5,000 calls (-XX:Tier4InvocationThreshold): once per request is
    # not "hot" before then, and a shorter warm-up leaves the JIT busy during the measured phase
    w1=$(( warmup_n < 5000 ? warmup_n : 4999 )); w2=$(( warmup_n - w1 ))
    gen push "${common[@]}" --package "$pkg" --amount 10 --prefix 2541 --from 5000 --count "$w1" \
        --clients 8 --out "$work/warmup.txt" >/dev/null
    if (( w2 > 0 )); then
        gen push "${common[@]}" --package "$pkg" --amount 10 --prefix 2541 --from 0 --count "$w2" \
            --clients 8 --out "$work/warmup2.txt" >/dev/null
        cat "$work/warmup2.txt" >>"$work/warmup.txt"
    fi
    echo "  $(gen settle --in "$work/warmup.txt" --clients "$clients" --via direct --amount 10)"
fi
declare -A set_res=() set_load=() set_cpu=()
for via in $vias; do
    echo
    echo "== 2. settlements/s via $via: $settle_n held callbacks, $clients concurrent clients =="
    if [[ "$via" = sim ]]; then prefix=2541; from=0; else prefix=2547; from=5000; fi
    res="$(gen push "${common[@]}" --package "$pkg" --amount 10 --prefix "$prefix" --from "$from" --count "$settle_n" \
        --clients 8 --out "$work/settle-$via.txt")"
    echo "  $settle_n STK pushes (new phones): $(val "$res" seconds) s ($(val "$res" per_s)/s); load $(load)"
    set_load[$via]="$(load)"
    profile_start "$via"
    m0="$(cpu_mark)"
    set_res[$via]="$(gen settle --in "$work/settle-$via.txt" --clients "$clients" --via "$via" --amount 10)"
    m1="$(cpu_mark)"
    profile_stop "$via" "$settle_n"
    set_cpu[$via]="$(cpu_report "$m0" "$m1" "$settle_n" "$(val "${set_res[$via]}" seconds)")"
    echo "  ${set_res[$via]}"
    echo "  CPU: ${set_cpu[$via]} (ms per settlement; cores used meanwhile; other_cores includes the generator)"
    echo "  load before: ${set_load[$via]}, after: $(load)"
done

# ---------------------------------------------------------------- 3. checks
echo
echo "== 3. checks =="
expected=$(( latency_n + warmup_n + settle_n * $(wc -w <<<"$vias") ))
before="$(gen count "${common[@]}")"
echo "  ledger: $before (expected settled=$expected)"
first_via="${vias%% *}"
head -200 "$work/settle-$first_via.txt" >"$work/replay.txt"
replay="$(gen settle --in "$work/replay.txt" --clients "$clients" --via sim --amount 10)"
after="$(gen count "${common[@]}")"
echo "  200 callbacks delivered again: $(val "$replay" errors) errors; ledger now: $after"
ok=1
[[ "$(val "$before" settled)" = "$expected" && "$(val "$before" pending)" = 0 && "$(val "$before" unmatched)" = 0 \
   && "$(val "$before" failed)" = 0 && "$(val "$before" total)" = "$expected" ]] || ok=0
[[ "$(val "$after" total)" = "$(val "$before" total)" && "$(val "$after" settled)" = "$(val "$before" settled)" ]] || ok=0
for via in $vias; do [[ "$(val "${set_res[$via]}" errors)" = 0 ]] || ok=0; done
errs="$(grep -cE ' ERROR ' "$work/platform.log" || true)"
echo "  every payment settled exactly once: $( (( ok )) && echo yes || echo NO ); platform log: $errs ERROR lines"

# ---------------------------------------------------------------- summary
echo
echo "================ summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, user $(id -un)) ================"
printf 'callback-to-accept latency (%s payments, prime=%s): p50 %s ms, p90 %s ms, p99 %s ms, max %s ms (target p99 < 200 ms)\n' \
    "$latency_n" "$prime" "$(val "$lat" p50_ms)" "$(val "$lat" p90_ms)" "$(val "$lat" p99_ms)" "$(val "$lat" max_ms)"
printf '  of which the callback HTTP round trip: p50 %s ms, p99 %s ms; stale rejects after the callback answered: %s (in %s payments, at most %s tries); load %s\n' \
    "$(val "$lat" callback_p50_ms)" "$(val "$lat" callback_p99_ms)" "$(val "$lat" stale_rejects)" "$(val "$lat" stale_payments)" "$(val "$lat" max_attempts)" "$load_lat"
for via in $vias; do
    r="${set_res[$via]}"
    printf 'settlements/s via %-6s %s (%s callbacks, %s clients, %s s; callback p50 %s ms, p99 %s ms; load %s) (target >= 500/s)\n' \
        "$via:" "$(val "$r" settlements_per_s)" "$(val "$r" callbacks)" "$(val "$r" clients)" "$(val "$r" seconds)" \
        "$(val "$r" callback_p50_ms)" "$(val "$r" callback_p99_ms)" "${set_load[$via]}"
    printf '  CPU per settlement: platform JVM %s ms (of which JIT compiler threads %s ms), PostgreSQL %s ms; other processes (generator included) used %s cores meanwhile\n' \
        "$(val "${set_cpu[$via]}" jvm_ms_per)" "$(val "${set_cpu[$via]}" jit_ms_per)" "$(val "${set_cpu[$via]}" pg_ms_per)" "$(val "${set_cpu[$via]}" other_cores)"
done
echo "ledger: $after; exactly once: $( (( ok )) && echo yes || echo NO )"
(( ok ))
