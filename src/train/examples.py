"""Writes the training passages the product quotes as "reads like: ..." beside a learned finding:
every positive line of the training data, by head, customer mentions shown as «customer».
Run from the repository root (train_reader.py runs it too, so the list always matches the model):

    python3 src/train/examples.py --data src/train/data/*.jsonl --out src/main/resources/model/reader-examples.tsv
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from data_check import load_rows  # noqa: E402
from wordpiece import YOU_WORDS, WordPiece  # noqa: E402


def shown(text, mentions):
    """The passage as a reviewer reads it: each named mention ("Mr Adeyemi", "Globex") replaced by
    «customer», so a stranger's name is not quoted at the sender; pronouns, "you" and role nouns
    stay as written ("«customer» left his gym bag", not "«customer» left «customer» gym bag")."""
    spans = WordPiece.mention_spans(None, text, mentions)
    out, at = [], 0
    for s, e in sorted(spans):
        out.append(text[at:s])
        said = text[s:e]
        named = said[:1].isupper() and said.lower() not in YOU_WORDS
        out.append("«customer»" if named else said)
        at = e
    out.append(text[at:])
    return " ".join("".join(out).split())


def write(rows, path):
    lines = []
    for r in rows:
        for head in ("disparage", "abuse"):
            if r[head] == 1:
                lines.append("%s\t%s\t%s" % (head, r["lang"], shown(r["text"], r["customer"]).replace("\t", " ")))
    with open(path, "w", encoding="utf-8") as f:
        f.write("# head\tlang\tpassage: the positive training lines of the reader (src/train/examples.py)\n")
        f.write("\n".join(sorted(set(lines))) + "\n")
    return len(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", required=True)
    ap.add_argument("--out", default="src/main/resources/model/reader-examples.tsv")
    a = ap.parse_args()
    rows, _ = load_rows(a.data)
    print("%d example lines -> %s" % (write(rows, a.out), a.out))
