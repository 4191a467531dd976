"""Reads and checks training data (JSON lines, schema in README.md). No torch needed, so whoever
writes data can check a file before handing it over:

    python3 src/train/data_check.py src/train/data/set-e.jsonl [more files]

A file with errors stops training; a text that already came in an earlier file is skipped and
counted (so overlapping sets cannot weigh one passage twice)."""
import collections
import json
import sys

from wordpiece import AUDIENCE_TOKENS, normalise_mentions

FIELDS = ("id", "org", "trade", "lang", "audience", "text", "customer", "disparage", "abuse", "kind")


def load_rows(paths):
    rows, errs, seen_text, seen_id, skipped = [], [], set(), set(), 0
    for p in paths:
        texts, ids = set(), set()
        with open(p, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    o = json.loads(line)
                except json.JSONDecodeError as e:
                    errs.append("%s:%d not JSON: %s" % (p, n, e))
                    continue
                missing = [k for k in FIELDS if k not in o]
                if missing:
                    errs.append("%s:%d no %s" % (p, n, ", ".join(missing)))
                    continue
                if o["audience"] not in AUDIENCE_TOKENS or o["disparage"] not in (0, 1) \
                        or o["abuse"] not in (0, 1):
                    errs.append("%s:%d bad audience/labels" % (p, n))
                if not isinstance(o["customer"], list) or not isinstance(o["text"], str) or not o["text"].strip():
                    errs.append("%s:%d customer must be a list and text a non-empty string" % (p, n))
                    continue
                if o["id"] in ids or o["text"] in texts:
                    errs.append("%s:%d duplicate in its file" % (p, n))
                for m in o["customer"]:
                    if m not in o["text"]:
                        errs.append("%s:%d mention %r not in text" % (p, n, m))
                ids.add(o["id"])
                texts.add(o["text"])
                if o["text"] in seen_text or o["id"] in seen_id:
                    skipped += 1
                    continue
                seen_text.add(o["text"])
                seen_id.add(o["id"])
                o["customer"] = normalise_mentions(o["audience"], o["text"], o["customer"])
                rows.append(o)
    if errs:
        raise SystemExit("data errors:\n" + "\n".join(errs[:30]))
    return rows, skipped


def main(paths):
    rows, skipped = load_rows(paths)
    by = collections.Counter((r["lang"], r["audience"], r["disparage"], r["abuse"]) for r in rows)
    print("%d rows, %d skipped as repeats, %d organisations" % (len(rows), skipped, len({r["org"] for r in rows})))
    for k, v in sorted(by.items()):
        print("  lang=%s audience=%s disparage=%d abuse=%d: %d" % (k + (v,)))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: data_check.py FILE.jsonl [FILE.jsonl ...]")
    main(sys.argv[1:])
