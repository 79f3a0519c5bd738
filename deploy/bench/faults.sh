#!/usr/bin/env bash
# The full fault suite against the real local stack (started for the run if none is running, stopped afterwards):
# a poison message on every consumed topic; the broker stopped 60 s in the middle of 5,000 registrations; each
# service killed with SIGKILL in the middle of 1,000 registrations and restarted; PostgreSQL stopped 20 s under
# load. Report: deploy/e2e/target/faults.md. Stopping the system PostgreSQL needs root (as the stack's "up" does).
# FAULTS_FULL=false runs the short version the test command runs (the fresh-clone check uses it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# -am builds what the suite plays on (the services' jars, test-support); -Dtest leaves only this suite to run. With a
# stack already running, the services are not built again (-De2e.standalone): repackaging them under the running
# processes deleted their jars, and the first class one of them loaded afterwards hung it for good (seen: every relay
# stuck in Quarkus's class loader after the broker outage)
STANDALONE=""
deploy/local/platform.sh check >/dev/null 2>&1 && STANDALONE="-De2e.standalone"
mvn -B -pl deploy/e2e -am verify $STANDALONE -Dtest=FaultsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.full="${FAULTS_FULL:-true}"
cat deploy/e2e/target/faults.md
