#!/usr/bin/env bash
# RADIUS benchmark (issue 3): FreeRADIUS 3.2 + rlm_sql vs the WifiCore RADIUS server, same
# PostgreSQL, same 10,000 users, same load generator, same machine, same run.
#
#   bench/radius/run.sh [--only freeradius|wificore] [--duration 25] [--window 64] [--rounds 1] [--keep]
#
# Starts the platform from its jar (its embedded PostgreSQL 17 is the one database server both
# RADIUS servers use), registers a tenant and the generator as its NAS, loads the users into
# the tenant schema and into a `freeradius` database (stock FreeRADIUS PostgreSQL schema),
# runs FreeRADIUS from a generated copy of /etc/freeradius/3.0, then drives each server with
# bench/radius/RadLoad.java: PAP auth (FreeRADIUS, then WifiCore), then accounting
# Start/Interim/Stop (FreeRADIUS, then WifiCore), closed loop, window 64; each server is idle
# while the other is measured. After each accounting run it counts the radacct rows.
# Prints a table.
#
# Options:
#   --only freeradius|wificore   run one half only (default: both, FreeRADIUS first)
#   --duration N                 seconds per measured run (default 25; warm-ups are extra)
#   --window N                   outstanding requests (default 64)
#   --users N                    users loaded and walked round-robin (default 10000)
#   --generator java|python      RadLoad.java (default) or /work/shared/tools/radload.py,
#                                the same one for both servers
#   --procs N                    generator workers (default 1)
#   --rounds N                   repeat the measured runs N times, alternating the servers
#                                (default 1); the summary shows every round and the median
#   --keep                       keep the temp dir (logs, configs, data) and print its path
# Environment (optional): JAR, JAVA, JAVA_OPTS (platform JVM), TMPDIR, RADLOAD_PY,
#   HTTP_PORT DB_PORT AUTH_PORT ACCT_PORT FR_AUTH_PORT FR_ACCT_PORT (default: free ports),
#   FR_THREADS (FreeRADIUS thread pool = SQL pool size, default 8), WARMUP (s, default 5),
#   QUIET (before each measured run, wait up to 60 s until the machine's busy CPU is below
#   this many cores, default 0.3; 0 = do not wait): the machine may be shared
# Needs root (FreeRADIUS's stock config is readable by root/freerad only); installs the Debian
# packages freeradius, freeradius-postgresql, freeradius-utils, postgresql-client, jq, curl, iproute2
# with apt-get when missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=bench/lib.sh
. "$here/../lib.sh"

only=""
duration=25
window=64
users=10000
generator=java
procs=1
rounds=1
keep="${KEEP:-0}"
while (( $# )); do
    case "$1" in
        --only) only="${2:?}"; shift ;;
        --only=*) only="${1#*=}" ;;
        --duration) duration="${2:?}"; shift ;;
        --duration=*) duration="${1#*=}" ;;
        --window) window="${2:?}"; shift ;;
        --window=*) window="${1#*=}" ;;
        --users) users="${2:?}"; shift ;;
        --users=*) users="${1#*=}" ;;
        --generator) generator="${2:?}"; shift ;;
        --generator=*) generator="${1#*=}" ;;
        --procs) procs="${2:?}"; shift ;;
        --rounds) rounds="${2:?}"; shift ;;
        --rounds=*) rounds="${1#*=}" ;;
        --procs=*) procs="${1#*=}" ;;
        --keep) keep=1 ;;
        -h|--help) print_help "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$only" in ""|freeradius|wificore) ;; *) echo "--only takes freeradius or wificore" >&2; exit 2 ;; esac
case "$generator" in java|python) ;; *) echo "--generator takes java or python" >&2; exit 2 ;; esac
for n in "$duration" "$window" "$users" "$procs" "$rounds"; do
    [[ "$n" =~ ^[0-9]+$ ]] && (( n > 0 )) || { echo "not a positive integer: $n" >&2; exit 2; }
done
run_fr=1; run_wc=1
[[ "$only" = freeradius ]] && run_wc=0
[[ "$only" = wificore ]] && run_fr=0
warmup="${WARMUP:-5}"
fr_threads="${FR_THREADS:-8}"
quiet="${QUIET:-0.3}"
secret="bench-radius-secret-3"
slug="radbench"
admin_email="bench-admin@bench.example"
admin_password="bench-admin-password-1"
tenant_email="boss@radbench.example"
tenant_password="radbench-password-1"
run_tag="$(date +%H%M%S)$$"

