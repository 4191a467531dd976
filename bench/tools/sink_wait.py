#!/usr/bin/env python3
"""Wait until smtp-sink's running counter reaches a number of messages.

smtp-sink -c writes "sess=S quit=Q mesg=M\\r" to its standard output each time a
session ends or a message's final "." is received. This polls the last such
record in that file every 10 ms until mesg >= TARGET or TIMEOUT seconds pass.
Prints "<unix time when reached, or of the last poll> <count>"; exit 0 when the
target was reached, 1 on timeout.
"""
import os
import re
import sys
import time

RECORD = re.compile(rb"mesg=(\d+)")


def count(path):
    """The newest mesg= value in the counter file (0 if none yet)."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            stream.seek(max(0, size - 128))
            found = RECORD.findall(stream.read())
            return int(found[-1]) if found else 0
    except FileNotFoundError:
        return 0


def main():
    if len(sys.argv) == 2:
        print(count(sys.argv[1]))
        return 0
    if len(sys.argv) != 4:
        sys.exit("usage: sink_wait.py COUNTER_FILE [TARGET TIMEOUT_SECONDS]")
    path, target, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    deadline = time.monotonic() + min(timeout, 3600)
    while True:
        seen = count(path)
        now = time.time()
        if seen >= target:
            print(f"{now:.3f} {seen}")
            return 0
        if time.monotonic() >= deadline:
            print(f"{now:.3f} {seen}")
            return 1
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
