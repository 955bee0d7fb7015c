#!/usr/bin/env bash
# Starts IMR Flow on this machine: a Kafka broker, PostgreSQL and the four services, each its own process, no Docker.
# Builds whatever is missing or older than its sources first. Ctrl-C stops everything; data stays in .imr-flow/.
#   ./run-local.sh [--fresh] [--no-demo] [--help]
#   ./run-local.sh dead-letters <service> [list|all|show ID|replay ID|replay-all]
set -euo pipefail
cd "$(dirname "$0")"

# Sub-commands that talk to a running stack.
case "${1:-}" in
  dead-letters) shift; exec deploy/local/dead-letters.sh "$@" ;;  # <service> [list|all|show ID|replay ID|replay-all]
esac

classpath_file=deploy/local/target/classes/imrflow/local-stack.classpath
services=(intake-service assignment-service review-service notification-service)

needs_build() {
  [ -f "$classpath_file" ] || return 0
  for service in "${services[@]}"; do
    jar="$service/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    # any source or build file newer than the service's jar means a rebuild
    if [ -n "$(find pom.xml events http-api deploy/local "$service" -path '*/target' -prune -o \
                 -newer "$jar" -type f -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "Building IMR Flow (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -q -B -DskipTests install
fi

exec java -cp "deploy/local/target/classes:$(cat "$classpath_file")" org.imrflow.local.Launcher "$@"