# ---------------------------------------------------------------- prerequisites
if [[ "$(id -u)" != 0 ]]; then
    echo "run as root: FreeRADIUS's stock configuration (/etc/freeradius/3.0) is readable by root and freerad only," >&2
    echo "and missing Debian packages are installed with apt-get" >&2
    exit 1
fi
missing=()
for pkg in freeradius freeradius-postgresql freeradius-utils postgresql-client jq curl iproute2; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
    echo "installing ${missing[*]} (apt-get)"
    # Debian starts the stock freeradius service on install (1812/1813); this benchmark does not use it
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
fi
fr_bin="$(command -v freeradius || command -v radiusd || true)"
[[ -n "$fr_bin" ]] || { echo "freeradius binary not found" >&2; exit 1; }
stock=/etc/freeradius/3.0
[[ -f "$stock/mods-config/sql/main/postgresql/schema.sql" ]] || { echo "$stock: no PostgreSQL schema (freeradius-postgresql?)" >&2; exit 1; }

pick_java
need_java25
resolve_jar
if [[ ! -f "$jar" ]]; then
    echo "building $jar (mvn -q -o package -DskipTests)"
    (cd "$repo" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")" mvn -q -o package -DskipTests) \
        || { echo "build failed" >&2; exit 1; }
fi
radload_py="${RADLOAD_PY:-/work/shared/tools/radload.py}"
[[ "$generator" = java || -f "$radload_py" ]] || { echo "radload.py not found: $radload_py (set RADLOAD_PY)" >&2; exit 1; }

# free TCP+UDP ports on 127.0.0.1, distinct from each other
declare -A taken=()
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( 20000 + RANDOM % 30000 ))
        [[ -n "${taken[$p]:-}" ]] && continue
        if ! port_in_use "$p" && ! ss -Hlun "sport = :$p" | grep -q .; then
            taken[$p]=1; echo "$p"; return
        fi
    done
    echo "no free port found" >&2; return 1
}
http_port="${HTTP_PORT:-$(free_port)}"; taken[$http_port]=1
db_port="${DB_PORT:-$(free_port)}"; taken[$db_port]=1
auth_port="${AUTH_PORT:-$(free_port)}"; taken[$auth_port]=1
acct_port="${ACCT_PORT:-$(free_port)}"; taken[$acct_port]=1
fr_auth_port="${FR_AUTH_PORT:-$(free_port)}"; taken[$fr_auth_port]=1
fr_acct_port="${FR_ACCT_PORT:-$(free_port)}"; taken[$fr_acct_port]=1
fr_inner_port="$(free_port)"
base_url="http://127.0.0.1:$http_port"

# ---------------------------------------------------------------- cleanup (lib.sh)
work=""; data=""; app_pid=""; fr_pid=""; gen_pid=""
cleanup_extra() { stop_pid "$gen_pid" generator 5; stop_pid "$fr_pid" FreeRADIUS 20; }
trap_cleanup
make_work wcradius
data="$work/data"
mkdir -m 755 "$data" "$work/results"
cp "$jar" "$work/wificore.jar"
if [[ "$generator" = java ]]; then
    # compiled once, so that no run pays (or, on 2 cores, competes with) the source launcher's compile
    "$(jdk_tool javac)" -d "$work/gen" "$here/RadLoad.java"
fi

# CPU accounting: tree_jiffies, machine_jiffies (lib.sh)
hz="$(getconf CLK_TCK)"

# ---------------------------------------------------------------- platform
start_platform() {
    local log="$work/platform.log" t0
    t0="$(now_ms)"
    # shellcheck disable=SC2086   # JAVA_OPTS: words
    launch_platform "$log" WIFICORE_RADIUS_AUTH_PORT="$auth_port" WIFICORE_RADIUS_ACCT_PORT="$acct_port" \
        WIFICORE_ADMIN_EMAIL="$admin_email" WIFICORE_ADMIN_PASSWORD="$admin_password" \
        ${JAVA_OPTS:-} -jar "$work/wificore.jar"
    wait_health "$base_url" "$log" "$t0"
    echo "  platform up in $(( ($(now_ms) - t0) / 1000 )) s (pid $app_pid, HTTP $http_port, DB $db_port)"
}

