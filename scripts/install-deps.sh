#!/usr/bin/env bash
# Installs, from Debian's packages, what Pipeline's tests and services need and this machine lacks.
set -euo pipefail

declare -A needs=(
  [rabbitmq-server]=/usr/sbin/rabbitmq-server
  [redis-server]=/usr/bin/redis-server
  [docker.io]=/usr/sbin/dockerd
  [bubblewrap]=/usr/bin/bwrap
  [python3-numpy]=/usr/lib/python3/dist-packages/numpy
  [python3-pandas]=/usr/lib/python3/dist-packages/pandas
  [python3-tqdm]=/usr/lib/python3/dist-packages/tqdm  # the official runner, run beside lcb grade by bench official
  [docker-compose]=/usr/bin/docker-compose
  [chromium]=/usr/bin/chromium
  [npm]=/usr/bin/npm
)
missing=()
for package in "${!needs[@]}"; do
  [ -e "${needs[$package]}" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
