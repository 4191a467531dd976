"""Writes src/test/resources/model/tokenizer-golden.tsv: 300 lines `text<TAB>ids` (ids of the
passage tokenisation only, no [CLS]/[SEP]). The text column is escaped: backslash-t, -n, -r and
a doubled backslash stand for TAB, LF, CR and one backslash.

    python3 src/train/tokenizer_golden.py [--vocab V] [--out F] [--hf-check]

--hf-check compares every line with the HuggingFace tokenizers library (Rust, through the npm
package @anush008/tokenizers, if node can load it from $HF_TOKENIZERS_NODE_PATH) on the base
model's tokenizer.json and prints the differences."""
import argparse, json, os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordpiece import WordPiece, tsv_escape  # noqa: E402

HAND = [
    # plain English, register, punctuation
    "Hello world", "hello, world!", "HELLO WORLD!!!", "Thanks so much :)", "ok.", "", " ", "   lots   of   spaces   ",
    "Please find attached the invoice #4471 for March.", "Can you call me back at 555-0199?",
    "He said: \"we'll see\"...", "It's the customer's fault, isn't it?", "rock'n'roll", "e-mail, re-send, co-operate",
    "Dear Mrs. O'Neill,", "Mr Smith & Sons Ltd.", "50% off (today only) [really]", "a+b=c; x<y>z", "~tilde~ ^caret^ `tick` |pipe|",
    "price: $1,299.99 / €1.299,99 / £999", "10:30am-11:15am", "3.14159 and 2,71828", "1st 2nd 3rd 4th", "2024-06-01T10:00:00Z",
    "lol ur so slow m8", "u no wot i mean innit", "wtf is this garbage software", "OMG!!!1!", "sooooo baaaad",
    "The account is 60 days overdue, please call them.", "as I already explained twice", "if you had bothered to read the contract",
    "you knew that, didn't you?", "Lady Muck wants her tea", "the Hendersons are at it again", "Karen from accounts",
    "She's not difficult at all.", "they are NOT difficult at all", "our system crashed again, sorry!",
    # accents, European languages
    "café crème brûlée", "naïve résumé", "Ångström", "São Paulo", "Zürich Straße", "Ärger über Öl", "Müller-Lüdenscheidt GmbH",
    "Sehr geehrte Frau Schröder, anbei die Rechnung.", "Der Kunde ist ein Idiot.", "Das ist nicht schlimm, keine Sorge.",
    "Señor Muñoz, ¿cómo está?", "¡Qué desastre de cliente!", "La señora García es muy amable.", "niño, año, mañana",
    "Madame Lefèvre, voilà la facture.", "C'est un client très pénible.", "Où est la clé ? À bientôt !", "Ça va, garçon ?",
    "Cœur, œuvre, Œdipe", "Æsir, ærø", "Ørsted, København", "Łódź, Gdańsk, Kraków", "Dvořák, Škoda, Čapek", "İstanbul, ığdır, Şişli",
    "Ελληνικά γράμματα", "ΟΔΟΣ", "Русский текст, привет!", "Українська мова", "naïveté façade jalapeño", "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３",
    "ﬁnance ﬂow", "x² + y³ = z⁴", "½ cup, ¼ tsp", "№ 5", "Ⅻ o'clock", "µs and μs", "ℌello", "𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐",
    "e\u0301te\u0301 (combining)", "A\u030a", "n\u0303", "ǅ ǈ ǋ", "ß and ẞ", "ﬀ ﬃ",
    # CJK and other scripts
    "中文测试", "我们的客户很好", "日本語のテキスト", "カタカナ ひらがな", "한국어 텍스트", "안녕하세요", "עברית", "العربية", "हिन्दी पाठ",
    "ไทย", "mixed中文English", "abc漢字def", "𠀀𠀁 (ext B)", "a\U0002B820b a\U0002B920b a\U0002CEAFb (ext E/F)", "a\U0002B81Fb a\u0378b (unassigned)", "豈 (compat)",
    # emoji and symbols
    "great job 👍", "great👍job", "😀😃😄", "I ❤️ this", "thumbs 👍🏽 skin tone", "family 👨‍👩‍👧", "flag 🇬🇧 🇩🇪", "🙄 seriously?",
    "🤡 customer", "♥ ★ ☺ ✓ ✔ ✗", "→ ← ↑ ↓", "© ® ™", "§ 12 Abs. 3", "° degrees", "±5%", "¯\\_(ツ)_/¯", "(╯°□°）╯︵ ┻━┻",
    "•bullet •points", "…ellipsis…", "“smart quotes” and ‘single’", "«guillemets» ‹single›", "em—dash en–dash", "‐hyphen‑nb",
    "¿¡", "、。「」", "«»„“", "‰ ‱", "＃hashtag", "@mention #tag", "\u00a0nbsp\u00a0here", "thin\u2009space", "ideographic\u3000space",
    "zero\u200bwidth", "soft\u00adhyphen", "zwj\u200djoiner", "bidi\u200emark", "bom\ufeffhere", "replacement\ufffdchar", "nul\x00byte",
    "bell\x07char", "tab\there", "new\nline", "crlf\r\nline", "vertical\x0btab", "form\x0cfeed", "next\x85line", "line\u2028sep", "para\u2029sep",
    "\U000E0001 tag char", "\ue000 private use", "\U0010FFFD plane16",
    # long words, URLs, mail-isms
    "supercalifragilisticexpialidocious", "antidisestablishmentarianism", "Donaudampfschifffahrtsgesellschaftskapitän",
    "pneumonoultramicroscopicsilicovolcanoconiosis", "a" * 100, "b" * 101, "ab" * 50 + "c", "x" * 99 + "é",
    "https://www.example.com/path/to/page?query=1&other=two#frag", "http://localhost:8080/api/v1", "www.tactgate.org",
    "john.doe+filter@example.co.uk", "mailto:support@example.com", "C:\\Users\\bob\\file.txt", "/var/log/mail.log",
    "ref: INV-2024-00017/B", "Re: Fwd: RE: urgent!!", "> quoted line\n> another", "-- \nBest regards,\nBob",
    "PS: see below ↓↓↓", "camelCaseWord snake_case_word kebab-case-word", "ALLCAPSWORD", "MiXeD cAsE", "v2.3.1-beta+build.7",
    "#1 priority", "100% sure", "24/7 support", "3x faster", "1e10", "0x1F600", "IPv4 192.168.0.1", "+44 (0)20 7946 0958",
    "[CLS] not special", "[SEP] [PAD] [MASK] [UNK]", "[unused1] text", "##hash prefix", "##", "#", "[", "]", "'", "\"",
]

