#!/usr/bin/env bash
# Builds every image docker-compose.yml runs, from this machine's own programs (no registry is reachable):
# pipeline-rabbitmq:local and pipeline-redis:local from the Debian rabbitmq-server and redis-server packages,
# pipeline-service:local from the .NET runtime and the published services, pipeline-sandbox:2 for the Executor's
# sibling sandbox containers, pipeline-executor:local (the Executor with its own bubblewrap sandbox, for Kubernetes).
# Each step is skipped when its inputs are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOCKER_BUILDKIT=0 # the legacy builder uses local base images as they are; BuildKit would ask a registry

for package in rabbitmq-server redis-server; do
  dpkg -s "$package" >/dev/null 2>&1 || { echo "build-images: apt-get install $package first" >&2; exit 1; }
done

build() { # repository, dockerfile folder, base made from host paths...
  local image=$1 folder=$2; shift 2
  docker/host-rootfs/build.sh "$image-base" "$@" >/dev/null
  local inputs
  inputs=$( { docker image inspect --format '{{.Id}}' "$image-base:local"; cat "$folder"/*; } | sha256sum | cut -c1-16)
  if [ "$(docker image inspect --format '{{index .Config.Labels "pipeline.inputs"}}' "$image:local" 2>/dev/null)" != "$inputs" ]; then
    docker build -q --label "pipeline.inputs=$inputs" -t "$image:local" "$folder" >/dev/null 2>/tmp/build-images.$$.log \
      || { cat /tmp/build-images.$$.log >&2; exit 1; }
    echo "build-images: built $image:local ($inputs)"
  fi
}
build pipeline-rabbitmq docker/rabbitmq /usr/lib/erlang /usr/lib/rabbitmq /usr/bin/erl /usr/bin/epmd
build pipeline-redis docker/redis /usr/bin/redis-server /usr/bin/redis-cli
rm -f /tmp/build-images.$$.log
scripts/build-sandbox-image.sh
scripts/build-service-image.sh
scripts/build-executor-image.sh
