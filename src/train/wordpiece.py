"""BERT-uncased tokenisation and the reader's input encoding, written out so the Java side can
reproduce it exactly (no transformers / tokenizers library).

Tokenisation of a piece of text (same result as HF tokenizers' BertNormalizer(lowercase=True,
strip_accents=None->True, clean_text=True, handle_chinese_chars=True) + BertPreTokenizer +
WordPiece(max_input_chars_per_word=100), except that literal "[CLS]", "[SEP]", ... in the text are
NOT turned into special tokens: text can never produce a special / [unusedN] id other than [UNK]):

 1. clean:   drop U+0000, U+FFFD and every code point of general category Cc, Cf, Cs, Co
             except TAB, LF, CR; then map TAB, LF, CR and the WHITESPACE set below to ' '.
 2. CJK:     put ' ' before and after every code point in the CJK ranges below.
 3. accents: Unicode NFD, then drop every code point of category Mn.
 4. lower:   lowercase code point by code point (simple mapping, Java Character.toLowerCase(int)).
 5. split:   on ' ' (runs collapse); inside each chunk, every punctuation code point (ASCII
             33-47, 58-64, 91-96, 123-126, or category Pc Pd Ps Pe Pi Pf Po) is a word by itself.
 6. wordpiece per word: if the word has more than 100 code points -> [UNK]; else greedy longest
             match from the left against the vocab, continuation pieces prefixed with "##"; if at
             some position no piece matches, the WHOLE word becomes [UNK].
"""
import unicodedata

WHITESPACE = frozenset([0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x1680] + list(range(0x2000, 0x200B))
                       + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000])
# the ranges HF tokenizers uses (note 0x2B920, not 0x2B820 as in the original BERT code)
CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
              (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
PUNCT_CATS = frozenset(["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"])
CONTROL_CATS = frozenset(["Cc", "Cf", "Cs", "Co"])  # not Cn (unassigned): kept, as HF does

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
MENTION_OPEN, MENTION_CLOSE = "[unused1]", "[unused2]"
AUDIENCE_TOKENS = {"customer": "[unused10]", "internal": "[unused11]", "internal+cc": "[unused12]"}
MAX_LEN = 64


def _is_cjk(cp):
    return any(a <= cp <= b for a, b in CJK_RANGES)


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch) in PUNCT_CATS


