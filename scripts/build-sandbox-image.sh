#!/usr/bin/env bash
# Builds the docker sandbox image (pipeline-sandbox:2) from this machine's python3.11 + python3-numpy + python3-pandas
# unless it exists; no registry is needed. See docs/decisions/005-sandbox-backends.md.
set -euo pipefail
cd "$(dirname "$0")/.."
exec docker/sandbox-image/build.sh "$@"