# psql as the embedded server's superuser (pg_super_pw: lib.sh)
psql_super() {   # $1 database, rest: psql args
    local db="$1"; shift
    PGPASSWORD="$(pg_super_pw)" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$db_port" -U postgres -d "$db" "$@"
}
psql_val() { psql_super "$1" -At -c "$2"; }

# INSERTs of the users into radcheck/radreply of the current search_path; $1 = op for radcheck
users_sql() {
    local n="$users"
    cat <<SQL
insert into radcheck (username, attribute, op, value)
  select 'user' || lpad(i::text, greatest(5, length(i::text)), '0'), 'Cleartext-Password', ':=',
         'pass' || lpad(i::text, greatest(5, length(i::text)), '0')
  from generate_series(0, $n - 1) i;
insert into radreply (username, attribute, op, value)
  select 'user' || lpad(i::text, greatest(5, length(i::text)), '0'), a.attribute, '=', a.value
  from generate_series(0, $n - 1) i,
       (values (1, 'Session-Timeout', '3600'), (2, 'Mikrotik-Rate-Limit', '2M/2M')) a(k, attribute, value)
  order by i, a.k;
analyze radcheck; analyze radreply;
SQL
}

api() {   # $1 method, $2 path, $3 json body, $4 token (optional); prints "status body"
    local auth=()
    [[ -n "${4:-}" ]] && auth=(-H "Authorization: Bearer $4")
    curl -s --max-time 30 -o "$work/api.out" -w '%{http_code}' -X "$1" "$base_url$2" \
        -H 'Content-Type: application/json' "${auth[@]}" -d "$3" || echo 000
}

setup_tenant() {
    local code body
    body="$(jq -nc --arg n "RADIUS bench" --arg s "$slug" --arg e "$tenant_email" --arg p "$tenant_password" \
        '{tenantName: $n, slug: $s, adminEmail: $e, adminPassword: $p}')"
    code="$(api POST /api/register "$body")"
    [[ "$code" = 201 ]] || { echo "POST /api/register: $code $(cat "$work/api.out")" >&2; exit 1; }
    schema="$(jq -r '.schema // empty' "$work/api.out")"
    [[ -n "$schema" ]] || schema="ts_$slug"
    code="$(api POST /api/auth/login "$(jq -nc --arg e "$tenant_email" --arg p "$tenant_password" '{email: $e, password: $p}')")"
    [[ "$code" = 200 ]] || { echo "POST /api/auth/login: $code $(cat "$work/api.out")" >&2; exit 1; }
    token="$(jq -r '.token' "$work/api.out")"
    echo "  tenant $slug (schema $schema) registered"
    { echo "set search_path = $schema;"; users_sql; } | psql_super wificore
    echo "  $users users loaded into $schema.radcheck/radreply:" \
        "$(psql_val wificore "select count(*) from $schema.radcheck") radcheck," \
        "$(psql_val wificore "select count(*) from $schema.radreply") radreply rows"
}

register_nas() {   # the generator's address as the tenant's NAS; fails until POST /api/nas exists
    local code
    code="$(api POST /api/nas "$(jq -nc --arg s "$secret" \
        '{name: "radload", address: "127.0.0.1", secret: $s, type: "other", requireMessageAuthenticator: true}')" "$token")"
    if [[ "$code" != 201 && "$code" != 200 ]]; then
        echo "POST /api/nas answered $code: $(head -c 300 "$work/api.out")"
        return 1
    fi
    echo "  NAS 127.0.0.1 registered for tenant $slug"
}

# ---------------------------------------------------------------- FreeRADIUS
fr_db_pw="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

setup_freeradius_db() {
    psql_super postgres -c "create role freeradius login password '$fr_db_pw'" \
        -c "create database freeradius owner freeradius encoding 'UTF8'"
    # the stock schema, created by the role FreeRADIUS connects as
    PGPASSWORD="$fr_db_pw" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$db_port" -U freeradius -d freeradius \
        -f "$stock/mods-config/sql/main/postgresql/schema.sql" >/dev/null
    users_sql | psql_super freeradius
    echo "  database freeradius (stock schema.sql): $(psql_val freeradius "select count(*) from radcheck") radcheck," \
        "$(psql_val freeradius "select count(*) from radreply") radreply rows"
}

