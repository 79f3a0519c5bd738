#!/usr/bin/env bash
# Start time and memory of the four services (issue 21, goal 5): JVM option sets side by side in one run, on the
# running local stack:
#
#   deploy/local/platform.sh up && deploy/bench/startup.sh
#
# For each variant (VARIANTS, default "before after"):
#   alone     each service is stopped and started RUNS times while the other three run, timed from its JVM's start
#             (/proc/PID/stat) to its readiness (GET /q/health/ready UP on the management port, polled every 0.1 s);
#             also the CPU its JVM used until then, and Quarkus's own "started in"
#   together  the four are stopped, then started at once, RUNS times: each one's time to ready and the last one's
#   idle      IDLE seconds after the last start of the four, each service's resident memory (VmRSS)
#   load      participant-service GET /me/registrations as a demo user (wrk, 16 connections): WARM seconds unreported,
#             then LOAD seconds: requests per second, p99, RSS peak (sampled every 0.5 s) and after; what the options
#             cost or gain in throughput
# Variants: before = "-Xms64m -Xmx256m" without class-data sharing (how platform.sh started the services until issue
# 21); after = platform.sh's SERVICE_JAVA_OPTS and its AppCDS archive (made on first use, see platform.sh cds_archive);
# more with OPTS_<name>="..." CDS_<name>=0|1 MALLOC_<name>=N JDK_<name>=/usr/lib/jvm/... and VARIANTS="before after <name>".
# PostgreSQL, Kafka and Keycloak must run (platform.sh up); at the end the services run again with platform.sh's
# defaults. The Markdown report is printed and written to deploy/bench/results/startup-<timestamp>.md.
#
# Settings (environment): RUNS=3  IDLE=30  WARM=10  LOAD=20  VARIANTS="before after"  SERVICES_UNDER_TEST="participant
# matching schedule notification"  MENTORSHIP_WORK_DIR (as for platform.sh)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PLATFORM="$ROOT/deploy/local/platform.sh"
STACK_WORK="${MENTORSHIP_WORK_DIR:-$ROOT/deploy/local/.work}"
RUN_DIR="$STACK_WORK/run"
LOG_DIR="$STACK_WORK/logs"
RESULTS="$HERE/results"

RUNS="${RUNS:-3}"
IDLE="${IDLE:-30}"
WARM="${WARM:-10}"
LOAD="${LOAD:-20}"
VARIANTS="${VARIANTS:-before after}"
read -r -a SERVICES <<<"${SERVICES_UNDER_TEST:-participant matching schedule notification}"
declare -A MANAGEMENT_PORT=([participant]=9081 [matching]=9082 [schedule]=9083 [notification]=9084)
OPTS_before="${OPTS_before:--Xms64m -Xmx256m}"
CDS_before="${CDS_before:-0}"
MALLOC_before="${MALLOC_before-}"
CDS_after="${CDS_after:-1}"
TICKS="$(getconf CLK_TCK)"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'startup.sh: error: %s\n' "$*" >&2; exit 1; }

for tool in curl awk; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
curl -fsS --max-time 5 http://127.0.0.1:8180/realms/mentorship >/dev/null \
  || die "Keycloak does not serve the realm mentorship: start the stack with deploy/local/platform.sh up"

pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }
ready() { curl -fsS --max-time 1 "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; }
uptime_s() { awk '{print $1}' /proc/uptime; }
# seconds since boot at which PID started
start_of() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); print $20 / t }' "/proc/$1/stat"; }
# CPU seconds PID used so far (user + system)
cpu_of() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_mb() { awk '/VmRSS/{printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
started_in() { grep -o 'started in [0-9.]*s' "$LOG_DIR/$1.log" 2>/dev/null | tail -n 1 | sed 's/started in //; s/s$//' || true; }

# variant_env VARIANT: the environment platform.sh starts the services with for that variant
variant_env() {
  local opts="OPTS_$1" cds="CDS_$1"
  local malloc="MALLOC_$1" jdk="JDK_$1"
  if [ -n "${!jdk:-}" ]; then printf 'PATH=%s/bin:%s\n' "${!jdk}" "$PATH"; fi
  if [ -n "${!opts+x}" ]; then printf 'SERVICE_JAVA_OPTS=%s\n' "${!opts}"; fi
  if [ -n "${!malloc+x}" ]; then printf 'SERVICE_MALLOC_ARENA_MAX=%s\n' "${!malloc}"; fi
  printf 'SERVICE_CDS=%s\n' "${!cds:-1}"
}

stop_services() {
  local s pids=()
  for s in "$@"; do "$PLATFORM" stop "$s" >/dev/null & pids+=($!); done
  wait "${pids[@]}"
}

start_service() { # start_service VARIANT NAME
  local line args=()
  while IFS= read -r line; do args+=("$line"); done < <(variant_env "$1")
  env "${args[@]}" "$PLATFORM" start-service "$2" >/dev/null
}

# wait_ready NAME...: waits until each is ready; prints "NAME seconds-to-ready cpu-seconds" lines
wait_ready() {
  local s pid deadline=$((SECONDS + 180)) pending=("$@") left now
  declare -A begin pids
  for s in "$@"; do pids[$s]="$(pid_of "$s")"; begin[$s]="$(start_of "${pids[$s]}")"; done
  while [ ${#pending[@]} -gt 0 ]; do
    left=()
    for s in "${pending[@]}"; do
      kill -0 "${pids[$s]}" 2>/dev/null || die "$s-service stopped while starting: see $LOG_DIR/$s.log"
      if ready "$s"; then
        now="$(uptime_s)"
        printf '%s %s %s\n' "$s" "$(awk -v a="$now" -v b="${begin[$s]}" 'BEGIN{printf "%.2f", a - b}')" "$(cpu_of "${pids[$s]}")"
      else left+=("$s"); fi
    done
    pending=(${left[@]+"${left[@]}"})
    [ $SECONDS -lt $deadline ] || die "not ready after 180 s: ${pending[*]}"
    [ ${#pending[@]} -eq 0 ] || sleep 0.1
  done
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
declare -A ALONE ALONE_CPU ALONE_QUARKUS TOGETHER TOGETHER_LAST IDLE_RSS LOAD_RPS LOAD_P99 LOAD_PEAK LOAD_AFTER

measure() { # measure VARIANT
  local v="$1" s run line name t cpu
  log "== $v: $(variant_env "$v" | tr '\n' ' ')"
  # alone: the others keep running (started first, with this variant's options, and left to settle)
  stop_services "${SERVICES[@]}"
  for s in "${SERVICES[@]}"; do start_service "$v" "$s"; done
  wait_ready "${SERVICES[@]}" >/dev/null
  sleep 5
  for s in "${SERVICES[@]}"; do
    for run in $(seq 1 "$RUNS"); do
      stop_services "$s"
      sleep 1
      start_service "$v" "$s"
      wait_ready "$s" >"$TMP/ready"
      read -r name t cpu <"$TMP/ready"
      ALONE[$v,$s]+="${ALONE[$v,$s]:+ / }$t"; ALONE_CPU[$v,$s]+="${ALONE_CPU[$v,$s]:+ / }$cpu"
      log "$v alone $s: ready after $t s, $cpu s CPU"
      sleep 3 # (readiness may answer before Quarkus logs "started in")
      ALONE_QUARKUS[$v,$s]+="${ALONE_QUARKUS[$v,$s]:+ / }$(started_in "$s")"
    done
  done
  # together
  for run in $(seq 1 "$RUNS"); do
    stop_services "${SERVICES[@]}"
    sleep 2
    for s in "${SERVICES[@]}"; do start_service "$v" "$s" & done
    wait
    local last=0
    wait_ready "${SERVICES[@]}" >"$TMP/ready"
    while read -r name t cpu; do
      TOGETHER[$v,$name]+="${TOGETHER[$v,$name]:+ / }$t"
      last="$(awk -v a="$last" -v b="$t" 'BEGIN{print (b > a) ? b : a}')"
    done <"$TMP/ready"
    TOGETHER_LAST[$v]+="${TOGETHER_LAST[$v]:+ / }$last"
    log "$v together, run $run: the last ready after $last s"
  done
  # idle memory
  sleep "$IDLE"
  for s in "${SERVICES[@]}"; do IDLE_RSS[$v,$s]="$(rss_mb "$(pid_of "$s")")"; done
  log "$v idle RSS: $(for s in "${SERVICES[@]}"; do printf '%s=%s ' "$s" "${IDLE_RSS[$v,$s]}"; done)"
  # short load on participant-service
  if command -v wrk >/dev/null && [[ " ${SERVICES[*]} " == *" participant "* ]]; then
    local token pid sampler
    token="$("$PLATFORM" token anna)" || die "no token for anna"
    pid="$(pid_of participant)"
    [ "$WARM" = 0 ] || wrk -t2 -c16 -d"${WARM}s" -H "Authorization: Bearer $token" http://127.0.0.1:8081/me/registrations >/dev/null
    ( peak=0; while kill -0 "$pid" 2>/dev/null; do r="$(rss_mb "$pid")"; [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$TMP/peak"; sleep 0.5; done ) &
    sampler=$!
    wrk -t2 -c16 -d"${LOAD}s" --latency -H "Authorization: Bearer $token" http://127.0.0.1:8081/me/registrations >"$TMP/wrk" 2>&1
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    LOAD_RPS[$v]="$(awk '/Requests\/sec/{printf "%d", $2}' "$TMP/wrk")"
    LOAD_P99[$v]="$(awk '$1 == "99%" {print $2}' "$TMP/wrk")"
    LOAD_PEAK[$v]="$(cat "$TMP/peak" 2>/dev/null || echo ?)"
    grep -q 'Non-2xx' "$TMP/wrk" && LOAD_RPS[$v]+=" (with non-2xx answers!)"
    sleep 5
    LOAD_AFTER[$v]="$(rss_mb "$pid")"
    log "$v load: ${LOAD_RPS[$v]} req/s, p99 ${LOAD_P99[$v]}, RSS peak ${LOAD_PEAK[$v]} MB"
  fi
}

for v in $VARIANTS; do measure "$v"; done

# the services as platform.sh starts them
stop_services "${SERVICES[@]}"
for s in "${SERVICES[@]}"; do "$PLATFORM" start-service "$s" >/dev/null; done
wait_ready "${SERVICES[@]}" >/dev/null

mkdir -p "$RESULTS"
REPORT="$RESULTS/startup-$(date +%Y%m%d-%H%M%S).md"
{
  echo "# Start time and memory ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -n 1))"
  echo
  echo "Command: \`RUNS=$RUNS IDLE=$IDLE WARM=$WARM LOAD=$LOAD VARIANTS=\"$VARIANTS\" deploy/bench/startup.sh\`"
  echo
  echo "| variant | JDK | JVM options | class-data sharing | MALLOC_ARENA_MAX |"
  echo "|---|---|---|---|---|"
  for v in $VARIANTS; do
    opts="OPTS_$v"; cds="CDS_$v"; malloc="MALLOC_$v"; jdk="JDK_$v"
    echo "| $v | $("${!jdk:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java" -version 2>&1 | head -n 1) | \`${!opts:-$(grep -o 'SERVICE_JAVA_OPTS-[^}]*' "$PLATFORM" | head -n 1 | sed 's/SERVICE_JAVA_OPTS-//') (platform.sh)}\` | $([ "${!cds:-1}" = 1 ] && echo "AppCDS archive" || echo no) | ${!malloc-2} |"
  done
  echo
  echo "Seconds from the JVM's start to ready (each run), the CPU seconds the JVM used until then, and Quarkus's \"started in\":"
  echo
  echo "| service | variant | alone: ready s | alone: CPU s | alone: \"started in\" | four together: ready s | RSS idle MB |"
  echo "|---|---|---|---|---|---|---|"
  for s in "${SERVICES[@]}"; do
    for v in $VARIANTS; do
      echo "| $s-service | $v | ${ALONE[$v,$s]} | ${ALONE_CPU[$v,$s]} | ${ALONE_QUARKUS[$v,$s]} | ${TOGETHER[$v,$s]} | ${IDLE_RSS[$v,$s]} |"
    done
  done
  echo
  echo "| variant | four together: the last ready s | participant-service under load: GET /me/registrations req/s | p99 | RSS peak MB | RSS after MB |"
  echo "|---|---|---|---|---|---|"
  for v in $VARIANTS; do
    echo "| $v | ${TOGETHER_LAST[$v]} | ${LOAD_RPS[$v]:-—} | ${LOAD_P99[$v]:-—} | ${LOAD_PEAK[$v]:-—} | ${LOAD_AFTER[$v]:-—} |"
  done
} | tee "$REPORT"
log "report: $REPORT"
