#!/usr/bin/env bash
# End-to-end relay benchmark: how many messages per second reach an SMTP sink
# (a) sent straight to the sink, (b) relayed by a private Postfix instance and
# (c) relayed by Tactgate; at 1, 8 and 32 parallel sessions, on loopback only.
# The mail is smtp-source's 5 KB filler (MAIL=filler) or the real Enron messages of
# ../shared/corpus/enron-dev replayed by tools/replay.py (MAIL=enron).
# See bench/README.md for what each column means.
#
# Options (environment):
#   MAIL=filler|enron              filler: smtp-source's 5 KB synthetic message (default);
#                                  enron: ../shared/corpus/enron-dev/*.eml, as on disk
#   SESSIONS="1 8 32"              parallel SMTP sessions per run
#   PATHS="sink postfix tactgate"  which paths to measure
#   MESSAGES=N                     messages per throughput run (default per path:
#                                  sink 60000, postfix 5000, tactgate 5000)
#   LAT_MESSAGES=2000 LAT_SECONDS=15   bound of each time-to-250 run
#   WARMUP=500                     messages sent through each path before measuring
#   RUN_TIMEOUT=180                seconds one phase may take before it is cut off
#   TACTGATE_START_TIMEOUT=300     seconds to wait for Tactgate's SMTP port (covers a build)
#   POSTFIX_PORT=2526              loopback port of the private Postfix (a free one if taken)
#   KEEP_WORK=1                    keep the temp folder (configs, logs) for inspection
#   TACTGATE_PROPS="k = v; k = v"  extra lines for Tactgate's settings, e.g. "inspect.reader.cache = 0"
#                                  (nothing remembered: every replayed message costs the model anew)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
TOOLS=$BENCH/tools

