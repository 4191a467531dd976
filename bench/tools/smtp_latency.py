#!/usr/bin/env python3
"""Closed-loop SMTP load client that measures time to the final 250.

N threads each hold one SMTP session and send the same message back to back
(MAIL, RCPT, DATA, body, "."), one transaction after another, until COUNT messages
have been accepted in total or SECONDS have passed. For every message it records
the time from writing the last byte of the body (the terminating "." line) to
reading the server's reply: the time the relay takes to commit the message
before saying 250. It also records the whole transaction, from sending MAIL to
that 250, which adds the MAIL, RCPT and DATA round trips and any delay a server
puts in them to slow clients down (Postfix's in_flow_delay acts at MAIL).

Prints one JSON object: accepted, errors, wall seconds, accepted/s, the
p50/p90/p99/max of time-to-250 and the p50/p99 of the transaction, in ms. Loopback only: refuses any host
that is not 127.0.0.1 or ::1.

With --corpus DIR the messages are that folder's *.eml files instead, cycled in
name order and sent as replay.py sends them (bytes as on disk, CRLF line ends,
dot-stuffed, no Message-ID added); --size is then ignored.
"""
import argparse
import json
import os
import smtplib
import sys
import threading
import time


MESSAGE_ID = "Message-ID: <{:012d}.bench@sender.example>\r\n"


def build_message(size, sender, recipient):
    """A plain-text message of `size` bytes (with its Message-ID line); no line starts with '.'."""
    head = (f"From: Bench <{sender}>\r\nTo: <{recipient}>\r\n"
            "Subject: tactgate relay benchmark\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n")
    size -= len(MESSAGE_ID.format(0))
    line = "The quarterly figures are attached as agreed; see you at the review.\r\n"
    body = []
    length = len(head)
    while length + len(line) <= size:
        body.append(line)
        length += len(line)
    body.append("x" * max(0, size - length - 2) + "\r\n")
    return (head + "".join(body)).encode("ascii")


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return None
    rank = max(1, int(round(fraction * len(sorted_values) + 0.5)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class Load:
    def __init__(self, args):
        self.args = args
        if args.corpus:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from replay import load_corpus
            self.corpus = [payload for _, payload in load_corpus(args.corpus)]
        else:
            self.corpus = None
            self.payload = build_message(args.size, args.sender, args.recipient) + b".\r\n"
        self.serial = 0
        self.lock = threading.Lock()
        self.claimed = 0
        self.latencies = []
        self.transactions = []
        self.errors = []
        self.deadline = time.monotonic() + args.seconds

    def claim(self):
        """Reserve one message of the bounded total; False when the budget or time is spent."""
        with self.lock:
            if self.claimed >= self.args.count or time.monotonic() >= self.deadline:
                return False
            self.claimed += 1
            return True

    def next_message(self):
        """The payload with a Message-ID of its own, as a relay that dedupes would need."""
        with self.lock:
            self.serial += 1
            serial = self.serial
        if self.corpus:
            return self.corpus[(serial - 1) % len(self.corpus)]
        return MESSAGE_ID.format(serial).encode("ascii") + self.payload

    def session(self):
        reconnects = 0
        while reconnects <= 3 and self.claim():
            try:
                with smtplib.SMTP(self.args.host, self.args.port, timeout=60) as smtp:
                    smtp.ehlo("bench.sender.example")
                    first = True
                    while first or self.claim():
                        first = False
                        self.send_one(smtp)
                    return
            except (OSError, smtplib.SMTPException) as error:
                with self.lock:
                    self.errors.append(f"{type(error).__name__}: {error}")
                reconnects += 1

    def send_one(self, smtp):
        transaction = time.perf_counter()
        code, reply = smtp.mail(self.args.sender)
        if code != 250:
            raise smtplib.SMTPResponseException(code, reply)
        code, reply = smtp.rcpt(self.args.recipient)
        if code not in (250, 251):
            raise smtplib.SMTPResponseException(code, reply)
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPResponseException(code, reply)
        message = self.next_message()
        smtp.sock.sendall(message)
        started = time.perf_counter()
        code, reply = smtp.getreply()
        finished = time.perf_counter()
        if code != 250:
            raise smtplib.SMTPResponseException(code, reply)
        with self.lock:
            self.latencies.append(finished - started)
            self.transactions.append(finished - transaction)

    def run(self):
        threads = [threading.Thread(target=self.session, daemon=True)
                   for _ in range(self.args.sessions)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            # Bounded: sessions stop claiming at the deadline; allow one slow reply after it.
            thread.join(timeout=max(1.0, self.deadline - time.monotonic()) + 65)
        wall = time.perf_counter() - began
        values = sorted(self.latencies)
        whole = sorted(self.transactions)
        ms = lambda v: None if v is None else round(v * 1000, 2)
        return {
            "sessions": self.args.sessions,
            "accepted": len(values),
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
            "wall_s": round(wall, 3),
            "accepted_per_s": round(len(values) / wall, 1) if wall > 0 else None,
            "p50_ms": ms(percentile(values, 0.50)),
            "p90_ms": ms(percentile(values, 0.90)),
            "p99_ms": ms(percentile(values, 0.99)),
            "max_ms": ms(values[-1] if values else None),
            "txn_p50_ms": ms(percentile(whole, 0.50)),
            "txn_p99_ms": ms(percentile(whole, 0.99)),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000, help="messages in total (upper bound)")
    parser.add_argument("--seconds", type=float, default=20, help="stop starting messages after this")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--corpus", help="folder of .eml files to send instead of a built message")
    parser.add_argument("--sender", default="bench@sender.example")
    parser.add_argument("--recipient", default="rcpt@dest.example")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1"):
        sys.exit("smtp_latency: loopback only (127.0.0.1 or ::1)")
    if not (1 <= args.sessions <= 256 and 1 <= args.count <= 1_000_000 and 0 < args.seconds <= 600):
        sys.exit("smtp_latency: sessions 1..256, count 1..1000000, seconds 0..600")
    print(json.dumps(Load(args).run()))


if __name__ == "__main__":
    main()
