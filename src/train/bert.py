"""A small BERT encoder in plain torch (no transformers), loaded from the all-MiniLM-L6-v2 ONNX
shipped in the langchain4j jar, and the reader model on top of it."""
import re

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

HIDDEN, LAYERS, HEADS, INTER, VOCAB, MAX_POS = 384, 6, 12, 1536, 30522, 512
LN_EPS = 1e-12


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(HIDDEN, HIDDEN)
        self.k = nn.Linear(HIDDEN, HIDDEN)
        self.v = nn.Linear(HIDDEN, HIDDEN)
        self.o = nn.Linear(HIDDEN, HIDDEN)
        self.ln1 = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.i = nn.Linear(HIDDEN, INTER)
        self.out = nn.Linear(INTER, HIDDEN)
        self.ln2 = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, s, _ = x.shape
        d = HIDDEN // HEADS

        def heads(t):
            return t.view(b, s, HEADS, d).transpose(1, 2)

        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        att = torch.matmul(q, k.transpose(-1, -2)) / float(np.sqrt(d)) + bias
        att = self.drop(torch.softmax(att, dim=-1))
        ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, s, HIDDEN)
        x = self.ln1(x + self.drop(self.o(ctx)))
        h = self.out(F.gelu(self.i(x)))
        return self.ln2(x + self.drop(h))


class Encoder(nn.Module):
    """`layers` below 6 keeps the base model's first layers only: a cheaper student, fine-tuned as is."""

    def __init__(self, layers=LAYERS):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.pos = nn.Embedding(MAX_POS, HIDDEN)
        self.type0 = nn.Parameter(torch.zeros(HIDDEN))  # token_type 0 row (always type 0)
        self.ln = nn.LayerNorm(HIDDEN, eps=LN_EPS)
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.drop = nn.Dropout(0.1)

    def forward(self, input_ids, attention_mask):
        s = input_ids.shape[1]
        pos = self.pos.weight[:s].unsqueeze(0)
        x = self.drop(self.ln(self.word(input_ids) + pos + self.type0))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x


class Reader(nn.Module):
    """Encoder -> masked mean pooling -> Linear(384, 2) -> sigmoid = (p_disparage, p_abuse)."""

    def __init__(self, layers=LAYERS):
        super().__init__()
        self.enc = Encoder(layers)
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, 2)
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)

    def logits(self, input_ids, attention_mask):
        h = self.enc(input_ids, attention_mask)
        m = attention_mask.to(h.dtype).unsqueeze(-1)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled))

    def forward(self, input_ids, attention_mask):
        return torch.sigmoid(self.logits(input_ids, attention_mask))


def load_base_weights(encoder, onnx_path):
    """Maps the initializers of the HF-exported all-MiniLM-L6-v2 ONNX onto `encoder`. The MatMul
    weights have anonymous names (onnx::MatMul_787 ...); they are identified by the name of the
    MatMul node that consumes them (/encoder/layer.N/attention/self/query/MatMul ...)."""
    m = onnx.load(onnx_path)
    init = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    named = dict(init)
    for node in m.graph.node:
        if node.op_type == "MatMul":
            w = [n for n in node.input if n in init]
            if w:
                mo = re.match(r"/(encoder/layer\.\d+/.+)/MatMul$", node.name) or \
                    re.match(r"/(encoder/layer\.\d+/.+)/MatMul_output_0$", node.output[0])
                named[mo.group(1).replace("/", ".") + ".weight"] = init[w[0]]  # [in, out]
    sd = {}

    def t(a):
        return torch.from_numpy(np.array(a, dtype=np.float32))

    sd["word.weight"] = t(named["embeddings.word_embeddings.weight"])
    sd["pos.weight"] = t(named["embeddings.position_embeddings.weight"])
    sd["type0"] = t(named["embeddings.token_type_embeddings.weight"][0])
    sd["ln.weight"] = t(named["embeddings.LayerNorm.weight"])
    sd["ln.bias"] = t(named["embeddings.LayerNorm.bias"])
    parts = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "o": "attention.output.dense", "i": "intermediate.dense", "out": "output.dense"}
    for L in range(len(encoder.layers)):
        p = "encoder.layer.%d." % L
        for mine, theirs in parts.items():
            sd["layers.%d.%s.weight" % (L, mine)] = t(named[p + theirs + ".weight"].T)
            sd["layers.%d.%s.bias" % (L, mine)] = t(named[p + theirs + ".bias"])
        for mine, theirs in (("ln1", "attention.output.LayerNorm"), ("ln2", "output.LayerNorm")):
            sd["layers.%d.%s.weight" % (L, mine)] = t(named[p + theirs + ".weight"])
            sd["layers.%d.%s.bias" % (L, mine)] = t(named[p + theirs + ".bias"])
    missing, unexpected = encoder.load_state_dict(sd, strict=True), None
    return len(sd)