SESSIONS=${SESSIONS:-"1 8 32"}
PATHS=${PATHS:-"sink postfix tactgate"}
# Login shells export MAIL as the user's mailbox path (/var/mail/USER): that is not a choice.
[[ ${MAIL:-} == /* ]] && MAIL=
MAIL=${MAIL:-filler}
CORPUS_LABEL=../shared/corpus/enron-dev   # relative to the repo root
CORPUS=$(cd "$ROOT/.." && pwd)/shared/corpus/enron-dev
MESSAGES=${MESSAGES:-}
LAT_MESSAGES=${LAT_MESSAGES:-2000}
LAT_SECONDS=${LAT_SECONDS:-15}
WARMUP=${WARMUP:-500}
RUN_TIMEOUT=${RUN_TIMEOUT:-180}
TACTGATE_START_TIMEOUT=${TACTGATE_START_TIMEOUT:-300}
POSTFIX_PORT=${POSTFIX_PORT:-2526}
SIZE=5000
SENDER=bench@sender.example
RECIPIENT=rcpt@dest.example
LOOPBACK=127.0.0.1

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------
# Input checks: every loop below is bounded by these numbers.
# ---------------------------------------------------------------------------
is_count() { [[ $1 =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= $2 )); }
for n in $SESSIONS; do is_count "$n" 256 || die "SESSIONS: '$n' is not 1..256"; done
[[ -z $MESSAGES ]] || is_count "$MESSAGES" 1000000 || die "MESSAGES must be 1..1000000"
is_count "$LAT_MESSAGES" 1000000 || die "LAT_MESSAGES must be 1..1000000"
is_count "$LAT_SECONDS" 600 || die "LAT_SECONDS must be 1..600"
is_count "$RUN_TIMEOUT" 3600 || die "RUN_TIMEOUT must be 1..3600"
if ! [[ $WARMUP =~ ^[0-9]+$ ]] || (( WARMUP > 100000 )); then die "WARMUP must be 0..100000"; fi
for p in $PATHS; do [[ $p == sink || $p == postfix || $p == tactgate ]] || die "PATHS: unknown '$p'"; done
case $MAIL in
    filler) ;;
    enron)
        [[ -d $CORPUS ]] || die "MAIL=enron: corpus folder $CORPUS does not exist (expected ../shared/corpus/enron-dev next to the repo)"
        compgen -G "$CORPUS/*.eml" >/dev/null || die "MAIL=enron: no .eml files in $CORPUS"
        ;;
    *) die "MAIL: unknown '$MAIL' (filler or enron)" ;;
esac

# ---------------------------------------------------------------------------
# 1. Tools: Postfix from Debian's packages (smtp-source, smtp-sink, the peer).
# ---------------------------------------------------------------------------
ensure_postfix() {
    if command -v smtp-source >/dev/null && command -v smtp-sink >/dev/null \
        && command -v postfix >/dev/null; then
        return
    fi
    (( EUID == 0 )) || die "postfix is not installed and this is not root: apt-get install postfix"
    log "installing postfix from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    if ! apt-get install -y -q --no-install-recommends postfix >"$WORK/apt.log" 2>&1; then
        log "apt-get install failed; refreshing the package lists once"
        apt-get update -q >>"$WORK/apt.log" 2>&1
        apt-get install -y -q --no-install-recommends postfix >>"$WORK/apt.log" 2>&1 \
            || die "cannot install postfix (see $WORK/apt.log)"
    fi
}

# ---------------------------------------------------------------------------
# Cleanup: every daemon this script starts is recorded here and stopped on exit.
# ---------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/tactgate-bench.XXXXXX)
chmod 755 "$WORK"   # Postfix daemons run as user postfix and must reach their queue
SINK_PID=
PF_CONF=
TG_PID=
TG_JVM=
TG_WEB_PORT=
SAMPLER_PID=
WAITER_PID=

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# Waits up to $2 seconds (in 0.1 s steps) for process $1 to end.
wait_gone() {
    local pid=$1 tries=$(( $2 * 10 ))
    while pid_alive "$pid" && (( tries-- > 0 )); do sleep 0.1; done
    ! pid_alive "$pid"
}

stop_sink() {
    if pid_alive "$SINK_PID"; then
        kill -TERM "$SINK_PID" 2>/dev/null || true
        wait_gone "$SINK_PID" 5 || kill -KILL "$SINK_PID" 2>/dev/null || true
    fi
    SINK_PID=
}

stop_postfix() {
    [[ -n $PF_CONF ]] || return 0
    local master
    master=$(postfix_master_pid)
    postfix -c "$PF_CONF" stop >/dev/null 2>&1 || true
    if [[ -n $master ]] && ! wait_gone "$master" 20; then
        log "postfix did not stop in 20 s; aborting it"
        postfix -c "$PF_CONF" abort >/dev/null 2>&1 || true
        wait_gone "$master" 5 || kill -KILL "$master" 2>/dev/null || true
    fi
    PF_CONF=
}

stop_tactgate() {
    [[ -n $TG_PID ]] || return 0
    local target=${TG_JVM:-$TG_PID}
    if pid_alive "$target"; then
        kill -TERM "$target" 2>/dev/null || true
        if wait_gone "$target" 30; then
            log "tactgate stopped on SIGTERM"
        else
            log "tactgate still running 30 s after SIGTERM; killing it"
            kill -KILL "$target" 2>/dev/null || true
        fi
    fi
    # The launcher and anything it started share the process group set up by setsid.
    kill -TERM -- "-$TG_PID" 2>/dev/null || true
    wait_gone "$TG_PID" 5 || kill -KILL -- "-$TG_PID" 2>/dev/null || true
    TG_PID='' TG_JVM=''
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    pid_alive "$SAMPLER_PID" && kill -TERM "$SAMPLER_PID" 2>/dev/null
    pid_alive "$WAITER_PID" && kill -TERM "$WAITER_PID" 2>/dev/null
    stop_tactgate
    stop_postfix
    stop_sink
    # Anything else still running in the background was started here too (by job id).
    local job
    for job in $(jobs -p); do kill -TERM "$job" 2>/dev/null || true; done
    if [[ ${KEEP_WORK:-0} == 1 || $status != 0 ]]; then
        log "work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
port_free() {
    python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do: TIME_WAIT is no obstacle
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Polls until something accepts TCP connections on 127.0.0.1:$1, for at most $2 seconds,
# failing early if process $3 (when given) has died.
wait_port() {
    local port=$1 tries=$(( $2 * 10 )) pid=${3:-}
    while (( tries-- > 0 )); do
        if (exec 3<>"/dev/tcp/$LOOPBACK/$port") 2>/dev/null; then return 0; fi
        if [[ -n $pid ]] && ! pid_alive "$pid"; then return 1; fi
        sleep 0.1
    done
    return 1
}

now() { echo "$EPOCHREALTIME"; }
sink_count() { python3 "$TOOLS/sink_wait.py" "$WORK/sink.counter"; }

# Waits until the sink has counted $1 messages in total, for at most $2 seconds.
# Prints "<unix time> <count>"; fails on timeout.
sink_wait() { python3 "$TOOLS/sink_wait.py" "$WORK/sink.counter" "$1" "$2"; }

start_sink() {
    SINK_PORT=$(free_port)
    # -c: running counter on stdout; 1024: listen backlog. Pipelining is on by default.
    smtp-sink -c -u postfix -m 512 "$LOOPBACK:$SINK_PORT" 1024 \
        >"$WORK/sink.counter" 2>"$WORK/sink.err" &
    SINK_PID=$!
    wait_port "$SINK_PORT" 10 "$SINK_PID" || die "smtp-sink did not listen (see $WORK/sink.err)"
    log "smtp-sink listening on $LOOPBACK:$SINK_PORT"
}

messages_for() {
    if [[ -n $MESSAGES ]]; then echo "$MESSAGES"; return; fi
    case $1 in sink) echo 60000 ;; *) echo 5000 ;; esac
}

# ---------------------------------------------------------------------------
# Path b: a private Postfix instance (own config and queue in $WORK), a plain relay.
# ---------------------------------------------------------------------------
postfix_master_pid() {
    local file=$WORK/postfix/spool/pid/master.pid
    if [[ -r $file ]]; then tr -d ' \n' <"$file"; fi
}

start_postfix() {
    local dir=$WORK/postfix
    mkdir -p "$dir/etc" "$dir/spool" "$dir/data"
    chown postfix "$dir/data"
    if ! port_free "$POSTFIX_PORT"; then
        POSTFIX_PORT=$(free_port)
    fi
    cat >"$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/spool
data_directory = $dir/data
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
mail_owner = postfix
setgid_group = postdrop
myhostname = relay.bench.example
mydomain = bench.example
mydestination =
relayhost = [$LOOPBACK]:$SINK_PORT
mynetworks = 127.0.0.0/8
inet_interfaces = loopback-only
inet_protocols = ipv4
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtpd_relay_restrictions = permit_mynetworks, reject
alias_maps =
alias_database =
local_recipient_maps =
biff = no
EOF
    # Debian's services without chroot (the private queue has no chroot files).
    cat >"$dir/etc/master.cf" <<EOF
$LOOPBACK:$POSTFIX_PORT inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
local     unix  - n n - - local
virtual   unix  - n n - - virtual
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
    PF_CONF=$dir/etc
    postfix -c "$PF_CONF" check >"$dir/start.log" 2>&1 || true
    postfix -c "$PF_CONF" start >>"$dir/start.log" 2>&1 || die "postfix did not start (see $dir/start.log)"
    wait_port "$POSTFIX_PORT" 20 || die "postfix does not listen on $POSTFIX_PORT (see $dir/maillog)"
    RELAY_PORT=$POSTFIX_PORT
    RELAY_ROOT=$(postfix_master_pid)
    log "postfix $(postconf -d -h mail_version) listening on $LOOPBACK:$POSTFIX_PORT (master $RELAY_ROOT)"
}

# ---------------------------------------------------------------------------
# Path c: Tactgate with a fresh SQLite store, upstream = the sink.
# ---------------------------------------------------------------------------
tactgate_available() { [[ -x $ROOT/bin/tactgate || -f $ROOT/target/tactgate.jar ]]; }

# The JVM is the launcher itself (exec) or one of its descendants.
find_jvm() {
    local pid=$1 child children=()
    if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]]; then echo "$pid"; return 0; fi
    # Each task's "children" file is one line of space-separated PIDs.
    read -r -a children < <(cat /proc/"$pid"/task/*/children 2>/dev/null | tr '\n' ' ') || true
    for child in "${children[@]}"; do
        find_jvm "$child" && return 0
    done
    return 1
}