# awk: drop every top-level `listen { ... }` block of a site file (comments already removed)
drop_listen='
  skip == 0 && /^[ \t]*listen[ \t]*\{/ { skip = 1; depth = 0 }
  skip == 1 { n = gsub(/\{/, "{"); m = gsub(/\}/, "}"); depth += n - m; if (depth <= 0) skip = 0; next }
  { print }'

must() {   # $1 file, $2 fixed string that must now be present (guards against a changed stock file)
    grep -qF -- "$2" "$1" || { echo "generating the FreeRADIUS config: '$2' missing in $1" >&2; exit 1; }
}

generate_raddb() {
    local d="$work/raddb"
    cp -a "$stock" "$d"
    mkdir -p "$work/fr/log" "$work/fr/run"
    # radiusd.conf: paths into the temp dir, no privilege drop, thread pool for 2 cores
    sed -i -E \
        -e "s|^raddbdir = .*|raddbdir = $d|" \
        -e "s|^logdir = .*|logdir = $work/fr/log|" \
        -e "s|^run_dir = .*|run_dir = $work/fr/run|" \
        -e 's/^(\s*)(user|group) = freerad/\1#\2 = freerad/' \
        -e "s/^(\s*)start_servers = .*/\1start_servers = $fr_threads/" \
        -e "s/^(\s*)max_servers = .*/\1max_servers = $fr_threads/" \
        -e "s/^(\s*)min_spare_servers = .*/\1min_spare_servers = $fr_threads/" \
        -e "s/^(\s*)max_spare_servers = .*/\1max_spare_servers = $fr_threads/" \
        "$d/radiusd.conf"
    must "$d/radiusd.conf" "raddbdir = $d"
    must "$d/radiusd.conf" "run_dir = $work/fr/run"
    must "$d/radiusd.conf" "#user = freerad"
    must "$d/radiusd.conf" "max_servers = $fr_threads"
    must "$d/radiusd.conf" "max_spare_servers = $fr_threads"
    # clients.conf: only the generator, Message-Authenticator required (BlastRADIUS hardening)
    cat >"$d/clients.conf" <<EOF
client radload {
	ipaddr = 127.0.0.1
	secret = $secret
	require_message_authenticator = yes
	nas_type = other
}
EOF
    # sites: the stock default and inner-tunnel, comments stripped, listeners replaced
    local f
    for f in default inner-tunnel; do
        rm -f "$d/sites-enabled/$f"
        grep -v '^[[:space:]]*#' "$stock/sites-available/$f" | grep -v '^[[:space:]]*$' | awk "$drop_listen" >"$d/sites-enabled/$f.tmp"
    done
    {
        sed -n '1p' "$d/sites-enabled/default.tmp"
        cat <<EOF
listen {
	type = auth
	ipaddr = 127.0.0.1
	port = $fr_auth_port
}
listen {
	type = acct
	ipaddr = 127.0.0.1
	port = $fr_acct_port
}
EOF
        # accounting: no detail file and no radwtmp (unix): an SQL deployment records sessions in radacct
        sed '1d' "$d/sites-enabled/default.tmp" | awk '
            /^accounting[ \t]*\{/ { inacct = 1 }
            inacct && /^[ \t]*(detail|unix)[ \t]*$/ { next }
            inacct && /^\}/ { inacct = 0 }
            { print }'
    } >"$d/sites-enabled/default"
    { sed -n '1p' "$d/sites-enabled/inner-tunnel.tmp"
      printf 'listen {\n\tipaddr = 127.0.0.1\n\tport = %s\n\ttype = auth\n}\n' "$fr_inner_port"
      sed '1d' "$d/sites-enabled/inner-tunnel.tmp"; } >"$d/sites-enabled/inner-tunnel"
    rm -f "$d"/sites-enabled/*.tmp
    must "$d/sites-enabled/default" "port = $fr_acct_port"
    must "$d/sites-enabled/default" "-sql"
    if grep -A8 '^accounting' "$d/sites-enabled/default" | grep -qE '^\s*(detail|unix)\s*$'; then
        echo "generating the FreeRADIUS config: detail/unix still in accounting" >&2; exit 1
    fi
    # mods-enabled/sql: the stock module, PostgreSQL dialect, pointed at the embedded server
    grep -v '^[[:space:]]*#' "$stock/mods-available/sql" | grep -v '^[[:space:]]*$' | sed -E \
        -e 's/^(\s*)dialect = .*/\1dialect = "postgresql"/' \
        -e 's/^(\s*)driver = .*/\1driver = "rlm_sql_${dialect}"\n\1server = "127.0.0.1"\n\1port = '"$db_port"'\n\1login = "freeradius"\n\1password = "'"$fr_db_pw"'"/' \
        -e 's/^(\s*)radius_db = .*/\1radius_db = "freeradius"/' \
        >"$d/mods-available/sql"
    ln -sfn ../mods-available/sql "$d/mods-enabled/sql"
    must "$d/mods-available/sql" 'dialect = "postgresql"'
    must "$d/mods-available/sql" "port = $db_port"
    must "$d/mods-available/sql" 'radius_db = "freeradius"'
    if ! "$fr_bin" -C -d "$d" >"$work/fr/check.log" 2>&1; then
        echo "FreeRADIUS rejects the generated config:" >&2
        "$fr_bin" -XC -d "$d" 2>&1 | grep -iE 'error|fail|unknown' | head -20 >&2
        exit 1
    fi
}

start_freeradius() {
    "$fr_bin" -f -d "$work/raddb" >"$work/fr/stdout.log" 2>&1 &
    fr_pid=$!
    echo "  FreeRADIUS $("$fr_bin" -v | sed -n '1s/.*Version \([0-9.]*\).*/\1/p') (pid $fr_pid) on 127.0.0.1:$fr_auth_port/$fr_acct_port," \
        "$fr_threads threads, SQL pool $fr_threads"
}

# ---------------------------------------------------------------- generator
gen() {   # prints the generator's JSON line; args: mode port run-id extra...
    local mode="$1" port="$2" rid="$3"; shift 3
    local out="$work/gen.out"
    if [[ "$generator" = java ]]; then
        "$java" -XX:+UseSerialGC -Xms256m -cp "$work/gen" RadLoad --mode "$mode" --port "$port" --secret "$secret" \
            --users "$users" --run-id "$rid" "$@" >"$out" 2>"$work/gen.err" &
    else
        python3 "$radload_py" --mode "$mode" --port "$port" --secret "$secret" \
            --users "$users" --run-id "$rid" "$@" >"$out" 2>"$work/gen.err" &
    fi
    gen_pid=$!
    local rc=0
    wait "$gen_pid" || rc=$?
    gen_pid=""
    (( rc == 0 )) || { echo "generator failed ($rc): $(tail -3 "$work/gen.err")" >&2; return 1; }
    tail -1 "$out"
}

wait_answering() {   # $1 label, $2 auth port: until a small auth run is fully accepted
    local t0 res
    t0="$(now_ms)"
    while :; do
        res="$(gen auth "$2" probe --count 20 --window 4 --timeout 0.5 2>/dev/null || true)"
        [[ -n "$res" && "$(jq -r '.accepted' <<<"$res")" = 20 ]] && break
        if (( $(now_ms) - t0 > 60000 )); then
            echo "  $1 does not accept user00000 on 127.0.0.1:$2 within 60 s; last probe: ${res:-none}"
            return 1
        fi
        sleep 1
    done
}

# one measured run; writes results/<server>-<mode>.json with CPU figures added
# waits (up to 60 s) until the whole machine is using less than $quiet cores: the servers are
# idle between runs, so what is busy then is someone else
wait_quiet() {
    [[ "$quiet" = 0 ]] && return 0
    local a b busy t0
    t0="$(now_ms)"
    while :; do
        a="$(machine_jiffies)"; sleep 2; b="$(machine_jiffies)"
        busy="$(awk -v d="$((b - a))" -v hz="$hz" 'BEGIN { printf "%.2f", d / hz / 2 }')"
        awk -v b="$busy" -v q="$quiet" 'BEGIN { exit !(b < q) }' && return 0
        if (( $(now_ms) - t0 > 60000 )); then
            echo "    (machine still busy: $busy cores in use by other processes; measuring anyway)"
            return 0
        fi
    done
}

measure() {   # $1 server label, $2 mode, $3 port, $4 server pid, $5 run-id, $6 result file
    local server="$1" mode="$2" port="$3" spid="$4" rid="$5" out="$6"
    local s0 p0 m0 s1 p1 m1 res
    wait_quiet
    s0="$(tree_jiffies "$spid")"; p0="$(tree_jiffies "$(pg_pid)")"; m0="$(machine_jiffies)"
    local load0; load0="$(cut -d' ' -f1 /proc/loadavg)"
    res="$(gen "$mode" "$port" "$rid" --duration "$duration" --window "$window" --procs "$procs")" || return 1
    s1="$(tree_jiffies "$spid")"; p1="$(tree_jiffies "$(pg_pid)")"; m1="$(machine_jiffies)"
    jq -c --argjson srv "$(( s1 - s0 ))" --argjson pg "$(( p1 - p0 ))" --argjson all "$(( m1 - m0 ))" \
        --argjson hz "$hz" --arg load "$load0" \
        '. + {cpu_s: {server: ($srv / $hz), postgres: ($pg / $hz), machine: ($all / $hz),
               others: ((($all - $srv - $pg) / $hz) - .client_cpu_s)}, load1_before: ($load | tonumber)}
          | .cpu_s.others_cores = (.cpu_s.others / .elapsed_s * 100 | round / 100)
          | .cpu_s.others = (.cpu_s.others * 100 | round / 100)' \
        <<<"$res" >"$out"
    jq -r '"    \(.mode): \(.throughput_rps) req/s, p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms;"
        + " sent \(.sent), answered \(.answered), timeouts \(.timeouts), bad \(.bad_replies);"
        + " CPU s: server \(.cpu_s.server), postgres \(.cpu_s.postgres), generator \(.client_cpu_s),"
        + " other processes \(.cpu_s.others) (\(.cpu_s.others_cores) cores)"' "$out"
}

