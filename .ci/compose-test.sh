#!/usr/bin/env bash
# The Docker path as a user runs it (README "On the Pi with Docker"), for real: run as root by .ci/docker.sh, it
# makes a non-root user in the docker group, copies the checkout to a folder of theirs, and as that user follows the
# README's steps (certificates, users, secrets, .env, docker-compose build and up -d) with docker-compose.yml, then
# with docker-compose.pi.yml. It checks what a user would: every service healthy, the dashboard answers and its
# controls need the key, mosquitto_sub over TLS sees the retained state, a publisher on the host changes the panel,
# a broker restart keeps the retained state, docker-compose down publishes "offline".
# Traffic goes only to 127.0.0.1 (the ports the compose files publish, bound to loopback here) and inside the
# containers' own network; the build stage fetches from Debian's archive and Maven Central like any build.
# Every container, network and image it made is removed on exit, pass or fail. Exit 0 only if every check passed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

user="onair-ci"
project="onairci$$"
image="onair:ci-$$"
maven_image="${ONAIR_CI_MAVEN_IMAGE:-onair-ci/maven:17}"
jre_image="${ONAIR_CI_JRE_IMAGE:-onair-ci/jre:17}"
work="$(mktemp -d /tmp/onair-compose.XXXXXX)"
app="$work/onair"
passed=0
failed=0
t0=$SECONDS

say() { echo "compose-test [$((SECONDS - t0))s]: $*"; }
ok() { passed=$((passed + 1)); say "ok - $*"; }
fail() {
  failed=$((failed + 1))
  say "FAILED - $*"
}
# Commands as the user, in the checkout, with the environment a login shell would give them.
as_user() { runuser -u "$user" -- env -i HOME="$work" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
  bash -c "cd '$app' && umask 022 && $1"; }
compose() { as_user "docker-compose -p $project $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  local rc=$?
  set +e
  say "cleaning up"
  for f in docker-compose.yml docker-compose.pi.yml; do
    [[ -f "$app/$f" ]] && compose "-f $f down --remove-orphans --timeout 30" >/dev/null 2>&1
  done
  # Whatever is left under the project's label (a failed up, a run --rm that was interrupted).
  docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f >/dev/null
  docker network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker network rm >/dev/null
  # The tag goes; its layers stay as the build cache, so the next run rebuilds only what changed.
  docker image rm --no-prune "$image" >/dev/null 2>&1
  [[ -n "${sub_pid:-}" ]] && kill "$sub_pid" 2>/dev/null
  rm -rf "$work"
  userdel "$user" >/dev/null 2>&1
  echo "compose-test: $passed passed, $failed failed"
  if ((rc == 0 && failed > 0)); then rc=1; fi
  exit "$rc"
}
trap cleanup EXIT
# A command that fails outside a check ends the test; say which.
trap 'fail "line $LINENO: $BASH_COMMAND exited $?"' ERR

for tool in docker docker-compose mosquitto_sub mosquitto_pub curl openssl runuser python3; do
  command -v "$tool" >/dev/null || { echo "compose-test: $tool is missing" >&2; exit 1; }
done
docker info >/dev/null || { echo "compose-test: no Docker engine (start dockerd: .ci/docker.sh)" >&2; exit 1; }

# --- The user and their clone --------------------------------------------------------------------------------------
id "$user" >/dev/null 2>&1 || useradd --no-create-home --home-dir "$work" --shell /bin/bash "$user"
usermod -aG docker "$user"
mkdir -p "$app"
# What a clone holds: the committed files as they are in this checkout (no build output, no local state).
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -C "$app" -xf -
chown -R "$user:" "$work"
chmod 0755 "$work"

tls_port=$(free_port); wss_port=$(free_port); mqtt_port=$(free_port); http_port=$(free_port)
ca="$app/certs/ca.crt"

