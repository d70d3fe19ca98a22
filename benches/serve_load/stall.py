#!/usr/bin/env python3
"""SSH-window stall for the serve_load bench: clients that stop taking output
while they keep typing. Each logs in with `none`, opens a pty and a shell,
waits for its first frame, then pauses reading (asyncssh `pause_reading`:
the transport keeps reading, but the channel's window is no longer
re-opened) and types at a steady rate until the server drops the
connection, or the time limit.

Prints `ready N FAILED` once every client is paused, `done` at the end, then
its figures. Needs asyncssh (`pip install asyncssh`).
"""

import argparse
import asyncio
import math
import sys
import time

import asyncssh

FRAME_END = b"\x1b[?2026l"


class Record:
    def __init__(self):
        self.error = None
        self.first_frame = None  # connect -> first frame, s
        self.paused = None  # monotonic
        self.window_closed = None  # monotonic: the window had no room left
        self.lost = None  # monotonic: the TCP connection ended
        self.received = 0
        self.pushed = 0  # channel bytes the server got out before the close
        self.keys = 0


class Session(asyncssh.SSHClientSession):
    def __init__(self, rec, framed):
        self.rec = rec
        self.framed = framed
        self.tail = b""

    def data_received(self, data, datatype):
        self.rec.received += len(data)
        if not self.framed.done():
            seen = self.tail + data
            if FRAME_END in seen:
                self.framed.set_result(time.monotonic())
            self.tail = seen[-(len(FRAME_END) - 1):]


class Client(asyncssh.SSHClient):
    def __init__(self, rec):
        self.rec = rec

    def connection_lost(self, exc):
        self.rec.lost = time.monotonic()


async def one(args, rec, gate, all_paused):
    loop = asyncio.get_running_loop()
    framed = loop.create_future()
    start = time.monotonic()
    try:
        async with gate:
            conn = await asyncssh.connect(
                "127.0.0.1",
                args.port,
                username="reader",
                known_hosts=None,
                client_keys=None,
                agent_path=None,
                client_factory=lambda: Client(rec),
            )
            chan, _ = await conn.create_session(
                lambda: Session(rec, framed),
                term_type="xterm-256color",
                term_size=(args.cols, args.rows),
                env={"LANG": "C.UTF-8"},
                encoding=None,
                window=args.window,
            )
            await asyncio.wait_for(framed, 20)
    except Exception as e:  # noqa: BLE001 - any failure is a failed client
        rec.error = f"{type(e).__name__}: {e}"
        return
    rec.first_frame = time.monotonic() - start
    chan.pause_reading()
    rec.paused = time.monotonic()
    await all_paused.wait()
    keys = [b"2", b"1"]
    deadline = time.monotonic() + args.limit
    tick = 1.0 / args.rate
    while rec.lost is None and time.monotonic() < deadline:
        room = getattr(chan, "_recv_window", None)
        if rec.window_closed is None and room is not None and room < 512:
            rec.window_closed = time.monotonic()
        try:
            chan.write(keys[rec.keys % 2])
            rec.keys += 1
        except Exception:  # noqa: BLE001 - the channel is gone
            pass
        await asyncio.sleep(tick)
    buffered = getattr(chan, "_recv_buf", [])
    rec.pushed = rec.received + sum(len(d) for d, _ in buffered)
    conn.close()


def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    return v[max(1, math.ceil(p * len(v))) - 1]


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--rate", type=float, default=20.0)
    ap.add_argument("--window", type=int, default=16384)
    ap.add_argument("--limit", type=float, default=40.0)
    ap.add_argument("--handshakes", type=int, default=16)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    args = ap.parse_args()
    gate = asyncio.Semaphore(args.handshakes)
    all_paused = asyncio.Event()
    recs = [Record() for _ in range(args.clients)]
    tasks = [asyncio.create_task(one(args, r, gate, all_paused)) for r in recs]

    async def release():
        while any(r.paused is None and r.error is None for r in recs):
            await asyncio.sleep(0.02)
        failed = sum(1 for r in recs if r.error)
        print(f"ready {args.clients - failed} {failed}", flush=True)
        all_paused.set()

    await asyncio.gather(release(), *tasks)
    print("done", flush=True)
    ok = [r for r in recs if r.error is None]
    errors = {}
    for r in recs:
        if r.error:
            errors[r.error] = errors.get(r.error, 0) + 1
    closed = [r for r in ok if r.lost is not None]
    windowed = [r for r in closed if r.window_closed is not None]
    after_window = [r.lost - r.window_closed for r in windowed]
    after_pause = [r.lost - r.paused for r in closed]
    print(
        f"stalled clients: {len(ok)} of {args.clients} in, "
        f"{args.cols}x{args.rows}, window {args.window} bytes, {args.rate:g} keys/s each; "
        f"errors {sum(errors.values())} {errors or ''}"
    )
    print(
        f"connect → first frame: p50 {pct([r.first_frame for r in ok], 0.5) * 1000:.0f} ms, "
        f"max {max((r.first_frame for r in ok), default=float('nan')) * 1000:.0f} ms"
    )
    print(
        f"closed by the server: {len(closed)} of {len(ok)}; "
        f"window full → closed: p50 {pct(after_window, 0.5):.2f} s, max {max(after_window, default=float('nan')):.2f} s "
        f"({sum(1 for d in after_window if d <= 15)} of {len(windowed)} within 15 s); "
        f"paused → closed: p50 {pct(after_pause, 0.5):.2f} s, max {max(after_pause, default=float('nan')):.2f} s"
    )
    print(
        f"channel bytes the server got out to a stalled client (its whole window, the first frame included): "
        f"max {max((r.pushed for r in ok), default=0)}; "
        f"keys typed per client: p50 {pct([r.keys for r in ok], 0.5)}"
    )


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(1)
