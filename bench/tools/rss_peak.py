#!/usr/bin/env python3
"""Sample the summed resident memory of a process tree and report its peak.

Every INTERVAL seconds it sums VmRSS over ROOT_PID and all its descendants
(found through /proc/*/stat parent links) and keeps the largest sum. It stops at
SIGTERM/SIGINT, when the root is gone, or after MAX_SECONDS, and then prints the
peak in MiB. Shared pages (libraries, Postfix's shared maps) are counted once
per process, so for a multi-process server the sum overstates real use.
"""
import os
import signal
import sys
import time

stop = False


def on_signal(signum, frame):
    global stop
    stop = True


def children_by_parent():
    tree = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stream:
                stat = stream.read()
        except OSError:
            continue
        # Field 4 (ppid) follows the ")" that closes the command name.
        fields = stat[stat.rfind(b")") + 2:].split()
        tree.setdefault(int(fields[1]), []).append(int(name))
    return tree


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(root):
    tree = children_by_parent()
    total, pending, seen = 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss_kib(pid)
        pending.extend(tree.get(pid, []))
    return total


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: rss_peak.py ROOT_PID INTERVAL_SECONDS MAX_SECONDS")
    root, interval, max_seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    deadline = time.monotonic() + min(max_seconds, 3600)
    peak = 0
    while not stop and time.monotonic() < deadline and os.path.exists(f"/proc/{root}"):
        peak = max(peak, tree_rss_kib(root))
        time.sleep(interval)
    print(f"{peak / 1024:.1f}")


if __name__ == "__main__":
    main()