# --- README: folders, .env, build --------------------------------------------------------------------------------
as_user 'mkdir -p certs data history && mkdir -p -m 0700 secrets/broker secrets/display secrets/bridge'
as_user 'cp .env.example .env'
# The edits the README asks for, as a user would make them on a machine without SPI, plus this test's own: its ports
# (free ones, on loopback only), its image name and compose project.
as_user "sed -i -e \"s/^HOST_UID=.*/HOST_UID=\$(id -u)/\" -e \"s/^HOST_GID=.*/HOST_GID=\$(id -g)/\" \
  -e 's|^SPIDEV0=.*|SPIDEV0=/dev/null|' -e 's|^SPIDEV1=.*|SPIDEV1=/dev/null|' -e 's/^ONAIR_PANEL=.*/ONAIR_PANEL=virtual/' .env"
as_user "sed -i -e 's/^PUBLISH_ADDRESS=.*/PUBLISH_ADDRESS=127.0.0.1/' -e 's/^TLS_PORT=.*/TLS_PORT=$tls_port/' \
  -e 's/^WSS_PORT=.*/WSS_PORT=$wss_port/' -e 's/^MQTT_PORT=.*/MQTT_PORT=$mqtt_port/' \
  -e 's/^HTTP_PORT=.*/HTTP_PORT=$http_port/' -e 's/^#ONAIR_IMAGE=.*/ONAIR_IMAGE=$image/' .env"
build_args="--build-arg JRE_IMAGE=$jre_image"
if [[ -n "${ONAIR_CI_JAR:-}" ]]; then
  # The jar CI built and tested (.ci/docker.sh), through the Dockerfile's JAR argument; no Maven in the image build.
  mkdir -p "$app/app/target"
  cp "$repo/$ONAIR_CI_JAR" "$app/app/target/"
  chown -R "$user:" "$app/app/target"
  build_args+=" --build-arg MAVEN_IMAGE=$jre_image --build-arg JAR=app/target/$(basename "$ONAIR_CI_JAR")"
else
  build_args+=" --build-arg MAVEN_IMAGE=$maven_image"
fi
say "building the image with $build_args"
tb=$SECONDS
compose "build -q $build_args broker" || { fail "docker-compose build"; exit 1; }
ok "docker-compose build ($((SECONDS - tb)) s)"
# The class data sharing archive made at build is one every java in the image can map (-Xshare:on fails otherwise).
as_user "docker run --rm --entrypoint java $image -Xshare:on -jar /opt/onair/onair.jar --version" >/dev/null 2>&1 \
  && ok "the image's class data sharing archive maps (-Xshare:on)" || fail "the image's CDS archive does not map"

# --- README: certificates, secrets, users ------------------------------------------------------------------------
compose 'run --rm broker certs --host onair-pi --ip 127.0.0.1' >/dev/null || { fail "certs"; exit 1; }
as_user '(umask 077 && openssl rand -hex 16 > secrets/display/password && openssl rand -hex 16 > secrets/display/api-key && openssl rand -hex 16 > secrets/bridge/password)'
compose 'run --rm -T broker users add main --role display --password-stdin < secrets/display/password' >/dev/null \
  || { fail "users add main"; exit 1; }
compose 'run --rm -T broker users add bridge --role bridge --password-stdin < secrets/bridge/password' >/dev/null \
  || { fail "users add bridge"; exit 1; }
# Generated passwords, printed once: the test keeps them where only the user can read them, as the README says.
generated() {
  compose "run --rm -T broker users add $1 --role $2" | sed -n 's/^Password (shown only now, store it): //p'
}
as_user 'umask 077 && mkdir -p "$HOME/.config"'
alice_pw="$(generated alice publisher)"
ha_pw="$(generated homeassistant homeassistant)"
[[ -n "$alice_pw" && -n "$ha_pw" ]] || { fail "users add alice/homeassistant printed no password"; exit 1; }
# mosquitto_sub and mosquitto_pub read their options from ~/.config: no password on a command line.
as_user "umask 077 && printf '%s\n' '-h localhost' '-p $tls_port' '--cafile $ca' '-u homeassistant' '-P $ha_pw' \
  > \"\$HOME/.config/mosquitto_sub\" && printf '%s\n' '-h localhost' '-p $tls_port' '--cafile $ca' '-u alice' \
  '-P $alice_pw' > \"\$HOME/.config/mosquitto_pub\""
