#!/usr/bin/env python3
"""Sample the summed resident memory of a process tree and report its peak.

Every INTERVAL seconds it sums VmRSS and Pss over ROOT_PID and all its
descendants (found through /proc/*/stat parent links) and keeps the largest sums.
It stops at SIGTERM/SIGINT, when the root is gone, or after MAX_SECONDS, and then
prints "<peak RSS MiB> <peak PSS MiB>". The RSS sum counts shared pages (libraries,
the Postfix binaries' common code) once per process, so for a multi-process
server it overstates real use; the PSS sum splits each shared page between its
users and so adds up to what the tree really occupies.
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


def field_kib(path, key):
    """The value in kB of line `key` in a /proc file; 0 if the process is gone."""
    try:
        with open(path) as stream:
            for line in stream:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_kib(root):
    """(sum of VmRSS, sum of Pss) in kB over the root and its descendants."""
    tree = children_by_parent()
    rss, pss, pending, seen = 0, 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        rss += field_kib(f"/proc/{pid}/status", "VmRSS:")
        pss += field_kib(f"/proc/{pid}/smaps_rollup", "Pss:")
        pending.extend(tree.get(pid, []))
    return rss, pss


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: rss_peak.py ROOT_PID INTERVAL_SECONDS MAX_SECONDS")
    root, interval, max_seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    deadline = time.monotonic() + min(max_seconds, 3600)
    peak_rss = peak_pss = 0
    while not stop and time.monotonic() < deadline and os.path.exists(f"/proc/{root}"):
        rss, pss = tree_kib(root)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(interval)
    print(f"{peak_rss / 1024:.1f} {peak_pss / 1024:.1f}")


if __name__ == "__main__":
    main()