def normalize(text):
    """Steps 1-4."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp in (0x09, 0x0A, 0x0D):
            out.append(" ")
            continue
        if cp == 0 or cp == 0xFFFD or unicodedata.category(ch) in CONTROL_CATS:
            continue
        if cp in WHITESPACE:
            out.append(" ")
        elif _is_cjk(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    s = unicodedata.normalize("NFD", "".join(out))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    # simple per-code-point lowercase (str.lower of a single char can be longer only for U+0130,
    # which NFD has already split into I + U+0307)
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in s)


def basic_tokenize(text):
    """Steps 1-5: list of words."""
    words = []
    for chunk in normalize(text).split(" "):
        cur = []
        for ch in chunk:
            if _is_punct(ch):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(ch)
            else:
                cur.append(ch)
        if cur:
            words.append("".join(cur))
    return words


class WordPiece:
    def __init__(self, vocab_tokens):
        """vocab_tokens: list, index = id."""
        self.tokens = list(vocab_tokens)
        self.ids = {t: i for i, t in enumerate(self.tokens)}
        self.unk_id = self.ids[UNK]

    @classmethod
    def from_file(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls([line.rstrip("\n") for line in f])

    def word_ids(self, word):
        if len(word) > 100:
            return [self.unk_id]
        out, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end]
                if start > 0:
                    piece = "##" + piece
                i = self.ids.get(piece)
                if i is not None:
                    found = i
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            out.append(found)
            start = end
        return out

    def tokenize_ids(self, text):
        ids = []
        for w in basic_tokenize(text):
            ids.extend(self.word_ids(w))
        return ids

    # ---------------------------------------------------------------- reader input encoding
    def mention_spans(self, text, mentions):
        """Every occurrence (case-sensitive, exact) of every mention string whose both ends fall on
        a word boundary (the code point before the start and the one at the end are not of a
        category L*, N* or M*). Overlaps: candidates sorted by (start asc, length desc); a
        candidate overlapping an already accepted span is dropped."""
        cands = []
        for m in set(mentions):
            if not m:
                continue
            pos = text.find(m)
            while pos >= 0:
                end = pos + len(m)
                if _boundary(text, pos - 1) and _boundary(text, end):
                    cands.append((pos, -(end - pos)))
                pos = text.find(m, pos + 1)
        spans, last_end = [], 0
        for s, neg in sorted(cands):
            e = s - neg
            if s >= last_end:
                spans.append((s, e))
                last_end = e
        return spans

    def encode(self, audience, text, mentions, max_len=MAX_LEN):
        """[CLS] AUD [SEP] passage [SEP]; passage = pieces of text cut at the mention spans, each
        tokenised on its own, mention pieces wrapped in [unused1] .. [unused2]; the passage tokens
        are cut to max_len - 4 (plain right truncation, a marker may be cut too)."""
        body, pos = [], 0
        for s, e in self.mention_spans(text, mentions):
            body.extend(self.tokenize_ids(text[pos:s]))
            body.append(self.ids[MENTION_OPEN])
            body.extend(self.tokenize_ids(text[s:e]))
            body.append(self.ids[MENTION_CLOSE])
            pos = e
        body.extend(self.tokenize_ids(text[pos:]))
        body = body[: max_len - 4]
        return [self.ids[CLS], self.ids[AUDIENCE_TOKENS[audience]], self.ids[SEP]] + body + [self.ids[SEP]]


def _boundary(text, i):
    if i < 0 or i >= len(text):
        return True
    return unicodedata.category(text[i])[0] not in "LNM"


def tsv_escape(s):
    """TSV cell escape: backslash -> \\\\, TAB -> \\t, LF -> \\n, CR -> \\r, and every other code point of
    category Cc Cf Cs Co Cn Zl Zp or Zs (except the plain space) -> \\u{HEX} (hex digits of the code point)."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"):
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def tsv_unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "u" and i + 2 < len(s) and s[i + 2] == "{":
                j = s.index("}", i + 3)
                out.append(chr(int(s[i + 3:j], 16)))
                i = j + 1
                continue
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[n])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


# ------------------------------------------------------------------ who "you" is (mirrors LearnedReader)
import re as _re

# The reader's "you": English second person (any case) and the formal second person of German,
# Spanish and French as written (case-sensitive). LearnedReader.java marks exactly these strings in
# mail To a customer; training lines are normalised the same way, whatever their writers listed.
YOU_EN = _re.compile(r"(?<![^\W_])(?i:you|your|yours|yourself|yourselves)(?![^\W_])")
YOU_FORMAL = _re.compile(r"(?<![^\W_])(Sie|Ihnen|Ihr|Ihre|usted|ustedes|Usted|Ustedes|vous|Vous)(?![^\W_])")
YOU_WORDS = frozenset(["you", "your", "yours", "yourself", "yourselves", "sie", "ihnen", "ihr", "ihre", "usted",
                       "ustedes", "vous", "u", "ur", "du", "dich", "dir", "tu", "te", "toi", "ton", "ta", "tes",
                       "vos", "votre", "vosotros", "os", "dein", "deine", "euch", "ihr"])


def normalise_mentions(audience, text, mentions):
    """The customer's mentions as the product marks them: writers' own second-person mentions are
    dropped, and in mail To the customer every "you" form above is marked."""
    out = [m for m in dict.fromkeys(mentions) if m.lower() not in YOU_WORDS]
    if audience == "customer":
        for rx in (YOU_EN, YOU_FORMAL):
            out.extend(m.group(0) for m in rx.finditer(text))
    return list(dict.fromkeys(out))