count_rows() {   # $1 database, $2 schema-qualified radacct, $3 run-id: "rows stopped stopped_with_stop_values"
    psql_val "$1" "select count(*), count(acctstoptime),
        count(*) filter (where acctstoptime is not null and acctsessiontime = 120
                         and acctinputoctets = 300000 and acctoutputoctets = 1800000)
        from $2 where acctsessionid like '$3-%'" | tr '|' ' '
}

# counts rows until two counts 1 s apart agree (a server may write accounting asynchronously)
settle_rows() {
    local prev="" cur
    for _ in $(seq 1 30); do
        cur="$(count_rows "$@")"
        [[ "$cur" = "$prev" ]] && break
        prev="$cur"; sleep 1
    done
    echo "$cur"
}

# per server: "auth-port acct-port pid database radacct radpostauth"
declare -A srv=()
active=()

warm_up() {   # $1 label
    local ap cp spid db acct postauth
    read -r ap cp spid db acct postauth <<<"${srv[$1]}"
    echo "  $1: warm-up, auth ${warmup} s and acct ${warmup} s (not counted)"
    gen auth "$ap" "warm-$1-$run_tag" --duration "$warmup" --window "$window" --procs "$procs" >/dev/null
    gen acct "$cp" "warm-$1-$run_tag" --duration "$warmup" --window "$window" --procs "$procs" >/dev/null
}

