"""Weight-only int8 for an ONNX graph: every large float32 initializer (>= 65536 values) that feeds
a MatMul / Gemm (as the weight) or a Gather (as the table) is replaced by
    <name>_q (int8, symmetric, range [-127, 127]) + <name>_scale (float32, per channel)
    + <name>_zp (int8 zeros)  ->  DequantizeLinear(axis)  ->  <name> (float32)
Per channel = per output column for MatMul weights [in, out] (axis 1), per row for embedding tables
(axis 0). The tensors to which the output is most sensitive can be kept float32 within a size budget
(plan_keep_float). Activations stay float32, so any ONNX Runtime CPU build (DequantizeLinear is opset 10+,
per-axis opset 13+) runs it. Small tensors (biases, LayerNorm, the 384x2 head) stay float32.

    python3 src/train/quantize.py IN.onnx OUT.onnx"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

MIN_SIZE = 65536


def candidates(m):
    """{name: axis} of the initializers quantize_model would replace."""
    return {d['name']: d['axis'] for d in quantize_model(onnx.ModelProto.FromString(m.SerializeToString()), check=False)[1]}


def quantize_model(m, keep_float=(), check=True):
    g = m.graph
    consumers = {}
    for node in g.node:
        for k, name in enumerate(node.input):
            consumers.setdefault(name, []).append((node, k))
    new_inits, dq_nodes, done = [], [], []
    keep = []
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        uses = consumers.get(init.name, [])
        axis = None
        if arr.dtype == np.float32 and arr.ndim == 2 and arr.size >= MIN_SIZE and uses:
            kinds = {(n.op_type, k) for n, k in uses}
            if kinds <= {("MatMul", 1)}:
                axis = 1
            elif kinds <= {("Gemm", 1)} and all(not any(a.name == "transB" and a.i for a in n.attribute)
                                                 for n, _ in uses):
                axis = 1
            elif kinds <= {("Gather", 0), ("Slice", 0)}:
                axis = 0
        if axis is None or init.name in keep_float:
            keep.append(init)
            continue
        amax = np.abs(arr).max(axis=1 - axis)
        scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
        shape = (1, -1) if axis == 1 else (-1, 1)
        q = np.clip(np.rint(arr / scale.reshape(shape)), -127, 127).astype(np.int8)
        base = init.name
        new_inits += [numpy_helper.from_array(q, base + "_q"), numpy_helper.from_array(scale, base + "_scale"),
                      numpy_helper.from_array(np.zeros(scale.shape, np.int8), base + "_zp")]
        dq_nodes.append(helper.make_node("DequantizeLinear", [base + "_q", base + "_scale", base + "_zp"], [base],
                                         name=base + "_DequantizeLinear", axis=axis))
        err = float(np.abs(q.astype(np.float32) * scale.reshape(shape) - arr).max())
        done.append({"name": base, "shape": list(arr.shape), "axis": axis, "max_abs_weight_error": err,
                     "used_by": uses[0][0].name})
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(dq_nodes + nodes)
    # inputs listing initializers (old IR style) must not mention the replaced names
    replaced = {d["name"] for d in done}
    ins = [i for i in g.input if i.name not in replaced]
    del g.input[:]
    g.input.extend(ins)
    if check:
        onnx.checker.check_model(m)
    return m, done


def fake_quant(arr, axis):
    amax = np.abs(arr).max(axis=1 - axis)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    shape = (1, -1) if axis == 1 else (-1, 1)
    return (np.clip(np.rint(arr / scale.reshape(shape)), -127, 127).astype(np.float32) * scale.reshape(shape)
            ).astype(np.float32)


def plan_keep_float(m, run, budget_bytes, log=print):
    """Sensitivity of the output to each candidate tensor alone (max |p_int8 - p_fp32| from `run`, a
    function model -> probs on a check set); the most sensitive ones stay float32, greedily, as long as
    the estimated file size stays within budget_bytes. Returns (names kept float, sensitivities)."""
    cands = candidates(m)
    ref = run(m)
    sens = {}
    for name, axis in cands.items():
        mm = onnx.ModelProto.FromString(m.SerializeToString())
        for t in mm.graph.initializer:
            if t.name == name:
                t.CopyFrom(numpy_helper.from_array(fake_quant(numpy_helper.to_array(t), axis), name))
        sens[name] = float(np.abs(run(mm) - ref).max())
    q, _ = quantize_model(onnx.ModelProto.FromString(m.SerializeToString()), check=False)
    size = len(q.SerializeToString())
    numel = {t.name: int(np.prod(t.dims)) for t in m.graph.initializer}
    keep = []
    for name in sorted(sens, key=sens.get, reverse=True):
        extra = 3 * numel[name]
        if size + extra <= budget_bytes:
            keep.append(name)
            size += extra
    log("int8 sensitivity (max prob change, tensor alone): " +
        ", ".join("%s %.4f" % (n, sens[n]) for n in sorted(sens, key=sens.get, reverse=True)[:8]) +
        "; kept float32: %s" % keep)
    return keep, sens


def quantize_file(src, dst, keep_float=()):
    m = onnx.load(src)
    m, done = quantize_model(m, keep_float)
    onnx.save(m, dst)
    return {"scheme": "weight-only int8, symmetric, per channel, DequantizeLinear -> float32",
            "quantised": len(done), "min_size": MIN_SIZE, "kept_float32": list(keep_float),
            "max_abs_weight_error": max(d["max_abs_weight_error"] for d in done) if done else 0.0,
            "tensors": [{k: d[k] for k in ("name", "used_by", "shape", "axis")} for d in done]}


if __name__ == "__main__":
    info = quantize_file(sys.argv[1], sys.argv[2])
    print(info["quantised"], "tensors quantised")
