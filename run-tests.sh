#!/usr/bin/env bash
# Runs every test: ./mvnw verify, after installing what the tests need beyond Maven.
# The browser test of the operations page drives Debian's chromium through its chromedriver; both are installed
# here when missing (apt-get, as root). Arguments go on to Maven, e.g. ./run-tests.sh -Dchaos=false
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser test needs chromium and chromium-driver: run as root, or install them with" >&2
    echo "  sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  echo "Installing chromium and chromium-driver for the browser test..."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
fi

exec ./mvnw verify "$@"