run_auth() {   # $1 label, $2 round
    local ap cp spid db acct postauth pa0 pa1 f="$work/results/$1-auth-r$2.json"
    read -r ap cp spid db acct postauth <<<"${srv[$1]}"
    echo "  $1 auth (round $2): $duration s, window $window, $users users"
    pa0="$(psql_val "$db" "select count(*) from $postauth")"
    measure "$1" auth "$ap" "$spid" "$1-$run_tag-r$2" "$f" || return 1
    sleep 2
    pa1="$(psql_val "$db" "select count(*) from $postauth")"
    jq -c --argjson n "$(( pa1 - pa0 ))" '. + {radpostauth_rows: $n}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
    echo "    radpostauth rows written during the run: $(( pa1 - pa0 ))"
}

run_acct() {   # $1 label, $2 round
    local ap cp spid db acct postauth rows n_rows n_stopped n_ok f="$work/results/$1-acct-r$2.json"
    read -r ap cp spid db acct postauth <<<"${srv[$1]}"
    echo "  $1 acct (round $2): $duration s, window $window (Start -> Interim-Update -> Stop)"
    measure "$1" acct "$cp" "$spid" "$1-$run_tag-r$2" "$f" || return 1
    rows="$(settle_rows "$db" "$acct" "$1-$run_tag-r$2")"
    read -r n_rows n_stopped n_ok <<<"$rows"
    jq -c --argjson rows "$n_rows" --argjson stopped "$n_stopped" --argjson ok "$n_ok" \
        '. + {radacct: {rows: $rows, stopped: $stopped, stop_values_ok: $ok}}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
    echo "    radacct rows of this run: $n_rows (stopped: $n_stopped, with the Stop's counters: $n_ok);" \
        "sessions whose Stop was answered: $(jq '.sessions_completed' "$f")"
}

