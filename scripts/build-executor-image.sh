#!/usr/bin/env bash
# Builds pipeline-executor:local (docker/executor/Dockerfile): the Executor of pipeline-service:local on a base
# from this machine's .NET runtime, python3.11 + numpy, bubblewrap and setpriv, for orchestrators whose nodes
# have no Docker engine (Kubernetes on containerd). Skipped when built from the same base and service image.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOCKER_BUILDKIT=0 # the legacy builder uses local base images as they are; BuildKit would ask a registry

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
docker/host-rootfs/build.sh pipeline-executor-base \
  "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" \
  /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3 /usr/bin/curl \
  /usr/bin/python3 /usr/bin/python3.11 /usr/lib/python3.11 /usr/lib/python3/dist-packages/numpy \
  /usr/bin/bwrap /usr/bin/setpriv >/dev/null

inputs=$( { docker image inspect --format '{{.Id}}' pipeline-executor-base:local pipeline-service:local; cat docker/executor/Dockerfile; } \
  | sha256sum | cut -c1-16)
if [ "$(docker image inspect --format '{{index .Config.Labels "pipeline.inputs"}}' pipeline-executor:local 2>/dev/null)" = "$inputs" ]; then
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
docker build -q -f docker/executor/Dockerfile --label "pipeline.inputs=$inputs" -t pipeline-executor:local docker/executor >/dev/null 2>"$log" \
  || { cat "$log" >&2; exit 1; }
echo "build-executor-image: built pipeline-executor:local ($inputs)"
