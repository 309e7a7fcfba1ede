#!/usr/bin/env bash
# The Docker path for real (issue 17): Debian's Docker engine, base images made from Debian's archive (no Docker
# Hub), then README "On the Pi with Docker" followed step by step as a non-root user, with both compose files.
# Called by .ci/run as root; also runs by hand (sudo bash .ci/docker.sh). Fails, never skips, when Docker cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker.io docker-compose debootstrap mosquitto-clients curl iptables)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "docker: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts docker.service where an init system runs; this script runs its own dockerd and stops it again.
  if command -v service >/dev/null 2>&1; then service docker stop >/dev/null 2>&1 || true; fi
fi

# shellcheck source=.ci/docker-engine.sh
source .ci/docker-engine.sh
trap stop_dockerd EXIT
start=$SECONDS
start_dockerd
.ci/docker-base-images.sh
echo "docker: base images ready after $((SECONDS - start)) s"
.ci/compose-test.sh
echo "docker: the Docker path took $((SECONDS - start)) s"
