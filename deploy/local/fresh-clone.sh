#!/usr/bin/env bash
# What a newcomer meets: the repository cloned into a temporary folder, with private Maven and npm caches that start
# as copies of this machine's (so nothing the developer's own tree built or installed can help), then every command
# the README gives, in the README's order: up, check, demo, report, each benchmark at a tiny size, down; with TESTS=1 first the
# test command itself (mvn -B verify, ~15 min). Prints a summary (each command, its time, pass or fail) and writes it
# to deploy/local/.work/fresh-clone-<time>.md of this tree.
#
#   deploy/local/fresh-clone.sh            # the clone of HEAD (uncommitted changes are not in it: commit first)
#   TESTS=1 deploy/local/fresh-clone.sh    # also mvn -B verify, before the stack commands
#   KEEP=1 ...                             # keep the temporary folder (logs of each command are in it)
#   EMPTY_CACHES=1 ...                     # start from empty Maven and npm caches (downloads ~1 GB)
#   FAULTS_FULL=true ...                   # the full fault suite (60 s broker outage, 5,000 registrations) instead of the short one
#
# The stack of the clone uses the same ports as any other: nothing else may run on them (platform.sh down first).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
TMP="$(mktemp -d /tmp/mentorship-fresh.XXXXXX)"
CLONE="$TMP/mentorship"
LOGS="$TMP/logs"
mkdir -p "$LOGS" "$HERE/.work"
REPORT="$HERE/.work/fresh-clone-$STAMP.md"

say() { printf '\033[1m[fresh-clone]\033[0m %s\n' "$*"; }

if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
  say "note: this tree has uncommitted changes; the clone holds HEAD ($(git -C "$ROOT" rev-parse --short HEAD)) only"
fi
# participant-service's API port and its management port (health, metrics): any answer means a stack runs
for port in 8081 9081; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    say "something answers on $port: stop the running stack first (deploy/local/platform.sh down)"; exit 2
  fi
done

say "cloning $(git -C "$ROOT" rev-parse --short HEAD) into $CLONE"
git clone -q "$ROOT" "$CLONE" || exit 2

# private caches: copies of the real ones (or empty), so that the run neither depends on nor changes them
M2="$TMP/m2-repository"
NPM_CACHE="$TMP/npm-cache"
if [ "${EMPTY_CACHES:-0}" = 1 ]; then
  mkdir -p "$M2" "$NPM_CACHE"
else
  say "copying the Maven and npm caches"
  if [ -d "$HOME/.m2/repository" ]; then cp -a "$HOME/.m2/repository" "$M2"; else mkdir -p "$M2"; fi
  if [ -d "$HOME/.npm" ]; then cp -a "$HOME/.npm" "$NPM_CACHE"; else mkdir -p "$NPM_CACHE"; fi
fi
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$M2"
export npm_config_cache="$NPM_CACHE"

ROWS=()
FAILED=0
# step NAME COMMAND...: runs COMMAND in the clone, its output in $LOGS/NAME.log, and records its time and outcome
step() {
  local name="$1"; shift
  local log="$LOGS/$name.log" start end secs outcome
  say "$name: $*"
  start=$(date +%s)
  if (cd "$CLONE" && "$@") >"$log" 2>&1; then outcome=pass; else outcome=FAIL; FAILED=$((FAILED + 1)); fi
  end=$(date +%s); secs=$((end - start))
  say "$name: $outcome in $((secs / 60)) min $((secs % 60)) s (log: $log)"
  [ "$outcome" = pass ] || tail -n 30 "$log" | sed 's/^/    /'
  ROWS+=("| \`$*\` | $((secs / 60)) min $((secs % 60)) s | $outcome |")
}

if [ "${TESTS:-0}" = 1 ]; then
  step test mvn -B verify
fi
step up deploy/local/platform.sh up
step check deploy/local/platform.sh check
step demo deploy/local/platform.sh demo
step report deploy/local/platform.sh report
step pipeline deploy/bench/pipeline.sh 40 10 20
step load env DURATION=3s LEVELS=16 WARMUP=0 BENCH_USERS=20 BENCH_PROGRAMS=2 SETTLE_MAX=20 deploy/bench/load.sh
step hostile deploy/bench/hostile.sh 20
step faults env FAULTS_FULL="${FAULTS_FULL:-false}" deploy/bench/faults.sh
step down deploy/local/platform.sh down
step matching-benchmark mvn -q -B -pl matching-service -am test-compile exec:java -Dexec.args=200x60
step notification-benchmark mvn -q -B -pl notification-service -am verify -Pbenchmark -Dbenchmark.people=500 -Dbenchmark.pairings=200

{
  echo "# Fresh clone, $STAMP"
  echo
  echo "Commit $(git -C "$CLONE" rev-parse --short HEAD); $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;" \
       "caches: $([ "${EMPTY_CACHES:-0}" = 1 ] && echo empty || echo 'copies of this machine'\''s')."
  echo
  echo "| command (in the README's order) | time | outcome |"
  echo "|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$REPORT"
say "summary written to $REPORT"

# a stack left running by a failed step must not outlive the run
(cd "$CLONE" && deploy/local/platform.sh down >/dev/null 2>&1) || true
if [ "${KEEP:-0}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
[ "$FAILED" = 0 ]
