#!/usr/bin/env bash
# Builds pipeline-service:local (every service under services/, published into /app/<service>/) on a base made
# from this machine's .NET runtime; no registry is needed. Does nothing when the image was built from the same
# inputs (label pipeline.inputs: a hash of the sources, the project files and the base image).
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-pipeline-service:local}
export DOCKER_BUILDKIT=0 # the legacy builder uses local base images as they are; BuildKit would ask a registry

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
docker/host-rootfs/build.sh pipeline-dotnet-base \
  "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" \
  /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3 \
  /etc/ssl/certs/ca-certificates.crt /usr/lib/ssl \
  /usr/bin/curl >/dev/null # curl: the orchestrators' health checks call /healthz

inputs=$( { docker image inspect --format '{{.Id}}' pipeline-dotnet-base:local
  find contracts src services docker/service scripts/build-service-image.sh Directory.Build.props Directory.Packages.props \
    -type f -not -path '*/bin/*' -not -path '*/obj/*' | sort | xargs sha256sum; } | sha256sum | cut -c1-16)
if [ "$(docker image inspect --format '{{index .Config.Labels "pipeline.inputs"}}' "$tag" 2>/dev/null)" = "$inputs" ]; then
  echo "build-service-image: $tag up to date ($inputs)"
  exit 0
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage" "$stage.log"' EXIT
for project in services/*/*.csproj; do
  folder=$(dirname "$project")
  name=$(basename "$folder" | tr '[:upper:]' '[:lower:]')
  # A host references libraries only (docs/decisions/014), so its own appsettings.json is the one published.
  dotnet publish "$project" -c Release -o "$stage/$name" -p:UseAppHost=false \
    -nologo -v quiet >"$stage.log" 2>&1 || { cat "$stage.log" >&2; echo "build-service-image: publishing $project failed" >&2; exit 1; }
done
docker build -q -f docker/service/Dockerfile --label "pipeline.inputs=$inputs" -t "$tag" "$stage" >/dev/null 2>"$stage.log" \
  || { cat "$stage.log" >&2; exit 1; }
echo "build-service-image: built $tag ($inputs)"