# ---------------------------------------------------------------- run
echo "RADIUS benchmark: FreeRADIUS 3.2 + rlm_sql vs WifiCore"
echo "  machine:   $(machine_info), load1 $(cut -d' ' -f1 /proc/loadavg)"
echo "  java:      $(java_version)"
echo "  generator: $([[ $generator = java ]] && echo "bench/radius/RadLoad.java" || echo "$radload_py"), procs $procs, window $window, $users users, ${duration} s per run, $rounds round(s)"
echo "  work dir:  $work"
start_platform
schema="ts_$slug"; token=""
setup_tenant

fr_note=""
if (( run_fr )); then
    echo
    echo "== FreeRADIUS =="
    setup_freeradius_db
    generate_raddb
    start_freeradius
    if wait_answering FreeRADIUS "$fr_auth_port"; then
        srv[freeradius]="$fr_auth_port $fr_acct_port $fr_pid freeradius radacct radpostauth"
        active+=(freeradius)
    else
        fr_note="no Access-Accept from FreeRADIUS"
        tail -20 "$work/fr/log/radius.log" "$work/fr/stdout.log" 2>/dev/null >&2
    fi
fi

wc_note=""
if (( run_wc )); then
    echo
    echo "== WifiCore =="
    if ! register_nas; then
        wc_note="NAS registration failed (POST /api/nas)"
    elif ! wait_answering WifiCore "$auth_port"; then
        wc_note="no Access-Accept from 127.0.0.1:$auth_port (WIFICORE_RADIUS_AUTH_PORT)"
    else
        echo "  WifiCore RADIUS (pid $app_pid) on 127.0.0.1:$auth_port/$acct_port"
        srv[wificore]="$auth_port $acct_port $app_pid wificore $schema.radacct $schema.radpostauth"
        active+=(wificore)
    fi
    [[ -z "$wc_note" ]] || echo "  WifiCore skipped: $wc_note"
fi