# The sender's domain is ours; replayed real mail is judged as its own site would judge it: the
# corpus's internal.domains (enron.com) are colleagues too, and its customers.csv is the directory.
# The envelope recipient (dest.example) stays outside: every replayed message is mail to a customer.
site_domains() {
    local domains=${SENDER#*@} corpus_domains
    if [[ $MAIL == enron && -f $CORPUS/tactgate.properties ]]; then
        corpus_domains=$(sed -n 's/^[[:space:]]*internal\.domains[[:space:]]*=[[:space:]]*//p' "$CORPUS/tactgate.properties" | tail -n 1)
        [[ -n $corpus_domains ]] && domains="$domains, $corpus_domains"
    fi
    printf '%s' "$domains"
}

start_tactgate() {
    local dir=$WORK/tactgate web_port
    mkdir -p "$dir"
    RELAY_PORT=$(free_port)
    web_port=$(free_port)
    TG_WEB_PORT=$web_port
    cat >"$dir/tactgate.properties" <<EOF
smtp.listen = $LOOPBACK:$RELAY_PORT
store.url = jdbc:sqlite:$dir/tactgate.db
upstream.host = $LOOPBACK
upstream.port = $SINK_PORT
upstream.starttls = never
delivery.workers = 8
web.listen = $LOOPBACK:$web_port
internal.domains = $(site_domains)
# monitor: verdicts are logged and every message is delivered, so the sink's count is the whole run
policy.monitor = true
EOF
    if [[ $MAIL == enron && -f $CORPUS/customers.csv ]]; then
        printf 'customers.file = %s\n' "$CORPUS/customers.csv" >>"$dir/tactgate.properties"
    fi
    local extra line
    IFS=';' read -r -a extra <<<"${TACTGATE_PROPS:-}"
    for line in "${extra[@]}"; do
        if [[ -n ${line// /} ]]; then printf '%s\n' "${line# }" >>"$dir/tactgate.properties"; fi
    done
    local -a cmd
    if [[ -x $ROOT/bin/tactgate ]]; then
        cmd=("$ROOT/bin/tactgate" serve --config "$dir/tactgate.properties")
    else
        cmd=(java -jar "$ROOT/target/tactgate.jar" serve --config "$dir/tactgate.properties")
    fi
    log "starting: ${cmd[*]}"
    # setsid: own process group, so cleanup can reach a JVM the launcher forked.
    (cd "$ROOT" && exec setsid "${cmd[@]}") >"$dir/tactgate.log" 2>&1 &
    TG_PID=$!
    if ! wait_port "$RELAY_PORT" "$TACTGATE_START_TIMEOUT" "$TG_PID"; then
        tail -n 30 "$dir/tactgate.log" >&2 || true
        if pid_alive "$TG_PID"; then
            log "tactgate did not listen on $LOOPBACK:$RELAY_PORT within ${TACTGATE_START_TIMEOUT}s"
        else
            log "tactgate exited before listening on $LOOPBACK:$RELAY_PORT"
        fi
        KEEP_WORK=1
        stop_tactgate
        return 1
    fi
    TG_JVM=$(find_jvm "$TG_PID" || true)
    RELAY_ROOT=$TG_PID
    log "tactgate listening on $LOOPBACK:$RELAY_PORT (launcher $TG_PID, jvm ${TG_JVM:-not found})"
}

# ---------------------------------------------------------------------------
# One measured run: throughput phase (smtp-source) then time-to-250 phase (Python).
# ---------------------------------------------------------------------------
ROWS=$WORK/rows.tsv
: >"$ROWS"

# Load generators run as background jobs that the script waits for: a trapped INT/TERM
# interrupts `wait` at once (not only when the command ends) and cleanup ends the job.
# (Redirections stay on the job itself, so the trap's own output is not redirected.)

# Sends $2 messages over $3 sessions to port $1 with smtp-source (MAIL=filler) or
# tools/replay.py (MAIL=enron); fails if it does. Neither pipelines SMTP commands.
blast() {
    if [[ $MAIL == filler ]]; then
        timeout "$RUN_TIMEOUT" smtp-source -d -s "$3" -m "$2" -l "$SIZE" \
            -f "$SENDER" -t "$RECIPIENT" "$LOOPBACK:$1" >>"$WORK/smtp-source.log" 2>&1 &
        wait $!
    else
        # replay.py stops itself at RUN_TIMEOUT (plus one socket wait); timeout is a backstop.
        timeout $(( RUN_TIMEOUT + 70 )) python3 "$TOOLS/replay.py" --port "$1" --sessions "$3" \
            --count "$2" --timeout "$RUN_TIMEOUT" --corpus "$CORPUS" \
            --sender "$SENDER" --recipient "$RECIPIENT" >>"$WORK/replay.log" 2>&1 &
        wait $! || { local rc=$?; log "$(tail -n 1 "$WORK/replay.log")"; return "$rc"; }
    fi
}
LOADER=$([[ $MAIL == filler ]] && echo smtp-source || echo replay)

hwm_reset() {
    [[ -n ${TG_JVM:-} ]] && echo 5 >"/proc/$TG_JVM/clear_refs" 2>/dev/null
}

hwm_mib() {
    awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$TG_JVM/status" 2>/dev/null
}

measure() {
    local path=$1 port=$2 sessions=$3 messages=$4
    local base t0 t1 reached sent_done status=ok rate accept_rate latency rss=- pss=- lat_ok hwm=
    base=$(sink_count)
    log "$path: $sessions session(s), $messages messages (sink at $base)"

    if [[ $path != sink ]]; then
        if [[ $path == tactgate ]] && hwm_reset; then hwm=yes; fi
        python3 "$TOOLS/rss_peak.py" "$RELAY_ROOT" 0.2 $(( RUN_TIMEOUT * 3 )) >"$WORK/rss.out" &
        SAMPLER_PID=$!
    fi

    # The waiter polls the sink's counter from before the first message, so the end time
    # is when the last message arrived (to 10 ms), not when smtp-source happened to exit.
    python3 "$TOOLS/sink_wait.py" "$WORK/sink.counter" $(( base + messages )) "$RUN_TIMEOUT" \
        >"$WORK/reached" &
    WAITER_PID=$!
    t0=$(now)
    blast "$port" "$messages" "$sessions" || { status="$LOADER failed"; log "$path: $status"; }
    sent_done=$(now)
    if ! wait "$WAITER_PID"; then
        reached=$(<"$WORK/reached")
        status="timeout: $(( ${reached#* } - base ))/$messages delivered"
        log "$path: $status"
    fi
    WAITER_PID=
    reached=$(<"$WORK/reached")
    t1=${reached% *}
    rate=$(awk -v n=$(( ${reached#* } - base )) -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
    accept_rate=$(awk -v n="$messages" -v a="$t0" -v b="$sent_done" 'BEGIN { printf "%.0f", n / (b - a) }')

    local -a corpus_arg=()
    [[ $MAIL == enron ]] && corpus_arg=(--corpus "$CORPUS")
    python3 "$TOOLS/smtp_latency.py" --port "$port" --sessions "$sessions" \
        --count "$LAT_MESSAGES" --seconds "$LAT_SECONDS" --size "$SIZE" "${corpus_arg[@]}" \
        --sender "$SENDER" --recipient "$RECIPIENT" >"$WORK/latency.json" &
    wait $! && latency=$(<"$WORK/latency.json") \
        || latency='{"accepted": 0, "errors": 1, "p50_ms": null, "p99_ms": null, "txn_p99_ms": null}'
    echo "$path $sessions $latency" >>"$WORK/latency.jsonl"
    lat_ok=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["accepted"])' "$latency")
    # Drain what the latency phase queued, so the next run starts from an empty relay.
    if ! sink_wait $(( ${reached#* } + lat_ok )) "$RUN_TIMEOUT" >/dev/null; then
        [[ $status == ok ]] && status="latency-phase mail not all delivered"
        log "$path: latency-phase mail not all delivered within ${RUN_TIMEOUT}s"
    fi

    if [[ $path != sink ]]; then
        kill -TERM "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" || true
        SAMPLER_PID=
        read -r rss pss <"$WORK/rss.out" || true
        if [[ -n $hwm ]]; then rss=$(hwm_mib); fi
    fi
    python3 - "$path" "$sessions" "$messages" "$rate" "$accept_rate" "$rss" "$pss" "$status" "$latency" \
        >>"$ROWS" <<'EOF'
import json, sys
path, sessions, messages, rate, accept, rss, pss, status, latency = sys.argv[1:]
lat = json.loads(latency)
fmt = lambda v: "-" if v is None else f"{v:.1f}"
note = status if lat["errors"] == 0 else f"{status}; {lat['errors']} latency-client errors"
print("\t".join([path, sessions, messages, rate, accept, fmt(lat["p50_ms"]), fmt(lat["p99_ms"]),
                 fmt(lat["txn_p99_ms"]), str(lat["accepted"]), rss or "-", pss or "-", note]))
EOF
    log "$path: $(tail -n 1 "$ROWS" | tr '\t' ' ')"
}

# Sends $WARMUP messages through the path and waits for them, so no row pays for a cold start.
warm_up() {
    local port=$1 base
    (( WARMUP > 0 )) || return 0
    base=$(sink_count)
    log "warm-up: $WARMUP messages"
    blast "$port" "$WARMUP" 8 || log "warm-up: $LOADER failed"
    sink_wait $(( base + WARMUP )) "$RUN_TIMEOUT" >/dev/null || log "warm-up: not all delivered"
}

run_path() {
    local path=$1 port n
    case $path in
        sink) port=$SINK_PORT ;;
        postfix) start_postfix; port=$RELAY_PORT ;;
        tactgate)
            if ! tactgate_available; then
                log "tactgate: skipped, neither bin/tactgate nor target/tactgate.jar exists"
                printf 'tactgate\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\tskipped: no bin/tactgate or target/tactgate.jar\n' >>"$ROWS"
                return
            fi
            if ! start_tactgate; then
                printf 'tactgate\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\tdid not start: see %s\n' \
                    "$WORK/tactgate/tactgate.log" >>"$ROWS"
                return
            fi
            port=$RELAY_PORT ;;
    esac
    warm_up "$port"
    for n in $SESSIONS; do
        measure "$path" "$port" "$n" "$(messages_for "$path")"
    done
    case $path in
        postfix) stop_postfix ;;
        tactgate) reader_cost; stop_tactgate ;;
    esac
}

# What the learned reader did over the whole Tactgate path (warm-up and latency runs included),
# from Tactgate's /metrics: messages judged, passages the model read, passages found in its cache,
# seconds in the model. One line into $WORK/reader.txt for the report.
reader_cost() {
    python3 - "$TG_WEB_PORT" >"$WORK/reader.txt" 2>/dev/null <<'EOF' || log "reader cost: /metrics not read"
import re, sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics", timeout=10).read().decode()
def total(pattern):
    return sum(float(m.group(1)) for m in re.finditer(pattern + r"\S* ([0-9.eE+-]+)$", text, re.M))
judged = total(r"^tactgate_messages_judged_total")
model = total(r'^tactgate_reader_passages_total\{source="model"\}')
cache = total(r'^tactgate_reader_passages_total\{source="cache"\}')
secs = total(r"^tactgate_reader_model_seconds_total")
print(f"{judged:.0f} {model:.0f} {cache:.0f} {secs:.3f}")
EOF
}

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
render() {
    local started=$1
    local corpus_stats=-
    if [[ $MAIL == enron ]]; then
        corpus_stats=$(python3 "$TOOLS/replay.py" --corpus "$CORPUS" --port 0 --count 1 --describe)
    fi
    python3 - "$ROWS" "$started" "$LAT_MESSAGES" "$LAT_SECONDS" "$WARMUP" "$LOAD_AT_START" \
        "$MAIL" "$CORPUS_LABEL" "$corpus_stats" "${TACTGATE_PROPS:-}" "$(cat "$WORK/reader.txt" 2>/dev/null)" <<'EOF'
import os, platform, subprocess, sys
rows_file, started, lat_messages, lat_seconds, warmup, load_at_start, mail, corpus, stats, props, reader = sys.argv[1:]
rows = [line.rstrip("\n").split("\t") for line in open(rows_file) if line.strip()]

def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except Exception:
        return "n/a"

out = []
out.append(f"# Relay benchmark, mail: {mail}, {started}\n")
out.append(f"Machine: {os.cpu_count()} CPUs, {platform.platform()}; "
           f"Postfix {version(['postconf', '-d', '-h', 'mail_version'])}; {version(['java', '-version'])}.\n")
out.append(f"Load average (1 min) at start {load_at_start}, at end {os.getloadavg()[0]:.2f}: "
           "other work on the machine shares the CPUs with the relay, the load and the sink.\n")
if mail == "enron":
    files, total, median, smallest, largest = (int(v) for v in stats.split())
    out.append(f"Mail: enron, the {files} real Enron messages of {corpus} (headers, quoted "
               "history, pasted documents), cycled in name order and sent as on disk (CRLF, "
               f"dot-stuffed) by tools/replay.py: {total / files:.0f} bytes on average on the wire, "
               f"median {median}, smallest {smallest}, largest {largest}; one recipient, loopback "
               f"only. Warm-up: {warmup} messages per path before the first row.\n")
else:
    out.append("Mail: filler, smtp-source's synthetic message (5000-byte body); one recipient, loopback only. "
               f"Warm-up: {warmup} messages per path before the first row.\n")
out.append("Tactgate: policy in monitor mode (every message delivered, verdicts logged), full detection "
           "with its defaults" + (f"; extra settings: `{props.strip()}`" if props.strip() else "") + ".\n")
if reader.strip():
    judged, model, cache, secs = reader.split()
    judged, model, cache, secs = int(judged), int(model), int(cache), float(secs)
    if judged:
        out.append(f"Learned reader over the whole Tactgate path ({judged} messages judged, warm-up and latency "
                   f"runs included, from /metrics): {model / judged:.2f} passages per message run through the "
                   f"model, {cache / judged:.2f} found in its cache, {1000 * secs / max(1, model):.1f} ms of "
                   f"model time per passage, {1000 * secs / judged:.2f} ms per message.\n")
header = ["path", "sessions", "messages", "delivered msgs/s", "accepted msgs/s",
          "p50 ms to 250", "p99 ms to 250", "p99 ms MAIL→250", "latency samples",
          "peak RSS MiB", "peak PSS MiB", "notes"]
out.append("| " + " | ".join(header) + " |")
out.append("|" + "|".join("---" for _ in header) + "|")
for row in rows:
    out.append("| " + " | ".join(row) + " |")
rate = {(r[0], r[1]): float(r[3]) for r in rows if r[3] not in ("-", "")}
ratios = []
for (path, sessions), value in sorted(rate.items(), key=lambda kv: int(kv[0][1])):
    if path == "tactgate" and ("postfix", sessions) in rate and rate[("postfix", sessions)] > 0:
        ratios.append(f"| {sessions} | {value / rate[('postfix', sessions)]:.2f} |")
out.append("")
if ratios:
    out.append("Tactgate / Postfix delivered rate:\n")
    out.append("| sessions | ratio |")
    out.append("|---|---|")
    out.extend(ratios)
else:
    out.append("Tactgate / Postfix delivered rate: n/a (both paths are needed).")
out.append("")
loader = ("smtp-source (smtp-source -d -s N -m M -l 5000)" if mail == "filler" else
          "tools/replay.py (N sessions, M messages cycling through the corpus)")
out.append("- delivered msgs/s: messages counted by smtp-sink / seconds from the start of "
           f"{loader} until the sink had all of them. Neither client pipelines SMTP commands.")
out.append(f"- accepted msgs/s: the same messages / seconds until {loader.split()[0]} had its last 250.")
what = "the same corpus, cycled" if mail == "enron" else "5000-byte messages"
out.append(f"- p50/p99 ms to 250: a separate run of N smtplib sessions sending {what} (at most "
           f"{lat_messages} messages or {lat_seconds} s) timing the last byte of the body to the relay's reply; "
           "p99 MAIL→250 is the whole transaction in that run (adds MAIL/RCPT/DATA round trips "
           "and any throttling there).")
out.append("- peak RSS: Postfix = highest sampled sum of VmRSS over master and children (every 0.2 s; "
           "shared pages counted once per process, so it overstates); Tactgate = the JVM's VmHWM, "
           "reset before each row. peak PSS: highest sampled sum of Pss (shared pages split "
           "between users) over the same processes: the fairer comparison.")
print("\n".join(out))
EOF
}

main() {
    local started stamp result path
    started=$(date '+%Y-%m-%d %H:%M:%S %Z')
    LOAD_AT_START=$(cut -d ' ' -f 1 /proc/loadavg)
    stamp=$(date '+%Y-%m-%d-%H%M%S')
    ensure_postfix
    start_sink
    for path in $PATHS; do
        run_path "$path"
    done
    mkdir -p "$BENCH/results"
    result=$BENCH/results/relay-$stamp.md
    render "$started" >"$result"
    echo
    cat "$result"
    echo
    echo "results written to $result"
    # Exit 2 when a row did not complete cleanly (the table is written all the same).
    if awk -F '\t' '$NF != "ok" && $NF !~ /^skipped/ { bad = 1 } END { exit !bad }' "$ROWS"; then
        log "some rows did not complete cleanly: see their notes"
        exit 2
    fi
}

main