FRAGMENTS = [
    "the client", "our supplier", "the Hendersons", "she", "he", "you", "they", "Mrs Patel", "Herr Becker", "la señora Ruiz",
    "is a nightmare", "never pays on time", "is lovely", "was very patient", "sent the wrong parts", "is a total clown",
    "haha", "lol", "😂", "🙄", "!!!", "...", "?", ",", "—", "as discussed", "per my last email", "tbh", "ngl",
    "crème", "façade", "Überweisung", "pagó tarde", "très gentil", "日本", "ok", "🤦‍♂️", "10%", "€50", "#42", "re:", "FYI",
]


def generated(n, seed=1234):
    rnd = random.Random(seed)
    seps = [" ", " ", " ", "", "  ", "\n", ", ", ". "]
    out = []
    while len(out) < n:
        k = rnd.randint(2, 7)
        s = ""
        for j in range(k):
            s += rnd.choice(FRAGMENTS) + (rnd.choice(seps) if j < k - 1 else "")
        if rnd.random() < 0.3:
            s = s.upper() if rnd.random() < 0.5 else s.capitalize()
        if s not in out:
            out.append(s)
    return out


def texts():
    hand = []
    for t in HAND:
        if t not in hand:
            hand.append(t)
    return hand + generated(300 - len(hand))


def hf_ids(tok_json, items):
    """ids from HF tokenizers (Rust) through node; None if not available."""
    node_path = os.environ.get("HF_TOKENIZERS_NODE_PATH", "/tmp/npmtok/node_modules")
    script = r"""
const {Tokenizer} = require('@anush008/tokenizers');
const fs = require('fs');
const [tj, inp] = process.argv.slice(1);
const t = Tokenizer.fromFile(tj); t.disablePadding(); t.disableTruncation();
const items = JSON.parse(fs.readFileSync(inp, 'utf8'));
(async () => { const out = [];
  for (const s of items) { const e = await t.encode(s, null, {addSpecialTokens: false}); out.push(Array.from(e.getIds())); }
  process.stdout.write(JSON.stringify(out)); })();
"""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(items, f)
        inp = f.name
    try:
        r = subprocess.run(["node", "-e", script, tok_json, inp], capture_output=True, text=True,
                           env=dict(os.environ, NODE_PATH=node_path), timeout=120)
        if r.returncode != 0:
            print("hf check unavailable:", r.stderr.strip()[:300])
            return None
        return json.loads(r.stdout)
    finally:
        os.unlink(inp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", default="src/main/resources/model/reader-vocab.txt")
    ap.add_argument("--out", default="src/test/resources/model/tokenizer-golden.tsv")
    ap.add_argument("--hf-check", metavar="TOKENIZER_JSON", default=None)
    a = ap.parse_args()
    wp = WordPiece.from_file(a.vocab)
    items = texts()
    assert len(items) == 300
    rows = [(t, wp.tokenize_ids(t)) for t in items]
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for t, ids in rows:
            f.write(tsv_escape(t) + "\t" + " ".join(map(str, ids)) + "\n")
    print("wrote", a.out, len(rows))
    if a.hf_check:
        hf = hf_ids(a.hf_check, items)
        if hf is not None:
            diffs = [(t, ids, h) for (t, ids), h in zip(rows, hf) if ids != h]
            print("hf check: %d/%d identical" % (len(rows) - len(diffs), len(rows)))
            for t, ids, h in diffs:
                print("  DIFF %r\n    ours %s\n    hf   %s" % (t, ids, h))
            return diffs
    return None


if __name__ == "__main__":
    main()
