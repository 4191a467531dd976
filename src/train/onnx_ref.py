"""A small numpy reference evaluator for ONNX graphs (the operator subset used by the base MiniLM
export and by reader.onnx). Debian bookworm ships onnx 1.12, which has no onnx.reference; when a
newer onnx with onnx.reference.ReferenceEvaluator is installed, `evaluator()` returns that instead.

Semantics follow the ONNX operator specs (opsets 11-17) for the cases these graphs use; anything
else raises NotImplementedError so a silent mismatch is impossible."""
import numpy as np
import onnx
from onnx import numpy_helper

try:
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover
    import math
    _erf = np.vectorize(math.erf, otypes=[np.float64])

_DT = {1: np.float32, 2: np.uint8, 3: np.int8, 5: np.int16, 6: np.int32, 7: np.int64, 9: np.bool_,
       10: np.float16, 11: np.float64}


def _attrs(node):
    out = {}
    for a in node.attribute:
        if a.type == onnx.AttributeProto.TENSOR:
            out[a.name] = numpy_helper.to_array(a.t)
        else:
            out[a.name] = onnx.helper.get_attribute_value(a)
    return out


def _opset(model):
    for o in model.opset_import:
        if o.domain in ("", "ai.onnx"):
            return o.version
    return 0


class NumpyEvaluator:
    def __init__(self, model):
        if isinstance(model, str):
            model = onnx.load(model)
        self.model = model
        self.opset = _opset(model)
        self.inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        self.input_names = [i.name for i in model.graph.input if i.name not in self.inits]
        self.output_names = [o.name for o in model.graph.output]

    def run(self, output_names, feeds):
        env = dict(self.inits)
        env.update({k: np.asarray(v) for k, v in feeds.items()})
        for node in self.model.graph.node:
            ins = [env[n] if n else None for n in node.input]
            outs = getattr(self, "op_" + node.op_type, None)
            if outs is None:
                raise NotImplementedError(node.op_type)
            res = outs(ins, _attrs(node))
            if not isinstance(res, tuple):
                res = (res,)
            for name, val in zip(node.output, res):
                env[name] = val
        names = output_names or self.output_names
        return [env[n] for n in names]

    # ------------------------------------------------------------------ operators
    def op_Constant(self, i, a):
        if "value" in a:
            return a["value"]
        for k in ("value_float", "value_int"):
            if k in a:
                return np.array(a[k], dtype=np.float32 if k == "value_float" else np.int64)
        for k in ("value_floats", "value_ints"):
            if k in a:
                return np.array(a[k], dtype=np.float32 if k == "value_floats" else np.int64)
        raise NotImplementedError("Constant " + str(list(a)))

    def op_Identity(self, i, a): return i[0]
    def op_Add(self, i, a): return (i[0] + i[1]).astype(np.result_type(i[0], i[1]))
    def op_Sub(self, i, a): return (i[0] - i[1]).astype(np.result_type(i[0], i[1]))
    def op_Mul(self, i, a): return (i[0] * i[1]).astype(np.result_type(i[0], i[1]))

    def op_Div(self, i, a):
        if np.issubdtype(i[0].dtype, np.integer):
            return np.trunc(i[0] / i[1]).astype(i[0].dtype)
        return (i[0] / i[1]).astype(i[0].dtype)

    def op_Pow(self, i, a): return np.power(i[0], i[1]).astype(i[0].dtype)
    def op_Sqrt(self, i, a): return np.sqrt(i[0])
    def op_Neg(self, i, a): return -i[0]
    def op_Erf(self, i, a): return _erf(i[0]).astype(i[0].dtype)
    def op_Tanh(self, i, a): return np.tanh(i[0])
    def op_Sigmoid(self, i, a): return (1.0 / (1.0 + np.exp(-i[0]))).astype(i[0].dtype)
    def op_Relu(self, i, a): return np.maximum(i[0], 0).astype(i[0].dtype)
    def op_Equal(self, i, a): return np.equal(i[0], i[1])
    def op_Less(self, i, a): return np.less(i[0], i[1])
    def op_Greater(self, i, a): return np.greater(i[0], i[1])
    def op_Not(self, i, a): return np.logical_not(i[0])
    def op_Where(self, i, a): return np.where(i[0], i[1], i[2]).astype(np.result_type(i[1], i[2]))
    def op_Max(self, i, a): return np.maximum.reduce(i) if len(i) > 1 else i[0]
    def op_Min(self, i, a): return np.minimum.reduce(i) if len(i) > 1 else i[0]

    def op_Clip(self, i, a):
        lo = i[1] if len(i) > 1 and i[1] is not None else a.get("min", None)
        hi = i[2] if len(i) > 2 and i[2] is not None else a.get("max", None)
        x = i[0]
        if lo is not None:
            x = np.maximum(x, lo)
        if hi is not None:
            x = np.minimum(x, hi)
        return x.astype(i[0].dtype)

    def op_MatMul(self, i, a): return np.matmul(i[0], i[1]).astype(np.result_type(i[0], i[1]))

    def op_Gemm(self, i, a):
        A, B = i[0], i[1]
        if a.get("transA", 0):
            A = A.T
        if a.get("transB", 0):
            B = B.T
        y = a.get("alpha", 1.0) * (A @ B)
        if len(i) > 2 and i[2] is not None:
            y = y + a.get("beta", 1.0) * i[2]
        return y.astype(np.float32)

    def op_Cast(self, i, a): return i[0].astype(_DT[a["to"]])
    def op_Shape(self, i, a):
        s = np.array(i[0].shape, dtype=np.int64)
        return s[a.get("start", 0):a["end"]] if "end" in a else s[a.get("start", 0):]

    def op_Gather(self, i, a):
        return np.take(i[0], i[1].astype(np.int64), axis=a.get("axis", 0))

    def _axes(self, i, a, pos=1):
        if len(i) > pos and i[pos] is not None:
            return [int(x) for x in np.atleast_1d(i[pos])]
        return a.get("axes", None)

    def op_Unsqueeze(self, i, a):
        x = i[0]
        axes = self._axes(i, a)
        rank = x.ndim + len(axes)
        for ax in sorted(ax % rank for ax in axes):
            x = np.expand_dims(x, ax)
        return x

    def op_Squeeze(self, i, a):
        axes = self._axes(i, a)
        return np.squeeze(i[0], axis=tuple(axes)) if axes is not None else np.squeeze(i[0])

    def op_Concat(self, i, a): return np.concatenate(i, axis=a["axis"])

    def op_Reshape(self, i, a):
        shape = [int(s) for s in i[1]]
        if not a.get("allowzero", 0):
            shape = [i[0].shape[k] if s == 0 else s for k, s in enumerate(shape)]
        return i[0].reshape(shape)

    def op_Transpose(self, i, a):
        return np.transpose(i[0], a.get("perm", None))

    def op_Expand(self, i, a):
        shape = np.broadcast_shapes(i[0].shape, tuple(int(s) for s in i[1]))
        return np.broadcast_to(i[0], shape).copy()

    def op_ConstantOfShape(self, i, a):
        v = a.get("value", np.zeros(1, dtype=np.float32))
        return np.full(tuple(int(s) for s in i[0]), v.reshape(-1)[0], dtype=v.dtype)

    def op_Range(self, i, a):
        return np.arange(i[0], i[1], i[2]).astype(i[0].dtype)

    def op_Slice(self, i, a):
        x = i[0]
        starts, ends = [int(v) for v in i[1]], [int(v) for v in i[2]]
        axes = [int(v) for v in i[3]] if len(i) > 3 and i[3] is not None else list(range(len(starts)))
        steps = [int(v) for v in i[4]] if len(i) > 4 and i[4] is not None else [1] * len(starts)
        sl = [slice(None)] * x.ndim
        for s, e, ax, st in zip(starts, ends, axes, steps):
            n = x.shape[ax]
            if st > 0:
                s = max(0, min(n, s + n if s < 0 else s))
                e = max(0, min(n, e + n if e < 0 else e))
            else:
                s = max(-1, min(n - 1, s + n if s < 0 else s))
                e = max(-1, min(n - 1, e + n if e < 0 else e))
                e = None if e == -1 else e
            sl[ax % x.ndim] = slice(s, e, st)
        return x[tuple(sl)]

    def op_Softmax(self, i, a):
        x = i[0]
        if self.opset < 13:  # input coerced to 2D at `axis` (default 1)
            ax = a.get("axis", 1) % x.ndim
            x2 = x.reshape(int(np.prod(x.shape[:ax], dtype=np.int64)), -1)
            return self._softmax(x2, 1).reshape(x.shape)
        return self._softmax(x, a.get("axis", -1))

    @staticmethod
    def _softmax(x, ax):
        e = np.exp(x - np.max(x, axis=ax, keepdims=True))
        return (e / np.sum(e, axis=ax, keepdims=True)).astype(x.dtype)

    def _reduce(self, fn, i, a):
        axes = self._axes(i, a)
        keep = bool(a.get("keepdims", 1))
        if axes is None or len(axes) == 0:
            if a.get("noop_with_empty_axes", 0):
                return i[0]
            axes = None
        return fn(i[0], axis=tuple(axes) if axes is not None else None, keepdims=keep).astype(i[0].dtype)

    def op_ReduceMean(self, i, a): return self._reduce(np.mean, i, a)
    def op_ReduceSum(self, i, a): return self._reduce(np.sum, i, a)
    def op_ReduceMax(self, i, a): return self._reduce(np.max, i, a)

    def op_LayerNormalization(self, i, a):
        x, scale = i[0], i[1]
        bias = i[2] if len(i) > 2 else None
        ax = a.get("axis", -1)
        eps = a.get("epsilon", 1e-5)
        axes = tuple(range(ax % x.ndim, x.ndim))
        mean = x.mean(axis=axes, keepdims=True)
        d = x - mean
        var = (d * d).mean(axis=axes, keepdims=True)
        y = d / np.sqrt(var + eps) * scale
        if bias is not None:
            y = y + bias
        return y.astype(x.dtype)

    def op_DequantizeLinear(self, i, a):
        x, scale = i[0], i[1]
        zp = i[2] if len(i) > 2 and i[2] is not None else np.zeros_like(scale, dtype=x.dtype)
        if scale.ndim == 1 and scale.size > 1 or (scale.ndim == 1 and x.ndim > 1 and "axis" in a):
            ax = a.get("axis", 1) % x.ndim
            shape = [1] * x.ndim
            shape[ax] = -1
            scale, zp = scale.reshape(shape), zp.reshape(shape)
        return ((x.astype(np.int32) - zp.astype(np.int32)).astype(np.float32) * scale).astype(np.float32)


def evaluator(model_path):
    """onnx.reference.ReferenceEvaluator when this onnx has it, else the numpy one above."""
    try:
        from onnx.reference import ReferenceEvaluator  # onnx >= 1.13
        return ReferenceEvaluator(model_path), "onnx.reference.ReferenceEvaluator (onnx %s)" % onnx.__version__
    except ImportError:
        return NumpyEvaluator(onnx.load(model_path)), "onnx_ref.NumpyEvaluator (onnx %s has no onnx.reference)" % onnx.__version__
