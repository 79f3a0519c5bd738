#!/usr/bin/env bash
# Load benchmark of the running local stack (deploy/local/platform.sh up), rerunnable:
#
#   deploy/bench/load.sh
#
# At each connection level (16, 64, 256) it drives, with wrk and real Keycloak tokens:
#   - registration POSTs   participant-service  POST /programs/{p}/tracks/{t}/registrations (each a fresh insert)
#   - GET /me              participant-service  (the caller's profile)
#   - GET /me/pairings     matching-service
# and beside them, in the same run, the database ceiling: pgbench with the statements participant-service performs
# for a registration and for GET /me (pgbench/registration.sql, pgbench/profile.sql) against the same tables,
# indexes and constraints (a schema copy, pgbench/schema-copy.sql, dropped afterwards), same clients and duration.
# It also reports each service's startup time (from its log), resident memory idle and peak under load, and where
# the machine's CPU went during each run. The Markdown report is printed and written to
# deploy/bench/results/load-<timestamp>.md.
#
# Target (the issue): registration and GET /me at >= 50 % of the database ceiling with p99 <= 50 ms at 64 connections.
#
# Benchmark users (loadbench-0001 ...) are created in Keycloak once and reused; every run creates and publishes
# fresh programs (ML4H 2025 with dates moved to now) so that each POST is a first registration for its track.
# Note that these programs stay on the stack (schedule-service has no delete), and that every registration makes
# notification-service send an email to the local SMTP server, as it would in production.
#
# Settings (environment):
#   DURATION=15s            wrk -d and pgbench -T, per operation and level
#   LEVELS="16 64 256"      connection levels (wrk -c, pgbench -c)
#   WARMUP=10s              before the first level, each operation runs this long at 16 connections, unreported
#                           (the JIT compiles the hot paths; 0 skips it)
#   OPS="post me pairings"  which operations to run (post: registrations + their pgbench ceiling; me: GET /me + its
#                           ceiling; pairings: GET /me/pairings)
#   WRK_THREADS=2           wrk -t and pgbench -j
#   WRK_TIMEOUT=5s          wrk --timeout; wrk also runs this much (+1 s) longer than DURATION without sending
#                           anything new, so that no request is cut off when it closes its connections (see plan.lua)
#   BENCH_USERS=400         benchmark users (created once, reused)
#   BENCH_PROGRAMS=20       programs created up front (2 tracks each: AUTHOR, REVIEWER); more are added between
#                           levels when the registrations left in the plan look too few for the next level
#   BENCH_PARALLEL=8        concurrent curl calls while provisioning
#   SETTLE_MAX=120          seconds to wait at most for the stack to calm down between runs (outbox drained,
#                           service CPU low)
#   BENCH_DB_HOST/PORT/NAME/USER/PASSWORD   participant-service's database (127.0.0.1:5432 participant_service)
#   MENTORSHIP_WORK_DIR     the stack's work directory, as for platform.sh (default deploy/local/.work): pid files
#                           and logs of the services
#   KEEP_TMP=1              keep the working directory (plans, tokens, pgbench logs) for inspection
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STACK_WORK="${MENTORSHIP_WORK_DIR:-$ROOT/deploy/local/.work}" # where platform.sh keeps pids and logs (same variable)
RUN_DIR="$STACK_WORK/run"
LOG_DIR="$STACK_WORK/logs"
RESULTS="$HERE/results"

DURATION="${DURATION:-15s}"
LEVELS="${LEVELS:-16 64 256}"
OPS="${OPS:-post me pairings}"
WARMUP="${WARMUP:-10s}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_TIMEOUT="${WRK_TIMEOUT:-5s}"
USERS="${BENCH_USERS:-400}"
PROGRAMS="${BENCH_PROGRAMS:-20}"
PARALLEL="${BENCH_PARALLEL:-8}"
SETTLE_MAX="${SETTLE_MAX:-120}"
USER_PREFIX="${BENCH_USER_PREFIX:-loadbench}"

KEYCLOAK="http://127.0.0.1:8180"
PARTICIPANTS="http://127.0.0.1:8081"
MATCHING="http://127.0.0.1:8082"
SCHEDULE="http://127.0.0.1:8083"
SERVICES=(participant matching schedule notification)
declare -A PORT=([participant]=8081 [matching]=8082 [schedule]=8083 [notification]=8084)
# health and metrics: each service's management interface (deploy/local/platform.sh), not the API's port
declare -A MANAGEMENT_PORT=([participant]=9081 [matching]=9082 [schedule]=9083 [notification]=9084)

export PGHOST="${BENCH_DB_HOST:-127.0.0.1}" PGPORT="${BENCH_DB_PORT:-5432}" PGDATABASE="${BENCH_DB_NAME:-participant_service}"
export PGUSER="${BENCH_DB_USER:-participant_service}" PGPASSWORD="${BENCH_DB_PASSWORD:-participant_service}"
unset PGOPTIONS PGSERVICE

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'load.sh: error: %s\n' "$*" >&2; exit 1; }

