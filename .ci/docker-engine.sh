# Sourced by .ci/docker.sh: starts Debian's dockerd for the Docker tests and stops it afterwards, putting back the
# network settings it changes (iptables and ip6tables rules, IP forwarding, the docker0 bridge).
# A Docker engine that already runs is used as it is and left running.

docker_state="$(mktemp -d /tmp/onair-ci-docker.XXXXXX)"
dockerd_pid=""

start_dockerd() {
  if docker info >/dev/null 2>&1; then
    echo "docker: using the Docker engine already running"
    return
  fi
  iptables-save >"$docker_state/iptables"
  ip6tables-save >"$docker_state/ip6tables" 2>/dev/null || true
  sysctl -n net.ipv4.ip_forward >"$docker_state/ip_forward"
  sysctl -n net.ipv6.conf.all.forwarding >"$docker_state/ip6_forward" 2>/dev/null || true
  if ip link show docker0 >/dev/null 2>&1; then touch "$docker_state/had-docker0"; fi
  dockerd >"$docker_state/dockerd.log" 2>&1 &
  dockerd_pid=$!
  local i
  for i in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then
      echo "docker: dockerd $(dockerd --version | cut -d' ' -f3 | tr -d ,) started (pid $dockerd_pid)"
      return
    fi
    if ! kill -0 "$dockerd_pid" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "docker: dockerd did not start; its log:" >&2
  tail -n 30 "$docker_state/dockerd.log" >&2
  stop_dockerd
  return 1
}

# The saved rules of each table, and for a table that did not exist before (dockerd made it: iptables-save printed
# nothing for it) an empty one with the default ACCEPT policies, which is what no table means.
restore_rules() { # iptables | ip6tables
  local tool=$1 saved="$docker_state/$1" table chains rules
  command -v "$tool-save" >/dev/null || return 0
  rules="$(cat "$saved" 2>/dev/null || true)"
  for table in $("$tool-save" 2>/dev/null | sed -n 's/^\*//p'); do
    grep -qx "\*$table" "$saved" 2>/dev/null && continue
    case "$table" in
      filter) chains="INPUT FORWARD OUTPUT" ;;
      nat) chains="PREROUTING INPUT OUTPUT POSTROUTING" ;;
      mangle) chains="PREROUTING INPUT FORWARD OUTPUT POSTROUTING" ;;
      raw) chains="PREROUTING OUTPUT" ;;
      *) echo "docker: $tool table $table was made while dockerd ran; left as it is" >&2; continue ;;
    esac
    rules+=$'\n'"*$table"$'\n'"$(printf ':%s ACCEPT [0:0]\n' $chains)"$'\n'"COMMIT"
  done
  [[ -n "${rules//[[:space:]]/}" ]] || return 0
  "$tool-restore" <<<"$rules" || echo "docker: could not restore the $tool rules" >&2
}

stop_dockerd() {
  if [[ -z "$dockerd_pid" ]]; then
    rm -rf "$docker_state"
    return 0
  fi
  kill -TERM "$dockerd_pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$dockerd_pid" 2>/dev/null; then
    echo "docker: dockerd did not stop in 30 s, killing it" >&2
    kill -KILL "$dockerd_pid" 2>/dev/null || true
  fi
  wait "$dockerd_pid" 2>/dev/null || true
  dockerd_pid=""
  # Put the network back as it was before dockerd.
  restore_rules iptables
  restore_rules ip6tables
  sysctl -q -w "net.ipv4.ip_forward=$(cat "$docker_state/ip_forward")" || true
  if [[ -s "$docker_state/ip6_forward" ]]; then
    sysctl -q -w "net.ipv6.conf.all.forwarding=$(cat "$docker_state/ip6_forward")" || true
  fi
  if [[ ! -e "$docker_state/had-docker0" ]] && ip link show docker0 >/dev/null 2>&1; then
    ip link delete docker0 || echo "docker: could not remove the docker0 bridge" >&2
  fi
  echo "docker: dockerd stopped, network settings restored"
  rm -rf "$docker_state"
}