unset alice_pw ha_pw
bad_modes="$(find "$app/secrets" "$app/certs" -type f \( -name '*.key' -o -name '*.p12' -o -path '*/secrets/*' \) \
  -perm /077 -printf '%m %P\n')"
if [[ -z "$bad_modes" ]]; then ok "secrets and keys readable by their owner only"; else fail "readable by others: $bad_modes"; fi
as_user '(umask 077 && printf "X-API-Key: %s\n" "$(cat secrets/display/api-key)" > "$HOME/api-key.header")'

# --- Checks, for either compose file ------------------------------------------------------------------------------
wait_healthy() { # FILE SERVICE...
  local file=$1 deadline=$((SECONDS + 240)) service id status all
  shift
  while ((SECONDS < deadline)); do
    all=1
    for service in "$@"; do
      id="$(compose "-f $file ps -q $service")"
      status="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id" 2>/dev/null || echo gone)"
      [[ "$status" == healthy ]] || all=0
    done
    if ((all)); then ok "$file: healthy: $* (after $((SECONDS - up_at)) s)"; return 0; fi
    sleep 2
  done
  fail "$file: not healthy in 240 s: $(for s in "$@"; do echo -n "$s=$(docker inspect --format '{{.State.Health.Status}}' "$(compose "-f $file ps -q $s")" 2>/dev/null) "; done)"
  compose "-f $file logs --tail 40" >&2 || true
  return 1
}
http() { curl -sS -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }
retained() { # TOPIC [SECONDS]: the retained payload, as a viewer on the host sees it over TLS
  as_user "mosquitto_sub -t '$1' -C 1 -W ${2:-20}" 2>/dev/null || true
}
# The dashboard says PERSON has STATUS and the panel (its frame) has pixels of the colour it gives for them.
panel_shows() { # PERSON STATUS
  local people frame
  people="$(curl -sS --max-time 10 "http://127.0.0.1:$http_port/api/people")" || return 1
  frame="$(curl -sS --max-time 10 "http://127.0.0.1:$http_port/api/display/frame")" || return 1
  PEOPLE="$people" FRAME="$frame" python3 - "$1" "$2" <<'PY'
import json, os, sys
person, status = sys.argv[1], sys.argv[2]
people = {p.get("person"): p for p in json.loads(os.environ["PEOPLE"])}
p = people.get(person)
if not p or p.get("status") != status:
    sys.exit(1)
hex_ = p["color"].lstrip("#")
rgb = [int(hex_[i:i + 2], 16) for i in (0, 2, 4)]
sys.exit(0 if rgb in json.loads(os.environ["FRAME"])["pixels"] else 1)
PY
}
publish_presence() { # STATUS: a publisher on the host, over TLS, as alice
  local now
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  as_user "mosquitto_pub -r -q 1 -t onair/person/alice/presence -m '{\"v\":1,\"person\":\"alice\",\"status\":\"$1\",\"activity\":\"$1\",\"since\":\"$now\",\"source\":\"manual\",\"teams_running\":null,\"in_call\":null,\"override_until\":null}'"
}
wait_for() { # DESCRIPTION COMMAND: until COMMAND succeeds, at most 60 s
  local deadline=$((SECONDS + 60))
  until eval "$2"; do
    if ((SECONDS >= deadline)); then fail "$1"; return 1; fi
    sleep 1
  done
  ok "$1"
}