# "15s", "2m" or "30" → seconds (pgbench -T wants a number)
seconds_of() {
  case "$1" in
    *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
SECONDS_PER_RUN="$(seconds_of "$DURATION")"
[[ "$SECONDS_PER_RUN" =~ ^[0-9]+$ && "$SECONDS_PER_RUN" -gt 0 ]] || die "DURATION must look like 15s or 2m, not $DURATION"
DRAIN_SECONDS=$(( $(seconds_of "$WRK_TIMEOUT") + 1 ))
WARMUP_SECONDS="$(seconds_of "$WARMUP")"
has_op() { [[ " $OPS " == *" $1 "* ]]; }
has_op post || has_op me || has_op pairings || die "OPS names none of post, me, pairings: $OPS"

# --- tools and the stack ---------------------------------------------------------------------------------------

require_tools() {
  if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      log "installing wrk (apt-get install -y wrk)"
      apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
    else
      die "wrk is not installed: sudo apt-get install -y wrk (or run this script as root, it installs it)"
    fi
  fi
  local tool
  for tool in pgbench psql curl jq awk sort; do
    command -v "$tool" >/dev/null || die "$tool is not installed (pgbench and psql: apt-get install postgresql-client)"
  done
}

pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

ready() { curl -fsS --max-time 30 "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; }

# The services the chosen operations call.
needed_services() {
  if has_op post; then echo participant schedule; fi
  if has_op me; then echo participant; fi
  if has_op pairings; then echo matching; fi
}

# Fails, naming what is missing, unless the services, Keycloak and the database answer.
preflight() {
  local s
  for s in "${SERVICES[@]}"; do
    alive "$s" || die "$s-service is not running (no live pid in $RUN_DIR/$s.pid): start the stack with deploy/local/platform.sh up"
  done
  for s in $(needed_services | tr ' ' '\n' | sort -u); do
    ready "$s" || die "$s-service on :${PORT[$s]} is not ready (GET :${MANAGEMENT_PORT[$s]}/q/health/ready): see deploy/local/platform.sh status and $LOG_DIR/$s.log"
  done
  curl -fsS --max-time 5 "$KEYCLOAK/realms/mentorship" >/dev/null \
    || die "Keycloak does not serve the realm mentorship on $KEYCLOAK"
  psql -XAtqc 'select 1' >/dev/null 2>&1 \
    || die "cannot connect to PostgreSQL as $PGUSER@$PGHOST:$PGPORT/$PGDATABASE (set BENCH_DB_*)"
}

# --- Keycloak: users and tokens --------------------------------------------------------------------------------

username() { printf '%s-%04d' "$USER_PREFIX" "$1"; }

admin_token() {
  curl -fsS -d client_id=admin-cli -d grant_type=password -d username=admin -d password=admin \
    "$KEYCLOAK/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# Creates the benchmark users that do not exist yet (the realm's default role makes them participants; granted
# explicitly too, as deploy/e2e's Keycloak.user does). Users stay for the next run: creating them is the slow part.
ensure_users() {
  local admin existing missing
  admin="$(admin_token)" || die "no admin token from Keycloak (admin/admin on the master realm)"
  existing="$TMP/users-existing"
  curl -fsS -H "Authorization: Bearer $admin" \
    "$KEYCLOAK/admin/realms/mentorship/users?search=$USER_PREFIX-&briefRepresentation=true&max=100000" \
    | jq -r '.[].username' | sort >"$existing"
  missing="$TMP/users-missing"
  for ((u = 1; u <= USERS; u++)); do username "$u"; echo; done | sort | comm -23 - "$existing" >"$missing"
  if [ ! -s "$missing" ]; then
    log "Keycloak: the $USERS benchmark users exist"
    return
  fi
  log "Keycloak: creating $(wc -l <"$missing") benchmark users (once; later runs reuse them)"
  local role chunk
  role="$(curl -fsS -H "Authorization: Bearer $admin" "$KEYCLOAK/admin/realms/mentorship/roles/participant")"
  export KEYCLOAK PARTICIPANT_ROLE="$role"
  # the master realm's admin token lives 60 s, less than creating hundreds of users takes on a slow machine (seen:
  # every user after the first ~390 refused with 401): a fresh token for each 50
  split -l 50 "$missing" "$TMP/users-chunk-"
  for chunk in "$TMP"/users-chunk-*; do
  ADMIN_TOKEN="$(admin_token)" || die "no admin token from Keycloak (admin/admin on the master realm)"
  export ADMIN_TOKEN
  # shellcheck disable=SC2016
  xargs -P "$PARALLEL" -n1 bash -c '
    set -euo pipefail
    name=$0
    body=$(jq -nc --arg u "$name" "{username: \$u, email: (\$u + \"@mentorship.test\"), firstName: \"Load\",
      lastName: (\$u | sub(\"^.*-\"; \"Bench\")), enabled: true, emailVerified: true,
      credentials: [{type: \"password\", value: \"demo\", temporary: false}]}")
    headers=$(mktemp)
    status=$(curl -sS -o /dev/null -D "$headers" -w "%{http_code}" -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H "Content-Type: application/json" --data "$body" "$KEYCLOAK/admin/realms/mentorship/users")
    if [ "$status" = 201 ]; then
      id=$(tr -d "\r" <"$headers" | sed -n "s|^[Ll]ocation: .*/users/||p")
      curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H "Content-Type: application/json" \
        --data "[$PARTICIPANT_ROLE]" "$KEYCLOAK/admin/realms/mentorship/users/$id/role-mappings/realm"
    elif [ "$status" != 409 ]; then
      echo "Keycloak refused user $name: HTTP $status" >&2; exit 1
    fi
    rm -f "$headers"' <"$chunk" || die "could not create the benchmark users"
  done
}

# Writes $TMP/tokens.tsv (index, access token, refresh token) for every benchmark user. The realm's access tokens
# live 15 minutes (accessTokenLifespan 900), so tokens are renewed before every wrk run: with the refresh
# token when there is one (no new Keycloak session, no password hashing), else with the password grant.
fetch_tokens() {
  local previous="$TMP/tokens.tsv" next="$TMP/tokens.next"
  [ -f "$previous" ] || : >"$previous"
  export KEYCLOAK USER_PREFIX
  # shellcheck disable=SC2016
  awk -F'\t' -v users="$USERS" '{ refresh[$1] = $3 }
    END { for (u = 1; u <= users; u++) print u "\t" (refresh[u] == "" ? "-" : refresh[u]) }' \
    "$previous" | xargs -P "$PARALLEL" -L1 bash -c '
    u=$0; refresh=$1 # "-" when there is none yet (xargs -L would join a line ending in a blank to the next)
    endpoint="$KEYCLOAK/realms/mentorship/protocol/openid-connect/token"
    answer=""
    if [ "$refresh" != - ]; then
      answer=$(curl -sS -d client_id=mentorship-demo-cli -d grant_type=refresh_token -d "refresh_token=$refresh" "$endpoint")
    fi
    if [[ "$answer" != *\"access_token\"* ]]; then
      answer=$(curl -sS -d client_id=mentorship-demo-cli -d grant_type=password -d password=demo \
        -d "username=$(printf "%s-%04d" "$USER_PREFIX" "$u")" "$endpoint")
    fi
    jq -r --arg u "$u" "[\$u, .access_token, .refresh_token] | @tsv" <<<"$answer"' >"$next"
  if [ "$(awk -F'\t' '$2 != "" && $2 != "null"' "$next" | wc -l)" -ne "$USERS" ]; then
    die "Keycloak did not issue a token to every benchmark user (see $next)"
  fi
  sort -n "$next" >"$previous"
  rm -f "$next"
}

# Renewed before every wrk run, so that no token expires during a run however long the settling takes.
fresh_tokens() { log "Keycloak: renewing the benchmark users' tokens"; fetch_tokens; }

organizer_token() {
  curl -fsS -d client_id=mentorship-demo-cli -d grant_type=password -d username=olivia -d password=demo \
    "$KEYCLOAK/realms/mentorship/protocol/openid-connect/token" | jq -r .access_token
}

# --- what the benchmark users send -----------------------------------------------------------------------------

# The profile of user u (JSON). Always the same for a user, so that a registration never changes it (a changed
# profile would add an UPDATE and a ParticipantUpdated event). One user in eight is a mentor.
# shellcheck disable=SC2016
PROFILE_AWK='
function role(u) { return u % 8 == 0 ? "MENTOR" : "MENTEE" }
function profile(u,   zones) {
  split("Europe/Berlin America/New_York Asia/Kolkata Europe/London America/Los_Angeles Asia/Shanghai", zones, " ")
  return "{\"affiliation\":\"Load Bench University " (u % 40) "\",\"careerStage\":\"" (role(u) == "MENTOR" ? "FACULTY" : "PHD_STUDENT") \
    "\",\"timeZone\":\"" zones[u % 6 + 1] "\",\"interests\":[\"causal inference\",\"ehr\",\"topic " (u % 12) "\"]," \
    "\"availability\":[{\"day\":\"TUESDAY\",\"from\":\"08:00\",\"to\":\"20:00\"},{\"day\":\"THURSDAY\",\"from\":\"08:00\",\"to\":\"20:00\"}]}"
}
function answers(u, kind) {
  if (role(u) == "MENTOR") return "{\"expertise\":[\"causal inference\",\"ehr\"],\"capacity\":2}"
  if (kind == "AUTHOR") return "{\"paperTitle\":\"Load bench paper " u "\",\"paperSummary\":\"Estimating treatment effects in ICU records, registered by the load benchmark.\",\"intendsToSubmit\":true}"
  return "{\"reviewingExperience\":\"FEW\",\"areas\":[\"fairness\",\"ehr\"],\"assignedReviewer\":true}"
}
function registration(u, kind) {
  return "{\"role\":\"" role(u) "\",\"codeOfConductAccepted\":true,\"codeOfConductVersion\":\"2025\",\"answers\":" answers(u, kind) ",\"profile\":" profile(u) "}"
}'

# Every benchmark user saves their profile (PUT /me): GET /me then has something to read, and every registration
# takes the same path (the profile exists and is unchanged). Idempotent: an unchanged profile is not written; one saved
# by an earlier run is replaced with If-Match: * (conditional writes: 428 without it).
save_profiles() {
  awk -F'\t' "$PROFILE_AWK"' { print $2 "\t" profile($1) }' "$TMP/tokens.tsv" >"$TMP/profiles.tsv"
  export PARTICIPANTS
  # shellcheck disable=SC2016
  tr '\t' ' ' <"$TMP/profiles.tsv" | xargs -P "$PARALLEL" -L1 -d '\n' bash -c '
    token=${0%% *}; body=${0#* }
    status=$(curl -sS -o /dev/null -w "%{http_code}" -X PUT -H "Authorization: Bearer $token" \
      -H "Content-Type: application/json" --data "$body" "$PARTICIPANTS/me")
    if [ "$status" = 428 ]; then # saved by an earlier run: a change names the version it replaces (any, here)
      status=$(curl -sS -o /dev/null -w "%{http_code}" -X PUT -H "Authorization: Bearer $token" -H "If-Match: *" \
        -H "Content-Type: application/json" --data "$body" "$PARTICIPANTS/me")
    fi
    case "$status" in 200|201) ;; *) echo "PUT /me answered $status" >&2; exit 1 ;; esac' \
    || die "saving the benchmark users' profiles failed"
}

# --- programs and tracks ---------------------------------------------------------------------------------------

# Creates and publishes N programs (ML4H 2025, dates moved so that the author application deadline is 30 days
# ahead, as deploy/e2e's SeasonEndToEndTest does) and appends their AUTHOR and REVIEWER tracks to $TMP/tracks.tsv
# (program id, track id, kind) once participant-service has learnt them from Kafka.
create_programs() {
  local count="$1" token today shift i created id published deadline total
  token="$(organizer_token)" || die "no token for the organizer olivia from Keycloak"
  today="$(TZ=Etc/GMT+12 date +%F)" # AoE, the program's time zone
  shift=$(( ($(date -ud "$today" +%s) - $(date -ud 2025-06-05 +%s)) / 86400 ))
  for ((i = 1; i <= count; i++)); do
    PROGRAM_SEQ=$((PROGRAM_SEQ + 1))
    jq --argjson days "$shift" --arg name "Load bench $RUN_ID #$PROGRAM_SEQ" '
      walk(if type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
           then (strptime("%Y-%m-%d") | mktime + $days * 86400 | strftime("%Y-%m-%d")) else . end)
      | .name = $name' "$ROOT/schedule-service/src/main/resources/programs/ml4h-2025.json" >"$TMP/program.json"
    created="$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data @"$TMP/program.json" "$SCHEDULE/programs")"
    [ "${created##*$'\n'}" = 201 ] || die "schedule-service refused the program: ${created}"
    id="$(jq -r .id <<<"${created%$'\n'*}")"
    published="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" "$SCHEDULE/programs/$id/publish")"
    [ "${published##*$'\n'}" = 200 ] || die "schedule-service did not publish program $id: ${published}"
    jq -r --arg p "$id" '.tracks[] | select(.kind == "AUTHOR" or .kind == "REVIEWER") | [$p, .trackId, .kind] | @tsv' \
      <<<"${published%$'\n'*}" >>"$TMP/tracks.pending"
    echo "$id" >>"$TMP/programs.pending"
  done
  # participant-service learns the tracks from ProgramPublished on Kafka
  deadline=$((SECONDS + 60))
  while read -r id; do
    until total="$(curl -fsS -H "Authorization: Bearer $token" "$PARTICIPANTS/tracks?programId=$id" | jq -r .total)" \
        && [ "$total" = 3 ]; do
      [ "$SECONDS" -lt "$deadline" ] || die "participant-service did not learn the tracks of program $id within 60 s (Kafka?)"
      sleep 0.3
    done
  done <"$TMP/programs.pending"
  cat "$TMP/tracks.pending" >>"$TMP/tracks.tsv"
  rm -f "$TMP/tracks.pending" "$TMP/programs.pending"
}

track_count() { wc -l <"$TMP/tracks.tsv"; }

# --- plans for wrk (plan.lua): METHOD, PATH, TOKEN, BODY per line -----------------------------------------------

# Every (user, track) registration in a fixed order, track after track: line j registers user (j mod USERS) + 1 for
# track j div USERS. The run consumes the plan from POST_OFFSET on, so each line is sent once across all levels.
write_post_plan() {
  awk -F'\t' -v users="$USERS" "$PROFILE_AWK"'
    BEGIN { n = 0 }
    FILENAME == ARGV[1] { token[$1] = $2; next }
    { program[n] = $1; track[n] = $2; kind[n] = $3; n++ }
    END {
      for (t = 0; t < n; t++)
        for (u = 1; u <= users; u++)
          printf "POST\t/programs/%s/tracks/%s/registrations\t%s\t%s\n", program[t], track[t], token[u], registration(u, kind[t])
    }' "$TMP/tokens.tsv" "$TMP/tracks.tsv" >"$TMP/plan-post.tsv"
}

write_get_plan() { # PATH → every benchmark user's GET of it
  awk -F'\t' -v path="$1" '{ printf "GET\t%s\t%s\t\n", path, $2 }' "$TMP/tokens.tsv" >"$TMP/plan-get.tsv"
}

# --- measuring -------------------------------------------------------------------------------------------------

# Resident memory of a process in MB (its own RSS; the services are single JVM processes).
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# Samples the services' RSS every 0.5 s in the background and keeps the peak in $TMP/rss-peak.
start_rss_sampler() {
  (
    declare -A peak
    while :; do
      for s in "${SERVICES[@]}"; do
        kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$(pid_of "$s")/status" 2>/dev/null || echo 0)"
        if [ "${kb:-0}" -gt "${peak[$s]:-0}" ]; then peak[$s]=$kb; fi
      done
      for s in "${SERVICES[@]}"; do printf '%s\t%s\n' "$s" "${peak[$s]:-0}"; done >"$TMP/rss-peak.tmp"
      mv "$TMP/rss-peak.tmp" "$TMP/rss-peak"
      # a Maven build beside the benchmark (it shares the CPUs): counted, so that each run can say whether it met one
      if pgrep -f 'plexus-classworlds|surefirebooter' >/dev/null 2>&1; then echo x >>"$TMP/builds-seen"; fi
      sleep 0.5
    done
  ) &
  SAMPLER_PID=$!
}

stop_rss_sampler() {
  if [ -n "${SAMPLER_PID:-}" ]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
  fi
}

# CPU ticks per session ("sid<N>": every process of a platform component shares the session platform.sh's setsid
# gave it, e.g. Keycloak's JVM under kc.sh), PostgreSQL's ("pg": the postmaster with the time of the backends it has
# reaped, plus its live children; backends each have their own session), and the machine's busy ticks.
cpu_snapshot() {
  # processes may end between the glob and the read: cat's complaint is no failure here
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="${POSTMASTER:-none}" '{
      pid = $1; s = $0; sub(/^.*\) /, "", s); split(s, f, " ")
      t["sid" f[4]] += f[12] + f[13]
      if (pid == pm) pg += f[12] + f[13] + f[14] + f[15]
      else if (f[2] == pm) pg += f[12] + f[13]
    }
    END { for (k in t) print k, t[k]; print "pg", pg + 0 }'
  awk '/^cpu / { print "machine", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# The components whose CPU is reported, as "name key" (keys of cpu_snapshot).
cpu_components() {
  local s
  for s in "${SERVICES[@]}" kafka keycloak mail; do
    alive "$s" && echo "$s sid$(pid_of "$s")"
  done
  [ -n "$POSTMASTER" ] && echo "postgres pg"
  return 0
}

# CPU used between two snapshots, in cores, per component, plus wrk's (measured separately) and the rest.
# Prints one Markdown table row: label | participant | matching | ... | wrk/pgbench | rest | idle.
cpu_row() {
  local label="$1" before="$2" after="$3" client_seconds="$4" elapsed="$5"
  if [ "$(builds_seen)" != "$RUN_BUILDS_BEFORE" ]; then label="$label (build running)"; fi
  awk -v label="$label" -v client="$client_seconds" -v elapsed="$elapsed" -v hz="$(getconf CLK_TCK)" \
      -v cores="$(nproc)" -v order="$CPU_ORDER" '
    FILENAME == ARGV[1] { sid[$1] = $2; next }
    FILENAME == ARGV[2] { b[$1] = $2; next }
    { a[$1] = $2 }
    END {
      n = split(order, names, " ")
      row = "| " label
      known = 0
      for (i = 1; i <= n; i++) {
        k = sid[names[i]]
        used = (k in a) ? (a[k] - b[k]) / hz / elapsed : 0
        if (used < 0) used = 0
        known += used
        row = row sprintf(" | %.2f", used)
      }
      machine = (a["machine"] - b["machine"]) / hz / elapsed
      client_cores = client / elapsed
      rest = machine - known - client_cores
      if (rest < 0) rest = 0
      idle = cores - machine
      if (idle < 0) idle = 0
      print row sprintf(" | %.2f | %.2f | %.2f |", client_cores, rest, idle)
    }' "$TMP/cpu-components" "$before" "$after"
}

builds_seen() { if [ -f "$TMP/builds-seen" ]; then wc -l <"$TMP/builds-seen"; else echo 0; fi; }

# Total GC time (s) of each service's JVM so far, from its hsperfdata (jstat reads it without attaching).
gc_snapshot() {
  local s
  command -v jstat >/dev/null || return 0
  for s in "${SERVICES[@]}"; do
    printf '%s %s\n' "$s" "$(jstat -gcutil "$(pid_of "$s")" 2>/dev/null | awk 'NR == 2 { print $NF }')"
  done
}

# One Markdown row: the GC time of each service between two gc_snapshots.
gc_row() {
  awk -v label="$1" 'FILENAME == ARGV[1] { b[$1] = $2; next }
    { n++; name[n] = $1; d[n] = ($2 == "" || b[$1] == "") ? "?" : sprintf("%.2f", $2 - b[$1]) }
    END { row = "| " label; for (i = 1; i <= n; i++) row = row " | " d[i]; print row " |" }' "$2" "$3"
}

# Waits until the stack is quiet: participant-service's outbox published (or no longer moving: a stuck relay is
# reported, not waited for) and the platform's processes using less than 0.3 cores over a second (the relay,
# the Kafka consumers and the mail of the previous run have caught up).
settle() {
  local deadline=$((SECONDS + SETTLE_MAX)) pending="" previous=x busy
  while [ "$SECONDS" -lt "$deadline" ]; do
    pending="$(psql -XAtqc 'select count(*) from outbox_event where published_at is null' 2>/dev/null || echo 0)"
    cpu_snapshot >"$TMP/settle.1"; sleep 1; cpu_snapshot >"$TMP/settle.2"
    busy="$(awk -v hz="$(getconf CLK_TCK)" '
      FILENAME == ARGV[1] { want[$2] = 1; next }
      FILENAME == ARGV[2] { b[$1] = $2; next }
      ($1 in want) { used += $2 - b[$1] }
      END { printf "%.2f", used / hz }' "$TMP/cpu-components" "$TMP/settle.1" "$TMP/settle.2")"
    if awk -v b="$busy" 'BEGIN { exit !(b < 0.3) }'; then
      [ "$pending" = 0 ] && return
      if [ "$pending" = "$previous" ]; then
        log "participant-service's outbox holds $pending unpublished events that do not move (see its log: \"Outbox relay\")"
        return
      fi
    fi
    previous="$pending"
  done
  log "the stack did not calm down within ${SETTLE_MAX}s (outbox pending: $pending, platform CPU: $busy cores); going on"
}

# pg_stat_user_tables of participant-service's tables: what the database did, to compare with pgbench's script.
table_stats() {
  psql -XAtq -F $'\t' -c "select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
    from pg_stat_user_tables where schemaname = 'public' order by relname"
}

# Runs wrk: run_wrk NAME URL CONNECTIONS PLAN OFFSET MODE EXPECT; leaves the "BENCH ..." line in $TMP/NAME.wrk
# and CPU figures in $TMP/NAME.cpu. wrk runs DURATION plus a drain (see plan.lua).
run_wrk() {
  local name="$1" url="$2" connections="$3" plan="$4" offset="$5" mode="$6" expect="$7" before after wrk_cpu
  cpu_snapshot >"$TMP/$name.cpu-before"
  RUN_BUILDS_BEFORE="$(builds_seen)"
  gc_snapshot >"$TMP/$name.gc-before"
  # the CPU figures cover the measured seconds, not the drain (in which little happens)
  ( sleep "$SECONDS_PER_RUN"; cpu_snapshot >"$TMP/$name.cpu-after" ) &
  local snapshot=$!
  {
    TIMEFORMAT='%U %S'
    time wrk -t"$WRK_THREADS" -c"$connections" -d"$((SECONDS_PER_RUN + DRAIN_SECONDS))s" --timeout "$WRK_TIMEOUT" \
      -s "$HERE/plan.lua" "$url" -- "$plan" "$WRK_THREADS" "$offset" "$mode" "$expect" "$SECONDS_PER_RUN" >"$TMP/$name.out" 2>&1 || true
  } 2>"$TMP/$name.time"
  wait "$snapshot"
  gc_snapshot >"$TMP/$name.gc-after"
  gc_row "$name" "$TMP/$name.gc-before" "$TMP/$name.gc-after" >"$TMP/$name.gcrow"
  grep '^BENCH ' "$TMP/$name.out" >"$TMP/$name.wrk" || die "wrk gave no result for $name: $(cat "$TMP/$name.out")"
  wrk_cpu="$(awk '{ print $1 + $2 }' "$TMP/$name.time")"
  cpu_row "$name" "$TMP/$name.cpu-before" "$TMP/$name.cpu-after" "$wrk_cpu" "$SECONDS_PER_RUN" >"$TMP/$name.cpu"
}

field() { # field FILE KEY → value of KEY=value in a BENCH line
  tr ' ' '\n' <"$1" | sed -n "s/^$2=//p"
}

ms() { awk -v us="$1" 'BEGIN { printf (us < 10000 ? "%.2f" : "%.1f"), us / 1000 }'; }

# How many clients pgbench may open: PostgreSQL's max_connections is shared with the services' pools, so a level
# above what is free runs with what is free (the report says so).
pgbench_clients() {
  local wanted="$1" max used reserved free
  max="$(psql -XAtqc 'show max_connections')"
  reserved="$(psql -XAtqc 'show superuser_reserved_connections')"
  # other roles' rows hide backend_type from us, but not datname: client backends are the rows with a database
  used="$(psql -XAtqc 'select count(*) from pg_stat_activity where datname is not null')"
  free=$((max - reserved - used - 5)) # a few left for the services' pools to grow
  if [ "$free" -lt "$wanted" ]; then echo "$free"; else echo "$wanted"; fi
}

# Runs pgbench: run_pgbench NAME SCRIPT CLIENTS; leaves "tps p50 p99 p999 failed clients" in $TMP/NAME.pgb.
run_pgbench() {
  local name="$1" script="$2" wanted="$3" clients jobs out
  clients="$(pgbench_clients "$wanted")"
  [ "$clients" -ge 1 ] || die "PostgreSQL has no free connection for pgbench (max_connections)"
  jobs=$((clients < WRK_THREADS ? clients : WRK_THREADS))
  rm -rf "$TMP/pgblog" && mkdir -p "$TMP/pgblog"
  cpu_snapshot >"$TMP/$name.cpu-before"
  RUN_BUILDS_BEFORE="$(builds_seen)"
  local started=$SECONDS
  out="$TMP/$name.pgbench"
  {
    TIMEFORMAT='%U %S'
    time PGOPTIONS='-c search_path=loadbench' pgbench -n -M prepared -c "$clients" -j "$jobs" -T "$SECONDS_PER_RUN" \
      -D participants="$USERS" -D tracks="$PGB_TRACKS" -D clients="$clients" \
      -D payload="$PAYLOAD" -D data_schema="$DATA_SCHEMA" \
      -D mentor_answers="$MENTOR_ANSWERS" -D mentee_answers="$MENTEE_ANSWERS" \
      -l --log-prefix="$TMP/pgblog/tx" -f "$HERE/pgbench/$script" >"$out" 2>&1 || true
  } 2>"$TMP/$name.time"
  local elapsed=$((SECONDS - started))
  cpu_snapshot >"$TMP/$name.cpu-after"
  grep -q '^tps = ' "$out" || die "pgbench failed for $name: $(tail -5 "$out")"
  grep -q 'aborted' "$out" && log "pgbench: some clients aborted in $name (see $out)"
  local tps failed
  tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out")"
  failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")"
  # per-transaction log: client, transaction, latency (µs), script, epoch, µs
  cat "$TMP"/pgblog/tx.* | awk '{ print $3 }' | sort -n >"$TMP/pgblog/latencies"
  awk -v tps="$tps" -v failed="${failed:-0}" -v clients="$clients" '
    { l[NR] = $1 }
    END {
      if (NR == 0) { print tps, 0, 0, 0, failed, clients; exit }
      print tps, l[idx(0.50)], l[idx(0.99)], l[idx(0.999)], failed, clients
    }
    function idx(q,   i) { i = int(q * NR + 0.999999); return i < 1 ? 1 : (i > NR ? NR : i) }' \
    "$TMP/pgblog/latencies" >"$TMP/$name.pgb"
  local client_cpu
  client_cpu="$(awk '{ print $1 + $2 }' "$TMP/$name.time")"
  cpu_row "$name" "$TMP/$name.cpu-before" "$TMP/$name.cpu-after" "$client_cpu" "$((elapsed > 0 ? elapsed : 1))" >"$TMP/$name.cpu"
}

# After a run: the service must still be ready. (A participant-service whose pool lost its connections answers
# every database call after 30 s with a 500; the rest of the run would measure nothing.)
still_ready() {
  local s
  for s in "${SERVICES[@]}"; do
    [ "$(pid_of "$s")" = "${START_PID[$s]}" ] || die "$s-service was restarted during the benchmark (pid ${START_PID[$s]}, now $(pid_of "$s")): its figures would mix two JVMs; rerun once the stack is left alone"
  done
  ready "$1" && return
  die "$1-service is not ready any more after $2 (GET :${MANAGEMENT_PORT[$1]}/q/health/ready). If $LOG_DIR/$1.log shows
  \"Connection being closed with a live transaction\" or \"Timed out while waiting for an available connection\", its
  reactive pool lost connections to requests whose HTTP client went away mid-transaction (quarkusio/quarkus#51576,
  hibernate/hibernate-reactive#2926); restart the service (deploy/local/platform.sh down && up)"
}

# --- run -------------------------------------------------------------------------------------------------------

# Each operation once at 16 connections, unreported: the services were maybe just started, and the first
# thousands of requests run in the interpreter and the JIT's early tiers.
warm_up() {
  local saved="$SECONDS_PER_RUN"
  SECONDS_PER_RUN="$WARMUP_SECONDS"
  fresh_tokens
  if has_op post; then
    write_post_plan
    log "warm-up: registration POSTs ($WARMUP)"
    run_wrk warmup-post "$PARTICIPANTS" 16 "$TMP/plan-post.tsv" "$POST_OFFSET" once 201
    POST_OFFSET=$(( POST_OFFSET + $(field "$TMP/warmup-post.wrk" max_used_per_thread) * WRK_THREADS ))
    still_ready participant "the warm-up"
  fi
  if has_op me; then
    write_get_plan /me
    log "warm-up: GET /me ($WARMUP)"
    run_wrk warmup-me "$PARTICIPANTS" 16 "$TMP/plan-get.tsv" 0 cycle ""
  fi
  if has_op pairings; then
    write_get_plan /me/pairings
    log "warm-up: GET /me/pairings ($WARMUP)"
    run_wrk warmup-pairings "$MATCHING" 16 "$TMP/plan-get.tsv" 0 cycle ""
  fi
  SECONDS_PER_RUN="$saved"
}

cleanup() {
  stop_rss_sampler
  psql -XAtqc 'drop schema if exists loadbench cascade' >/dev/null 2>&1 || true
  if [ "${KEEP_TMP:-}" = 1 ]; then log "working files kept in $TMP"; else rm -rf "$TMP"; fi
}

main() {
  require_tools
  preflight
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/load-bench.XXXXXX")"
  trap cleanup EXIT
  RUN_ID="$(date +%Y%m%d-%H%M%S)"
  PROGRAM_SEQ=0
  : >"$TMP/tracks.tsv"
  # the postmaster: the postgres process whose parent is no postgres process
  POSTMASTER="$(ps -C postgres -o pid=,ppid= | awk '{ parent[$1] = $2 } END { for (p in parent) if (!(parent[p] in parent)) { print p; exit } }')"
  cpu_components >"$TMP/cpu-components"
  CPU_ORDER="$(awk '{ printf "%s ", $1 }' "$TMP/cpu-components")"

  # machine facts and idle memory, before the benchmark touches anything
  local s java_version load_start other_builds
  declare -A IDLE_RSS STARTUP START_PID
  for s in "${SERVICES[@]}"; do
    START_PID[$s]="$(pid_of "$s")"
    IDLE_RSS[$s]="$(rss_mb "$(pid_of "$s")")"
    STARTUP[$s]="$(grep -o 'started in [0-9.]*s' "$LOG_DIR/$s.log" 2>/dev/null | tail -1 | sed 's/started in //')"
  done
  java_version="$(java -version 2>&1 | head -1)"
  load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
  other_builds="$(pgrep -fc 'plexus-classworlds|surefirebooter' || true)"

  log "run $RUN_ID: $USERS users, levels $LEVELS, $DURATION per run"
  ensure_users
  log "Keycloak: tokens for the benchmark users"
  fetch_tokens
  if has_op post || has_op me; then
    log "participant-service: the benchmark users' profiles (PUT /me)"
    save_profiles
  fi
  if has_op post; then
    log "schedule-service: creating and publishing $PROGRAMS programs"
    create_programs "$PROGRAMS"
  fi

  if has_op post || has_op me; then
    # pgbench's copy of participant-service's tables, and the values the service binds for a registration
    PGB_TRACKS=$((2 * PROGRAMS))
    psql -XAtq -v participants="$USERS" -v tracks="$PGB_TRACKS" -f "$HERE/pgbench/schema-copy.sql" >/dev/null
    PAYLOAD="$(psql -XAtqc "select payload from outbox_event where type = 'ParticipantRegistered' order by seq desc limit 1")"
    if [ -z "$PAYLOAD" ]; then # no registration yet on this stack: an event of the same shape and size
      PAYLOAD='{"participantId":"00000000-0000-4000-8000-000000000000","participant":{"name":"Load Bench0001","email":"loadbench-0001@mentorship.test","affiliation":"Load Bench University 1","careerStage":"PHD_STUDENT","timeZone":"Europe/Berlin","interests":["causal inference","ehr","topic 1"],"interestsText":null,"availability":[{"day":"TUESDAY","from":"08:00","to":"20:00"},{"day":"THURSDAY","from":"08:00","to":"20:00"}]},"registration":{"registrationId":"00000000-0000-4000-8000-000000000001","programId":"00000000-0000-4000-8000-000000000002","trackId":"00000000-0000-4000-8000-000000000003","trackKind":"AUTHOR","role":"MENTEE","answers":{"paperTitle":"Load bench paper 1","paperSummary":"Estimating treatment effects in ICU records, registered by the load benchmark.","intendsToSubmit":true},"capacity":null,"late":false,"priority":false,"registeredAt":"2026-01-01T00:00:00Z"}}'
    fi
    DATA_SCHEMA="$PARTICIPANTS/schemas/ParticipantRegistered.v1.json"
    MENTOR_ANSWERS='{"expertise":["causal inference","ehr"],"capacity":2}'
    MENTEE_ANSWERS='{"paperTitle":"Load bench paper 1","paperSummary":"Estimating treatment effects in ICU records, registered by the load benchmark.","intendsToSubmit":true}'
  fi

  POST_OFFSET=0
  local most_used=0 level used needed extra
  start_rss_sampler
  if [ "$WARMUP_SECONDS" -gt 0 ]; then warm_up; fi
  settle
  for level in $LEVELS; do
    if has_op post; then
      # enough unused registrations for this level? 1.5 x the most any level used so far
      needed=$(( most_used * 3 / 2 ))
      if [ $(( $(track_count) * USERS - POST_OFFSET )) -lt "$needed" ]; then
        extra=$(( (needed - ($(track_count) * USERS - POST_OFFSET) + 2 * USERS - 1) / (2 * USERS) ))
        log "level $level: $extra more programs, so that the registration plan lasts"
        create_programs "$extra"
      fi
      fresh_tokens
      write_post_plan
      settle
      table_stats >"$TMP/post-$level.stats-before"
      log "level $level: registration POSTs (wrk, $DURATION)"
      run_wrk "post-$level" "$PARTICIPANTS" "$level" "$TMP/plan-post.tsv" "$POST_OFFSET" once 201
      used=$(( $(field "$TMP/post-$level.wrk" max_used_per_thread) * WRK_THREADS ))
      POST_OFFSET=$((POST_OFFSET + used))
      if [ "$used" -gt "$most_used" ]; then most_used=$used; fi
      still_ready participant "the registration run at $level connections"
      settle
      log "level $level: the same registrations straight into PostgreSQL (pgbench, $DURATION)"
      run_pgbench "pgb-post-$level" registration.sql "$level"
      # only now: an idle backend reports its table statistics up to 10 s late (pgbench writes to another schema)
      table_stats >"$TMP/post-$level.stats-after"
      settle
    fi

    if has_op me; then
      fresh_tokens
      write_get_plan /me
      settle
      log "level $level: GET /me (wrk, $DURATION)"
      run_wrk "me-$level" "$PARTICIPANTS" "$level" "$TMP/plan-get.tsv" 0 cycle ""
      still_ready participant "the GET /me run at $level connections"
      settle
      log "level $level: GET /me's read straight from PostgreSQL (pgbench, $DURATION)"
      run_pgbench "pgb-me-$level" profile.sql "$level"
      settle
    fi

    if has_op pairings; then
      fresh_tokens
      write_get_plan /me/pairings
      settle
      log "level $level: GET /me/pairings (wrk, $DURATION)"
      run_wrk "pairings-$level" "$MATCHING" "$level" "$TMP/plan-get.tsv" 0 cycle ""
      still_ready matching "the GET /me/pairings run at $level connections"
      settle
    fi
  done
  stop_rss_sampler
  declare -A AFTER_RSS
  for s in "${SERVICES[@]}"; do AFTER_RSS[$s]="$(rss_mb "$(pid_of "$s")")"; done

  report >"$TMP/report.md"
  mkdir -p "$RESULTS"
  cp "$TMP/report.md" "$RESULTS/load-$RUN_ID.md"
  cat "$TMP/report.md"
  log "report written to ${RESULTS#"$ROOT"/}/load-$RUN_ID.md"
}

# --- report ----------------------------------------------------------------------------------------------------

api_cells() { # FILE → req/s | p50 | p99 | p99.9 | non-2xx | socket errors
  local f="$1"
  printf '%s | %s | %s | %s | %s | %s' "$(field "$f" rps)" "$(ms "$(field "$f" p50_us)")" "$(ms "$(field "$f" p99_us)")" \
    "$(ms "$(field "$f" p999_us)")" "$(field "$f" non2xx)" \
    "$(( $(field "$f" connect_errors) + $(field "$f" read_errors) + $(field "$f" write_errors) + $(field "$f" timeouts) ))"
}

db_cells() { # FILE → clients | tps | p50 | p99 | p99.9 | failed
  local tps p50 p99 p999 failed clients
  read -r tps p50 p99 p999 failed clients <"$1"
  printf '%s | %.1f | %s | %s | %s | %s' "$clients" "$tps" "$(ms "$p50")" "$(ms "$p99")" "$(ms "$p999")" "$failed"
}

share() { # API FILE, DB FILE → API req/s as % of DB tps
  local tps
  read -r tps _ <"$2"
  awk -v a="$(field "$1" rps)" -v d="$tps" 'BEGIN { printf (d > 0 ? "%.0f %%" : "n/a"), 100 * a / d }'
}

verdict() { # API FILE, DB FILE → whether the target holds (>= 50 % of the ceiling, p99 <= 50 ms)
  local tps
  read -r tps _ <"$2"
  awk -v a="$(field "$1" rps)" -v d="$tps" -v p99="$(field "$1" p99_us)" -v bad="$(field "$1" non2xx)" 'BEGIN {
    share = d > 0 ? 100 * a / d : 0
    ok = share >= 50 && p99 <= 50000 && bad == 0
    printf "%s (%.0f %% of the ceiling, p99 %.1f ms)", ok ? "**met**" : "**missed**", share, p99 / 1000 }'
}

report() {
  local level s run clients
  echo "# Load benchmark $RUN_ID"
  echo
  echo "- Machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM; $java_version"
  echo "- $(psql -XAtqc 'select version()' | cut -d, -f1) (max_connections $(psql -XAtqc 'show max_connections')); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- Load average at start: $load_start; Maven/surefire processes beside the benchmark: ${other_builds:-0} at the start, seen in $(builds_seen) of the 0.5 s samples during the load"
  echo "- Runs: $DURATION measured each (wrk -t$WRK_THREADS --timeout $WRK_TIMEOUT, then ${DRAIN_SECONDS}s without new requests so that none is cut off; pgbench -j$WRK_THREADS -M prepared -T $SECONDS_PER_RUN); $USERS users; $(track_count) tracks in $PROGRAM_SEQ fresh programs; everything (stack, wrk, pgbench) shares this machine"
  echo
  if has_op post; then
    echo "## Registration: POST /programs/{p}/tracks/{t}/registrations (participant-service) vs PostgreSQL"
    echo
    echo "Each POST is a user's first registration for a track (201); the requests in flight are of different users (the plan goes through all $USERS users before a user's next track), so the per-person advisory lock never makes one wait for another. pgbench runs the same transaction (pgbench/registration.sql: person lock, select track, select existing registration, person lock again, select profile, select track policy for mentees, insert registration, insert outbox event) in a copy of the service's tables, each client with its own participants."
    echo
    echo "| connections | API req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | not 201 (incl. non-2xx) | DB clients | DB tps | DB p50 ms | DB p99 ms | DB p99.9 ms | DB failed | API as % of DB ceiling |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for level in $LEVELS; do
      echo "| $level | $(api_cells "$TMP/post-$level.wrk") | $(field "$TMP/post-$level.wrk" unexpected) | $(db_cells "$TMP/pgb-post-$level.pgb") | $(share "$TMP/post-$level.wrk" "$TMP/pgb-post-$level.pgb") |"
    done
    for level in $LEVELS; do
      if [ "$level" -gt "$USERS" ]; then
        echo
        echo "**At $level connections there are more requests in flight than users ($USERS)**: some wait for the same person's lock (raise BENCH_USERS)."
      fi
      if [ "$(field "$TMP/post-$level.wrk" exhausted)" != 0 ]; then
        echo
        echo "**At $level connections the registration plan ran out** ($(field "$TMP/post-$level.wrk" exhausted) requests repeated an earlier registration, which answers 200 without inserting): raise BENCH_PROGRAMS or BENCH_USERS."
      fi
    done
    echo
  fi
  if has_op me; then
    echo "## GET /me (participant-service) vs PostgreSQL"
    echo
    echo "pgbench runs the service's read (pgbench/profile.sql: the participant row by primary key)."
    echo
    echo "| connections | API req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | DB clients | DB tps | DB p50 ms | DB p99 ms | DB p99.9 ms | DB failed | API as % of DB ceiling |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for level in $LEVELS; do
      echo "| $level | $(api_cells "$TMP/me-$level.wrk") | $(db_cells "$TMP/pgb-me-$level.pgb") | $(share "$TMP/me-$level.wrk" "$TMP/pgb-me-$level.pgb") |"
    done
    echo
  fi
  if has_op pairings; then
    echo "## GET /me/pairings (matching-service)"
    echo
    echo "| connections | API req/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors |"
    echo "|---|---|---|---|---|---|---|"
    for level in $LEVELS; do
      echo "| $level | $(api_cells "$TMP/pairings-$level.wrk") |"
    done
    echo
  fi
  for run in post me pairings; do
    for level in $LEVELS; do
      if [ -f "$TMP/$run-$level.wrk" ] && [ "$(field "$TMP/$run-$level.wrk" unfinished)" != 0 ]; then
        echo "Note: $run at $level connections: $(field "$TMP/$run-$level.wrk" unfinished) requests were still unanswered when wrk closed its connections."
        echo
      fi
    done
  done
  if [[ " $LEVELS " == *" 64 "* ]] && { has_op post || has_op me; }; then
    echo "## Target at 64 connections (>= 50 % of the database ceiling, p99 <= 50 ms, no errors)"
    echo
    if has_op post; then echo "- Registration POST: $(verdict "$TMP/post-64.wrk" "$TMP/pgb-post-64.pgb")"; fi
    if has_op me; then echo "- GET /me: $(verdict "$TMP/me-64.wrk" "$TMP/pgb-me-64.pgb")"; fi
    echo
  fi
  for run in pgb-post pgb-me; do
    for level in $LEVELS; do
      if [ -f "$TMP/$run-$level.pgb" ]; then
        read -r _ _ _ _ _ clients <"$TMP/$run-$level.pgb"
        if [ "$clients" != "$level" ]; then
          echo "Note: $run at $level connections ran with $clients clients: PostgreSQL's max_connections (shared with the services' pools) left no more. The services themselves never use more database connections than their pool (quarkus.datasource.reactive.max-size) per instance."
          echo
        fi
      fi
    done
  done
  echo "## Services: startup and memory"
  echo
  echo "| service | started in | RSS idle MB (before the run) | RSS peak MB (sampled every 0.5 s under load) | RSS after MB |"
  echo "|---|---|---|---|---|"
  for s in "${SERVICES[@]}"; do
    echo "| $s-service | ${STARTUP[$s]:-?} | ${IDLE_RSS[$s]} | $(awk -F'\t' -v s="$s" '$1 == s { printf "%d", $2 / 1024 }' "$TMP/rss-peak" 2>/dev/null) | ${AFTER_RSS[$s]} |"
  done
  echo
  echo "## Where the CPU went (average cores over each run, of $(nproc))"
  echo
  echo "Over the measured seconds of each run (the services' work for a run's requests may go on after it). \"client\" is wrk or pgbench (wrk's whole run, drain included, over the measured seconds); \"rest\" is everything else on the machine (e.g. a build running beside the benchmark)."
  echo
  echo "| run | $(tr ' ' '\n' <<<"$CPU_ORDER" | sed '/^$/d' | paste -sd'|' | sed 's/|/ | /g') | client | rest | idle |"
  echo "|---|$(for _ in $CPU_ORDER; do printf -- '---|'; done)---|---|---|"
  for level in $LEVELS; do
    for run in post pgb-post me pgb-me pairings; do
      if [ -f "$TMP/$run-$level.cpu" ]; then cat "$TMP/$run-$level.cpu"; fi
    done
  done
  echo
  if command -v jstat >/dev/null; then
    echo "## Garbage collection during each run (seconds, jstat; each JVM runs with -Xmx256m)"
    echo
    echo "| run | $(printf '%s | ' "${SERVICES[@]}")"
    echo "|---|$(for _ in "${SERVICES[@]}"; do printf -- '---|'; done)"
    for level in $LEVELS; do
      for run in post me pairings; do
        if [ -f "$TMP/$run-$level.gcrow" ]; then cat "$TMP/$run-$level.gcrow"; fi
      done
    done
    echo
  fi
  if has_op post; then
    echo "## What a registration did in participant-service's database"
    echo
    echo "pg_stat_user_tables deltas over each registration run (settled afterwards, so the outbox relay's publishing is included), per 201 response:"
    echo
    echo "| level | table | seq scans | index scans | inserts | updates | deletes |"
    echo "|---|---|---|---|---|---|---|"
    for level in $LEVELS; do
      local created
      created=$(( $(field "$TMP/post-$level.wrk" requests) - $(field "$TMP/post-$level.wrk" unexpected) ))
      awk -F'\t' -v level="$level" -v n="$created" '
        FILENAME == ARGV[1] { for (i = 2; i <= 6; i++) b[$1, i] = $i; next }
        {
          row = ""; any = 0
          for (i = 2; i <= 6; i++) { d = $i - b[$1, i]; if (d != 0) any = 1; row = row sprintf(" | %.2f", n > 0 ? d / n : 0) }
          if (any) print "| " level " | " $1 row " |"
        }' "$TMP/post-$level.stats-before" "$TMP/post-$level.stats-after"
    done
  fi
}

main "$@"
