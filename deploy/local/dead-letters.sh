#!/usr/bin/env bash
# The dead letters of one service of the running local stack, through its REST API (/api/dead-letters).
#   ./run-local.sh dead-letters <service> [list|all|show ID|replay ID|replay-all]
# <service> is intake, assignment, review or notification (or the full name, e.g. review-service).
# list (the default) shows the dead letters not yet replayed, newest first; all shows every one. Metadata only:
# the payload never leaves the dead-letter topic. Set IMRFLOW_HOST to reach another host (default localhost).
# It signs in as the demo identity ops; set IMRFLOW_TOKEN to use another operations token.
set -euo pipefail

usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  intake | intake-service) port=8081 ;;
  assignment | assignment-service) port=8082 ;;
  review | review-service) port=8083 ;;
  notification | notification-service) port=8084 ;;
  *) usage ;;
esac
base="http://${IMRFLOW_HOST:-localhost}:$port/api/dead-letters"
# Dead letters are for operations: sign in as the local realm's ops identity (or bring a token in IMRFLOW_TOKEN).
token="${IMRFLOW_TOKEN:-$("$(dirname "$0")/../../run-local.sh" token ops)}" || exit 1

# Prints the answer (pretty if jq is installed); a non-2xx answer, a problem+json, goes to stderr and fails.
call() {
  local body status
  body=$(mktemp)
  if ! status=$(curl -sS -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" "$@"); then
    rm -f "$body"
    echo "Could not reach $base: is ./run-local.sh running?" >&2
    return 1
  fi
  if command -v jq >/dev/null; then jq . "$body" 2>/dev/null || cat "$body"; else cat "$body"; echo; fi \
    | if [[ $status == 2* ]]; then cat; else cat >&2; fi
  rm -f "$body"
  [[ $status == 2* ]]
}

case "${2:-list}" in
  list) call "$base?replayed=false&size=100" ;;
  all) call "$base?size=100" ;;
  show) [ -n "${3:-}" ] || usage; call "$base/$3" ;;
  replay) [ -n "${3:-}" ] || usage; call -X POST "$base/$3/replay" ;;
  replay-all) call -X POST "$base/replay" ;;
  *) usage ;;
esac
