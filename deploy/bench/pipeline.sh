#!/usr/bin/env bash
# The event pipeline end to end against the running local stack (deploy/local/platform.sh up first):
# MENTEES mentee registrations plus their mentors (capacity 4) sent at RATE per second, each a ParticipantRegistered
# and a confirmation mail; then a matching run published per track, each pairing a PairingCreated and two mails.
# Reports the registrations' HTTP latency, event-to-mail latency (ce_time to SMTP acceptance, from
# notification-service's records), pairing throughput and the time end to end.
# Usage: deploy/bench/pipeline.sh [MENTEES=10000] [RATE=200] [USERS=500]
# Report: deploy/bench/results/pipeline-<time>.md
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
deploy/local/platform.sh check >/dev/null || { echo "The stack is not running: deploy/local/platform.sh up" >&2; exit 1; }
# the running stack's services are built already: -De2e.standalone keeps -am to test-support and this module
mvn -q -B -pl deploy/e2e -am -De2e.standalone test-compile exec:java -De2e.main=dev.mentorship.e2e.PipelineBenchmark \
  -Dexec.args="${1:-10000} ${2:-200} ${3:-500}"
