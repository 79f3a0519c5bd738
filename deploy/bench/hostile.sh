#!/usr/bin/env bash
# The full hostile-input run: 10,000 requests per service (or $1), generated from each service's OpenAPI document,
# against the real local stack (started for the run if none is running, stopped afterwards); and the hostile-people
# scenario (HostileInputTest's second test: a participant against another participant: dangerous characters in every
# single-line field, a nasty name through every mail header and calendar, stale and simultaneous writes, the conduct
# report limit, a dissolved pairing's frozen meetings). Reports: deploy/e2e/target/hostile-input.md and
# deploy/e2e/target/hostile-people.md. Replay a run with FUZZ_SEED=<the seed in its report>.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# -am builds what the suite plays on (the services' jars, test-support); -Dtest leaves only this suite to run. With a
# stack already running, the services are not built again (-De2e.standalone): never repackage them under running
# processes (deploy/bench/faults.sh says what that did)
STANDALONE=""
deploy/local/platform.sh check >/dev/null 2>&1 && STANDALONE="-De2e.standalone"
mvn -B -pl deploy/e2e -am verify $STANDALONE -Dtest=HostileInputTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.requests="${1:-10000}" ${FUZZ_SEED:+-Dfuzz.seed=$FUZZ_SEED}
cat deploy/e2e/target/hostile-input.md
echo
cat deploy/e2e/target/hostile-people.md