check_running_set() { # FILE
  local file=$1
  # Memory of the running set, for bench/README.md (a figure, not a check).
  say "$file: memory: $(compose "-f $file ps -q" | xargs docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' | tr '\n' ';')"
  [[ "$(http "http://127.0.0.1:$http_port/")" == 200 ]] && ok "$file: dashboard answers" || fail "$file: dashboard"
  local unkeyed keyed
  unkeyed="$(http -X POST -H 'Content-Type: application/json' -d '{"brightness":40}' "http://127.0.0.1:$http_port/api/display")"
  keyed="$(http -X POST -H "@$work/api-key.header" -H 'Content-Type: application/json' -d '{"brightness":40}' "http://127.0.0.1:$http_port/api/display")"
  if [[ "$unkeyed" == 401 || "$unkeyed" == 403 ]] && [[ "$keyed" == 200 ]]; then
    ok "$file: controls refused without the key ($unkeyed), accepted with it"
  else
    fail "$file: controls without the key $unkeyed, with it $keyed"
  fi
  [[ "$(retained onair/display/main/availability)" == online ]] \
    && ok "$file: mosquitto_sub over TLS sees the display's retained availability online" \
    || fail "$file: retained onair/display/main/availability is not online"
  local status=busy
  [[ "$(retained onair/person/alice/presence 3)" == *'"busy"'* ]] && status=available
  publish_presence "$status"
  wait_for "$file: a publisher on the host set alice $status, and the panel shows alice's colour for it" \
    "panel_shows alice $status"
  [[ "$(retained onair/person/alice/presence)" == *"\"$status\""* ]] \
    && ok "$file: alice's presence retained" || fail "$file: alice's presence not retained"
}

check_down_publishes_offline() { # FILE TOPIC...
  local file=$1 out="$work/availability.log"
  shift
  : >"$out"; chown "$user:" "$out"
  local topics=""
  for t in "$@"; do topics+=" -t '$t'"; done
  # -W: it ends by itself even if nothing below stops it.
  as_user "exec mosquitto_sub -v -W 300 $topics > '$out'" 2>/dev/null &
  sub_pid=$!
  wait_for "$file: subscribed to the availability topics" "[[ \$(grep -c ' online\$' '$out') -ge $# ]]" || true
  local t_down=$SECONDS
  compose "-f $file down --timeout 30" >/dev/null 2>&1 || fail "$file: docker-compose down"
  kill "$sub_pid" 2>/dev/null || true
  wait "$sub_pid" 2>/dev/null || true
  sub_pid=""
  for t in "$@"; do
    grep -qx "$t offline" "$out" && ok "$file: docker-compose down published $t offline" \
      || fail "$file: no offline on $t ($(tr '\n' ';' <"$out"))"
  done
  say "$file: down took $((SECONDS - t_down)) s"
}

# --- docker-compose.yml: three containers --------------------------------------------------------------------------
file=docker-compose.yml
up_at=$SECONDS
compose "-f $file up -d" >/dev/null 2>&1 || { fail "$file: up -d"; compose "-f $file logs --tail 40" >&2; exit 1; }
wait_healthy "$file" broker display-node ha-bridge || exit 1
check_running_set "$file"
published="$(retained onair/person/alice/presence)"
compose "-f $file restart broker" >/dev/null 2>&1 || fail "$file: restart broker"
up_at=$SECONDS
wait_healthy "$file" broker display-node ha-bridge || exit 1
[[ -n "$published" && "$(retained onair/person/alice/presence)" == "$published" ]] \
  && ok "$file: the broker's restart kept alice's retained presence" \
  || fail "$file: retained presence lost over a broker restart"
check_down_publishes_offline "$file" onair/display/main/availability onair/bridge/pi/availability

# --- docker-compose.pi.yml: one container, same folders ----------------------------------------------------------
file=docker-compose.pi.yml
up_at=$SECONDS
compose "-f $file up -d" >/dev/null 2>&1 || { fail "$file: up -d"; compose "-f $file logs --tail 40" >&2; exit 1; }
wait_healthy "$file" onair || exit 1
[[ "$(retained onair/person/alice/presence)" == "$published" || "$(retained onair/person/alice/presence)" == *alice* ]] \
  && ok "$file: alice's presence retained from the three-container run (same data/)" \
  || fail "$file: retained presence missing in the one-container run"
check_running_set "$file"
check_down_publishes_offline "$file" onair/display/main/availability onair/bridge/pi/availability

say "done in $((SECONDS - t0)) s"
