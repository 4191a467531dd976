"""Integer matrix products for the reader: every MatMul whose weight comes from a per-column int8
DequantizeLinear (quantize.py's output) becomes

    DynamicQuantizeLinear(X) -> X_q (uint8), X_scale, X_zp      (per call, per tensor)
    MatMulInteger(X_q, W_q, X_zp, W_zp) -> int32
    Cast(float) * (X_scale * W_scale)                            (W_scale per output column)

so ONNX Runtime multiplies 8-bit integers (VNNI / AVX2 kernels; it fuses the pattern into one
DynamicQuantizeMatMul) instead of float32 weights it would first dequantise. The file keeps the
same int8 weights, so its size does not change. Standard ONNX operators (opset 10+).

    python3 src/train/integer_matmul.py IN.onnx OUT.onnx"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def convert(m, skip=()):
    """skip: name fragments of MatMuls left as they are (e.g. "/out/" for the feed-forward down
    projections, whose inputs after GELU have the widest range)."""
    g = m.graph
    inits = {t.name: t for t in g.initializer}
    dq_by_out = {n.output[0]: n for n in g.node if n.op_type == "DequantizeLinear"}
    consumers = {}
    for n in g.node:
        for name in n.input:
            consumers.setdefault(name, []).append(n)
    out_nodes, dropped, converted = [], set(), 0
    for n in g.node:
        dq = dq_by_out.get(n.input[1]) if n.op_type == "MatMul" and len(n.input) == 2 else None
        axis = None if dq is None else next((a.i for a in dq.attribute if a.name == "axis"), 1)
        if dq is None or axis != 1 or len(numpy_helper.to_array(inits[dq.input[0]]).shape) != 2 \
                or any(f in n.name for f in skip):
            out_nodes.append(n)
            continue
        x, w_q, w_scale, w_zp = n.input[0], dq.input[0], dq.input[1], dq.input[2]
        p = n.name or n.output[0]
        out_nodes += [
            helper.make_node("DynamicQuantizeLinear", [x], [p + "_xq", p + "_xs", p + "_xzp"], name=p + "_dql"),
            helper.make_node("MatMulInteger", [p + "_xq", w_q, p + "_xzp", w_zp], [p + "_i32"], name=p + "_mmi"),
            helper.make_node("Cast", [p + "_i32"], [p + "_f"], name=p + "_cast", to=onnx.TensorProto.FLOAT),
            helper.make_node("Mul", [p + "_xs", w_scale], [p + "_s"], name=p + "_scale"),
            helper.make_node("Mul", [p + "_f", p + "_s"], [n.output[0]], name=p + "_out"),
        ]
        converted += 1
        if all(c is n for c in consumers.get(dq.output[0], [])):
            dropped.add(dq.output[0])
    nodes = [n for n in out_nodes if not (n.op_type == "DequantizeLinear" and n.output[0] in dropped)]
    del g.node[:]
    g.node.extend(nodes)
    onnx.checker.check_model(m)
    return m, converted


if __name__ == "__main__":
    model, n = convert(onnx.load(sys.argv[1]), skip=sys.argv[3].split(",") if len(sys.argv) > 3 else ())
    onnx.save(model, sys.argv[2])
    print(n, "MatMuls now integer")
