#!/usr/bin/env python3
"""Replay a folder of real .eml messages over SMTP, as smtp-source does with its filler.

N threads each hold one SMTP session (EHLO once, then MAIL, RCPT, DATA, body, "." per
message, QUIT at the end) and send their share of COUNT messages back to back. The
messages are the folder's *.eml files in name order, cycled: message j of the run
(j = 0 .. COUNT-1; session i sends j = i, i+N, i+2N, ...) is file j mod len(files), so a
run sends the same messages whatever N is. Envelope: MAIL FROM:<SENDER>, RCPT TO:<RECIPIENT>
(fixed, as smtp-source -f/-t). Each message is sent as its bytes on disk, line ends made
CRLF (bare LF becomes CRLF, CRLF stays), lines starting with "." dot-stuffed, a final CRLF
added when the file lacks one, then ".". Commands are not pipelined (smtp-source does not
pipeline either): each command waits for its reply, whatever the server advertises.

Bounded by COUNT and by --timeout seconds for the whole run. Exit 0 when all COUNT messages
got their 250; otherwise exit 1 and say why on stderr (the first SMTP error: which session,
which command, the reply; or the timeout with how many were sent). Every session stops at
the first error anywhere. Prints one summary line on stdout. Loopback only.
"""
import argparse
import os
import socket
import sys
import threading
import time


def load_corpus(folder):
    """The folder's *.eml files in name order, each as (name, wire bytes ending in CRLF.CRLF)."""
    if not os.path.isdir(folder):
        raise SystemExit(f"replay: corpus folder {folder} does not exist")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".eml"))
    if not names:
        raise SystemExit(f"replay: no .eml files in {folder}")
    return [(name, to_wire(read(os.path.join(folder, name)))) for name in names]


def read(path):
    with open(path, "rb") as stream:
        return stream.read()


def to_wire(raw):
    """DATA payload: CRLF line ends, dot-stuffed, terminated by CRLF '.' CRLF."""
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()              # the file's own final line end
    out = []
    for line in lines:
        if line.endswith(b"\r"):
            line = line[:-1]
        if line.startswith(b"."):
            line = b"." + line
        out.append(line)
    return b"\r\n".join(out) + b"\r\n.\r\n"


class SmtpError(Exception):
    pass


class Session:
    """One lock-step SMTP session over a raw socket."""

    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def reply(self, what):
        """Reads one (possibly multi-line) reply; returns (code, text)."""
        lines = []
        while True:
            line = self.reader.readline(8192)
            if not line:
                raise SmtpError(f"{what}: connection closed by the server")
            lines.append(line.rstrip(b"\r\n").decode("latin-1"))
            if len(line) < 4 or line[3:4] != b"-":
                break
        try:
            code = int(lines[-1][:3])
        except ValueError:
            raise SmtpError(f"{what}: unreadable reply {lines[-1]!r}") from None
        return code, " / ".join(lines)

    def command(self, data, what, expected):
        if data:
            self.sock.sendall(data)
        code, text = self.reply(what)
        if code not in expected:
            raise SmtpError(f"{what}: {text}")
        return code

    def close(self):
        try:
            self.reader.close()
        finally:
            self.sock.close()


class Replay:
    def __init__(self, args, corpus):
        self.args = args
        self.corpus = corpus
        self.mail = f"MAIL FROM:<{args.sender}>\r\n".encode("ascii")
        self.rcpt = f"RCPT TO:<{args.recipient}>\r\n".encode("ascii")
        self.deadline = time.monotonic() + args.timeout
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.accepted = 0
        self.bytes = 0
        self.errors = []

    def fail(self, message):
        with self.lock:
            self.errors.append(message)
        self.stop.set()

    def session(self, index):
        share = range(index, self.args.count, self.args.sessions)
        if not share:
            return
        smtp = None
        name = "-"
        try:
            remaining = max(0.1, self.deadline - time.monotonic())
            smtp = Session(self.args.host, self.args.port, min(60.0, remaining))
            smtp.command(b"", "greeting", (220,))
            smtp.command(b"EHLO bench.sender.example\r\n", "EHLO", (250,))
            for j in share:
                if self.stop.is_set() or time.monotonic() >= self.deadline:
                    return
                name, payload = self.corpus[j % len(self.corpus)]
                smtp.command(self.mail, "MAIL FROM", (250,))
                smtp.command(self.rcpt, "RCPT TO", (250, 251))
                smtp.command(b"DATA\r\n", "DATA", (354,))
                smtp.command(payload, f"end of data ({name})", (250,))
                with self.lock:
                    self.accepted += 1
                    self.bytes += len(payload)
            smtp.command(b"QUIT\r\n", "QUIT", (221,))
        except SmtpError as error:
            self.fail(f"session {index}: {error}")
        except OSError as error:   # refused, reset, socket timeout
            self.fail(f"session {index} (at {name}): {type(error).__name__}: {error}")
        finally:
            if smtp is not None:
                smtp.close()

    def run(self):
        threads = [threading.Thread(target=self.session, args=(i,), daemon=True)
                   for i in range(self.args.sessions)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        # A session may be inside one socket wait (<= 60 s) when the deadline passes.
        give_up = self.deadline + 61
        for thread in threads:
            thread.join(timeout=max(0.0, give_up - time.monotonic()))
        wall = time.monotonic() - began
        hung = sum(thread.is_alive() for thread in threads)
        return wall, hung


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=1, help="parallel SMTP sessions")
    parser.add_argument("--count", type=int, required=True, help="messages in total")
    parser.add_argument("--timeout", type=float, default=180, help="seconds for the whole run")
    parser.add_argument("--corpus", required=True, help="folder of .eml files")
    parser.add_argument("--sender", default="bench@sender.example")
    parser.add_argument("--recipient", default="rcpt@dest.example")
    parser.add_argument("--describe", action="store_true",
                        help="print the corpus's message count and sizes on the wire, send nothing")
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    if args.describe:
        sizes = sorted(len(payload) for _, payload in corpus)
        print(f"{len(sizes)} {sum(sizes)} {sizes[len(sizes) // 2]} {sizes[0]} {sizes[-1]}")
        return 0
    if args.host not in ("127.0.0.1", "::1"):
        sys.exit("replay: loopback only (127.0.0.1 or ::1)")
    if not (1 <= args.sessions <= 256 and 1 <= args.count <= 1_000_000 and 0 < args.timeout <= 3600):
        sys.exit("replay: sessions 1..256, count 1..1000000, timeout 0..3600")
    replay = Replay(args, corpus)
    wall, hung = replay.run()
    print(f"replay: {replay.accepted}/{args.count} messages accepted over {args.sessions} "
          f"session(s) in {wall:.3f} s, {replay.bytes} bytes, corpus {len(corpus)} files", flush=True)
    if replay.errors:
        print(f"replay: FAILED, {len(replay.errors)} session(s) stopped on an error; first: "
              f"{replay.errors[0]}", file=sys.stderr)
        return 1
    if replay.accepted < args.count:
        why = f"{hung} session(s) still waiting on the server" if hung else "deadline reached"
        print(f"replay: FAILED, timeout after {args.timeout:g} s: {replay.accepted}/{args.count} "
              f"accepted ({why})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