# Both servers stay up; each is idle while the other is measured. Auth runs of both servers
# come first, then acct runs, round after round, so that a busy spell on a shared machine
# does not fall on one server only.
if (( ${#active[@]} )); then
    echo
    echo "== runs =="
    for s in "${active[@]}"; do warm_up "$s"; done
    for r in $(seq 1 "$rounds"); do
        for s in "${active[@]}"; do run_auth "$s" "$r"; done
        for s in "${active[@]}"; do run_acct "$s" "$r"; done
    done
fi
if [[ -n "$fr_pid" ]]; then
    if grep -qiE 'too many|dropping|error' "$work/fr/log/radius.log" 2>/dev/null; then
        echo "  FreeRADIUS log (errors/drops):"; grep -iE 'too many|dropping|error' "$work/fr/log/radius.log" | sort | uniq -c | sort -rn | head -5
    fi
    stop_pid "$fr_pid" FreeRADIUS 20; fr_pid=""
fi

# ---------------------------------------------------------------- summary
# results/<server>.json: every round, and the median round per mode (lower middle of an even count)
for s in "${active[@]}"; do
    jq -s '{server: "'"$s"'",
            auth_rounds: [.[] | select(.mode == "auth")], acct_rounds: [.[] | select(.mode == "acct")]}
        | .auth = (.auth_rounds | sort_by(.throughput_rps) | .[(length - 1) / 2 | floor])
        | .acct = (.acct_rounds | sort_by(.throughput_rps) | .[(length - 1) / 2 | floor])
        | .radacct = {expected: ([.acct_rounds[].sessions_completed] | add),
                      found: ([.acct_rounds[].radacct.stop_values_ok] | add),
                      rows: ([.acct_rounds[].radacct.rows] | add)}' \
        "$work"/results/"$s"-auth-r*.json "$work"/results/"$s"-acct-r*.json >"$work/results/$s.json"
done

echo
echo "================ summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, window $window, ${duration} s per run, $rounds round(s)) ================"
printf '%-18s %8s %7s %7s | %10s %7s %7s | %19s %10s %6s | %s\n' server "auth/s" "p50 ms" "p99 ms" "acct pkt/s" "p50 ms" "p99 ms" \
    "rows expected/found" "rows total" "lost" "others' CPU (cores) auth/acct"
row() {   # $1 label, $2 auth json, $3 acct json
    jq -rn --arg l "$1" --argjson a "$2" --argjson c "$3" '[$l, $a.throughput_rps, $a.latency_ms.p50, $a.latency_ms.p99,
            $c.throughput_rps, $c.latency_ms.p50, $c.latency_ms.p99,
            "\($c.sessions_completed)/\($c.radacct.stop_values_ok)", $c.radacct.rows,
            ($c.sessions_completed - $c.radacct.stop_values_ok), "\($a.cpu_s.others_cores)/\($c.cpu_s.others_cores)"] | @tsv' |
        awk -F'\t' '{ printf "%-18s %8.0f %7.2f %7.2f | %10.0f %7.2f %7.2f | %19s %10d %6d | %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
}
for s in freeradius wificore; do
    f="$work/results/$s.json"
    if [[ -f "$f" ]]; then
        for r in $(seq 1 "$rounds"); do
            (( rounds > 1 )) || break
            row "$s r$r" "$(cat "$work/results/$s-auth-r$r.json")" "$(cat "$work/results/$s-acct-r$r.json")"
        done
        row "$s$( (( rounds > 1 )) && echo " median")" "$(jq -c .auth "$f")" "$(jq -c .acct "$f")"
        (( rounds > 1 )) && jq -r '"\(.server) all rounds: rows expected \(.radacct.expected), found \(.radacct.found), lost \(.radacct.expected - .radacct.found)"' "$f"
    elif [[ "$s" = freeradius && -n "$fr_note" ]]; then
        printf '%-18s %s\n' "$s" "not measured: $fr_note"
    elif [[ "$s" = wificore && -n "$wc_note" ]]; then
        printf '%-18s %s\n' "$s" "not measured: $wc_note"
    fi
done
echo "(acct pkt/s counts Start, Interim-Update and Stop; rows expected = sessions whose Stop was answered,"
echo " found = radacct rows of the run closed with that Stop's counters, lost = the difference; rows total"
echo " also counts sessions cut short by a timeout, if any; others' CPU = what other processes used meanwhile)"
if [[ -f "$work/results/freeradius.json" ]]; then
    jq -r '"targets for WifiCore from this FreeRADIUS run (5x): \(.auth.throughput_rps * 5 | round) auth/s, "
        + "\(.acct.throughput_rps * 5 | round) acct packets/s; p99 < 10 ms; lost = 0"' "$work/results/freeradius.json"
fi
if [[ -f "$work/results/freeradius.json" && -f "$work/results/wificore.json" ]]; then
    jq -rn --slurpfile fr "$work/results/freeradius.json" --slurpfile wc "$work/results/wificore.json" '
        ($fr[0]) as $f | ($wc[0]) as $w |
        "WifiCore / FreeRADIUS: auth \($w.auth.throughput_rps / $f.auth.throughput_rps * 100 | round / 100)x (target >= 5x), "
        + "acct \($w.acct.throughput_rps / $f.acct.throughput_rps * 100 | round / 100)x (target >= 5x); "
        + "WifiCore p99 auth \($w.auth.latency_ms.p99) ms, acct \($w.acct.latency_ms.p99) ms (target < 10 ms); "
        + "lost \($w.radacct.expected - $w.radacct.found)"'
fi
echo "raw results (one JSON object per server):"
for s in freeradius wificore; do
    [[ -f "$work/results/$s.json" ]] || continue
    if (( rounds > 1 )); then jq -c . "$work/results/$s.json"; else jq -c 'del(.auth_rounds, .acct_rounds)' "$work/results/$s.json"; fi
done
[[ -z "$wc_note$fr_note" ]]
