#!/usr/bin/env bash
# The same readers served by OpenSSH + `ForceCommand briefing`, measured by
# the serve_load bench: a second sshd on a loopback port with its own config
# and host key in a temporary folder, a user `reader` with an empty password
# whom sshd lets in with the `none` method (`PermitEmptyPasswords`), and
# `ForceCommand` running the release binary (copied into that folder). The
# system's own sshd, its config and port 22 are never touched. Everything is
# removed at the end, the user too if this script made it.
#
# Needs root (to start sshd and make the user), openssh-server
# (`apt-get install openssh-server`) and a release build. Usage:
#   cargo build --release && benches/openssh/run.sh [serve_load options]
# for example `benches/openssh/run.sh --sessions 100 --seconds 30`.
# PORT (default 2223) picks the loopback port.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
bin="$repo/target/release/briefing"
port=${PORT:-2223}
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "needs sshd: apt-get install openssh-server" >&2; exit 1; }
[ -x "$bin" ] || { echo "needs $bin: cargo build --release" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (sshd, the user reader)" >&2; exit 1; }
if ss -ltn "sport = :$port" | grep -q LISTEN; then
    echo "port $port is taken: PORT=... $0" >&2; exit 1
fi

work=$(mktemp -d /tmp/briefing-openssh.XXXXXX)
made_user=no
cleanup() {
    if [ -f "$work/sshd.pid" ]; then
        kill "$(cat "$work/sshd.pid")" 2>/dev/null || true
    fi
    # Sessions left behind (a failed run) go with their user.
    if [ "$made_user" = yes ]; then
        pkill -KILL -u reader 2>/dev/null || true
        sleep 0.5
        userdel reader 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

chmod 0755 "$work"
install -m 0755 "$bin" "$work/briefing"
if id reader >/dev/null 2>&1; then
    # Someone's own user: used only if it already has an empty password.
    if [ "$(passwd -S reader | awk '{print $2}')" != NP ]; then
        echo "a user 'reader' exists with a password: not touching it" >&2; exit 1
    fi
else
    useradd --system --no-create-home --home-dir "$work/home" --shell /bin/sh reader
    made_user=yes
    mkdir -m 0755 "$work/home"
    chown reader: "$work/home"
    passwd -d reader >/dev/null
fi

ssh-keygen -q -t ed25519 -N '' -f "$work/ssh_host_ed25519_key"
# The recipe, with the limits on unauthenticated connections raised as the
# embedded server's are for the bench (every reader comes from 127.0.0.1):
# MaxStartups 10:30:60 and PerSourceMaxStartups 3 would drop the load.
cat > "$work/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $work/ssh_host_ed25519_key
PidFile $work/sshd.pid
KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256
UsePAM no
StrictModes no
PasswordAuthentication yes
PermitEmptyPasswords yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
AllowUsers reader
DisableForwarding yes
PermitTTY yes
PermitUserRC no
PermitTunnel no
AcceptEnv LANG LC_* COLORTERM NO_COLOR
MaxSessions 1
MaxAuthTries 1
LoginGraceTime 10
MaxStartups 1000:30:2000
PerSourceMaxStartups none
PerSourceNetBlockSize 32:64
UnusedConnectionTimeout 10
ChannelTimeout session:*=15m
ClientAliveInterval 30
ClientAliveCountMax 3
PrintMotd no
PrintLastLog no
Banner none
ForceCommand exec timeout 2h $work/briefing
CONF
mkdir -p /run/sshd
"$sshd" -t -f "$work/sshd_config"
"$sshd" -f "$work/sshd_config" -E "$work/sshd.log"
for _ in $(seq 100); do [ -s "$work/sshd.pid" ] && break; sleep 0.05; done
pid=$(cat "$work/sshd.pid")
echo "$(ssh -V 2>&1) sshd on 127.0.0.1:$port (pid $pid), ForceCommand exec timeout 2h briefing"

cd "$repo"
cargo bench --bench serve_load --locked -- load \
    --connect "127.0.0.1:$port" --user reader --server-pid "$pid" --tree "$@"
echo "sshd log: $(grep -c 'Accepted none for reader' "$work/sshd.log" || true) logins accepted"
