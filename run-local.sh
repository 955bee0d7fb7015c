#!/usr/bin/env bash
# Starts IMR Flow on this machine: a Kafka broker, PostgreSQL, a mail server, Keycloak and the four services, each its
# own process, no Docker. Builds whatever is missing or older than its sources first. Ctrl-C stops everything; data stays
# in .imr-flow/.
#   ./run-local.sh [--fresh] [--no-demo] [--host ADDRESS] [--help]
#   ./run-local.sh chaos --cases N [--seed S] [--kill-every SECONDS] [...] [--help]
#   ./run-local.sh load [--cases N] [--concurrency C] [...] [--help]
#   ./run-local.sh dead-letters <service> [list|all|show ID|replay ID|replay-all]
#   ./run-local.sh token <identity>    an access token of a demo identity, for curl:
#     curl -H "Authorization: Bearer $(./run-local.sh token claims-admin-acme)" http://127.0.0.1:8081/api/cases
set -euo pipefail
cd "$(dirname "$0")"

classpath_file=deploy/local/target/classes/imrflow/local-stack.classpath

# Sub-commands that talk to a running stack: no build, nothing on stdout but the answer.
case "${1:-}" in
  dead-letters) shift; exec deploy/local/dead-letters.sh "$@" ;;  # <service> [list|all|show ID|replay ID|replay-all]
  token)  # <identity>; IMRFLOW_KEYCLOAK_URL names a Keycloak other than http://127.0.0.1:8180
    shift
    if [ ! -f "$classpath_file" ]; then
      echo "IMR Flow is not built yet: start it with ./run-local.sh first" >&2
      exit 2
    fi
    exec java -cp "deploy/local/target/classes:$(cat "$classpath_file")" org.imrflow.local.TokenCommand "$@" ;;
esac

usage_dir=deploy/local/src/main/resources/imrflow
services=(intake-service assignment-service review-service notification-service)

# --help answers from the source tree, before (and without) any build.
usage_file="$usage_dir/usage-run-local.txt"
case "${1:-}" in
  chaos) usage_file="$usage_dir/usage-chaos.txt" ;;
  load) usage_file="$usage_dir/usage-load.txt" ;;
esac
for arg in "$@"; do
  case "$arg" in
    -h|--help) cat "$usage_file"; exit 0 ;;
  esac
done

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
  # package, not install: the reactor resolves the modules from each other, ~/.m2 is left alone
  ./mvnw -q -B -DskipTests package
fi

exec java -cp "deploy/local/target/classes:$(cat "$classpath_file")" org.imrflow.local.Launcher "$@"
