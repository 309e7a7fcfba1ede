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
# The image takes the jar ./mvnw -B verify has just built and tested (the Dockerfile's JAR build argument), so CI
# needs no Maven image and no second Maven build inside Docker. Without a jar, with one older than the sources that go
# into it (a checkout run by hand), or with ONAIR_CI_DOCKER_MAVEN=1, the image builds it with Maven as a user's build does.
jar="$(compgen -G "app/target/onair-app-*-all.jar" | head -n 1 || true)"
if [[ -n "$jar" && "${ONAIR_CI_DOCKER_MAVEN:-0}" != 1 ]] \
  && [[ -z "$(find . -path ./.git -prune -o -path '*/target' -prune -o -path ./bench -prune -o -path ./test-support \
    -prune -o -newer "$jar" \
    \( -path '*/src/main/*' -o -name 'pom.xml' \) -print -quit)" ]]; then
  export ONAIR_CI_JAR="$jar"
  echo "docker: the image takes $jar"
  .ci/docker-base-images.sh jre
else
  unset ONAIR_CI_JAR
  echo "docker: the image builds the jar with Maven"
  .ci/docker-base-images.sh jre maven
fi
echo "docker: base images ready after $((SECONDS - start)) s"
.ci/compose-test.sh
echo "docker: the Docker path took $((SECONDS - start)) s"
