#!/usr/bin/env bash
# A real SSH session on loopback: the reader runs under `ssh -t`, keys work,
# and killing the ssh client (the link dropping) ends the remote reader
# within two seconds, without spinning.
#
# Needs sshd and ssh (Debian: openssh-server openssh-client), tmux, and the
# right to start sshd (root, or adapt the config). Usage:
#   cargo build --release && tests/ssh/check.sh [path/to/briefing]
set -euo pipefail

bin=$(realpath "${1:-target/release/briefing}")
port=${PORT:-2222}
work=$(mktemp -d)
session=briefing-ssh-check
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/client_key"
cp "$work/client_key.pub" "$work/authorized_keys"
cat > "$work/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
StrictModes no
UsePAM no
PermitRootLogin yes
PasswordAuthentication no
AcceptEnv LANG
CONF
mkdir -p /run/sshd
"$(command -v sshd || echo /usr/sbin/sshd)" -f "$work/sshd_config" -E "$work/sshd.log"

screen() { tmux capture-pane -p -t "$session"; }
wait_for() {
    for _ in $(seq 200); do
        screen | grep -q -- "$1" && return 0
        sleep 0.05
    done
    echo "timed out waiting for: $1"; screen; exit 1
}

tmux new-session -d -s "$session" -x 80 -y 24 \
    "ssh -t -p $port -i $work/client_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
     -o LogLevel=ERROR 127.0.0.1 'LANG=C.UTF-8 $bin'"
wait_for "Das Wichtigste in Kürze"
tmux send-keys -t "$session" 5
wait_for "Dass Russland und Nordkorea"
tmux send-keys -t "$session" / p j o n g Enter
wait_for "/9\]"
echo "reader runs over ssh; keys and search work"

remote=$(pgrep -f "^$bin\$" | head -n 1)
client=$(pgrep -f "ssh -t -p $port" | head -n 1)
[ -n "$remote" ] && [ -n "$client" ] || { echo "no remote reader or ssh client found"; exit 1; }
start=$(date +%s%N)
kill -9 "$client"
while kill -0 "$remote" 2>/dev/null; do
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 5000 ]; then
        echo "remote reader $remote still running 5 s after the ssh client died"
        ps -o pid,stat,pcpu,cmd -p "$remote"
        exit 1
    fi
    sleep 0.01
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "ssh client killed: the remote reader ended after $elapsed ms"
[ "$elapsed" -le 2000 ] || { echo "too slow (limit 2000 ms)"; exit 1; }
