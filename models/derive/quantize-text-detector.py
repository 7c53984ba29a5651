#!/usr/bin/python3
"""Derives PostGuard's text detectors from PaddleOCR's fp32 PP-OCRv4 detector: the fp32 one with its HardSwish fused
(fuse; checked in, the default) and the int8 (QDQ) one (expose, calibration, quantize; measured, not checked in).

Needs only Debian's python3-onnx (apt-get install python3-onnx) and the repository's benchmarks; run from the
repository root after models/fetch:

  /usr/bin/python3 models/derive/quantize-text-detector.py expose models/paddleocr/ch_PP-OCRv4_det_infer.onnx /tmp/det-exposed.onnx
  dotnet run -c Release --project tests/PostGuard.Benchmarks -- --calibrate-text-detector /tmp/det-exposed.onnx models/derive/text-detector-ranges.json
  /usr/bin/python3 models/derive/quantize-text-detector.py quantize models/paddleocr/ch_PP-OCRv4_det_infer.onnx \\
      models/derive/text-detector-ranges.json models/derived/ch_PP-OCRv4_det_int8.onnx [--range KEY] [--fp32 PART,...]

and the default detector, with no calibration:

  /usr/bin/python3 models/derive/quantize-text-detector.py fuse models/paddleocr/ch_PP-OCRv4_det_infer.onnx \\
      models/derived/ch_PP-OCRv4_det_hardswish.onnx

fuse     writes the fp32 model with each HardSwish written out as x * Clip(x + 3, 0, 6) / 6 replaced by one HardSwish
         operator (opset 14; the same function) and the Constant nodes left unused by it dropped; nothing else changes
         (every other node, weight and name as in the original).
expose   writes a copy of the model whose every intermediate tensor is also a graph output, for the calibration.
quantize writes the int8 model: per-channel symmetric int8 weights, int32 biases, uint8 activations whose ranges come
         from the calibration (--range min/max, or lo/hi at a percentile: p0.01, p0.1, p1), a QuantizeLinear /
         DequantizeLinear pair after each quantized Conv (after its ReLU when a ReLU alone follows it, so ONNX Runtime
         folds the ReLU into the zero point) and before its input. --fp32 keeps parts in fp32: first (the first Conv),
         head (the probability head's Conv), depthwise (grouped Convs). The ConvTranspose layers and the Sigmoid stay fp32.
         The fp32 weights of quantized Convs are dropped; weights become initializers; the opset is raised to 14 (per-axis
         QuantizeLinear / DequantizeLinear, HardSwish; no other operator in the graph changed meaning between 11 and 14).
"""
import argparse
import collections
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def expose(src, dst):
    model = onnx.load(src)
    graph = model.graph
    present = {o.name for o in graph.output}
    for node in graph.node:
        if node.op_type == 'Constant':
            continue
        for name in node.output:
            if name and name not in present:
                graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
                present.add(name)
    onnx.save(model, dst)
    print(f'{len(graph.output)} outputs -> {dst}')


def constants_to_initializers(graph):
    kept = []
    for node in graph.node:
        if node.op_type == 'Constant' and len(node.attribute) == 1 and node.attribute[0].name == 'value':
            tensor = onnx.TensorProto()
            tensor.CopyFrom(node.attribute[0].t)
            tensor.name = node.output[0]
            graph.initializer.append(tensor)
        else:
            kept.append(node)
    del graph.node[:]
    graph.node.extend(kept)


def fold_batch_norms(graph, inits):
    """Folds each BatchNormalization that alone consumes a Conv's output into that Conv (the probability head's first)."""
    consumers = collections.defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    dropped = set()
    for conv in [n for n in graph.node if n.op_type == 'Conv']:
        after = consumers[conv.output[0]]
        if len(after) != 1 or after[0].op_type != 'BatchNormalization':
            continue
        bn = after[0]
        eps = next((a.f for a in bn.attribute if a.name == 'epsilon'), 1e-5)
        gamma, beta, mean, var = (numpy_helper.to_array(inits[n]).astype(np.float64) for n in bn.input[1:5])
        w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float64)
        b = numpy_helper.to_array(inits[conv.input[2]]).astype(np.float64) if len(conv.input) > 2 and conv.input[2] else np.zeros(w.shape[0])
        factor = gamma / np.sqrt(var + eps)
        wn, bname = conv.input[1] + '_bn', conv.output[0] + '_bn_bias'
        for name, array in ((wn, (w * factor.reshape(-1, 1, 1, 1)).astype(np.float32)), (bname, ((b - mean) * factor + beta).astype(np.float32))):
            tensor = numpy_helper.from_array(array, name)
            graph.initializer.append(tensor)
            inits[name] = tensor
        inputs = [conv.input[0], wn, bname]
        del conv.input[:]
        conv.input.extend(inputs)
        conv.output[0] = bn.output[0]
        dropped.add(id(bn))
    kept = [n for n in graph.node if id(n) not in dropped]
    del graph.node[:]
    graph.node.extend(kept)


def scalar(inits, name):
    if name not in inits:
        return None
    a = numpy_helper.to_array(inits[name])
    return float(a.ravel()[0]) if a.size == 1 else None


def simplify(graph, inits, fold_affines=True):
    """Exact rewrites that save elementwise passes: a Conv's learnable affine (Mul by a scalar, then Add of a scalar)
    folds into its weights and bias; x * Clip(x + 3, 0, 6) / 6 becomes one HardSwish (opset 14)."""
    def consumers():
        c = collections.defaultdict(list)
        for node in graph.node:
            for name in node.input:
                c[name].append(node)
        return c

    def other(node, name):
        return node.input[1] if node.input[0] == name else node.input[0]

    after = consumers()
    dropped = set()
    folded = fused = 0
    for conv in [n for n in graph.node if n.op_type == 'Conv' and fold_affines]:
        mul = after[conv.output[0]]
        if len(mul) != 1 or mul[0].op_type != 'Mul' or scalar(inits, other(mul[0], conv.output[0])) is None:
            continue
        add = after[mul[0].output[0]]
        if len(add) != 1 or add[0].op_type != 'Add' or scalar(inits, other(add[0], mul[0].output[0])) is None:
            continue
        a = scalar(inits, other(mul[0], conv.output[0]))
        b = scalar(inits, other(add[0], mul[0].output[0]))
        w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float64)
        bias = numpy_helper.to_array(inits[conv.input[2]]).astype(np.float64) if len(conv.input) > 2 and conv.input[2] else np.zeros(w.shape[0])
        wn, bn = conv.input[1] + '_lab', conv.output[0] + '_lab_bias'
        for name, array in ((wn, (w * a).astype(np.float32)), (bn, (bias * a + b).astype(np.float32))):
            tensor = numpy_helper.from_array(array, name)
            graph.initializer.append(tensor)
            inits[name] = tensor
        inputs = [conv.input[0], wn, bn]
        del conv.input[:]
        conv.input.extend(inputs)
        conv.output[0] = add[0].output[0]
        dropped |= {id(mul[0]), id(add[0])}
        folded += 1
    nodes = [n for n in graph.node if id(n) not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    after = consumers()
    dropped = set()
    replaced = {}
    for add in [n for n in graph.node if n.op_type == 'Add']:
        x = add.input[0]
        if scalar(inits, add.input[1]) != 3.0:
            continue
        clip = after[add.output[0]]
        if len(clip) != 1 or clip[0].op_type != 'Clip' or [scalar(inits, i) for i in clip[0].input[1:]] != [0.0, 6.0]:
            continue
        mul = after[clip[0].output[0]]
        if len(mul) != 1 or mul[0].op_type != 'Mul' or other(mul[0], clip[0].output[0]) != x:
            continue
        div = after[mul[0].output[0]]
        if len(div) != 1 or div[0].op_type != 'Div' or scalar(inits, div[0].input[1]) != 6.0:
            continue
        replaced[id(div[0])] = helper.make_node('HardSwish', [x], [div[0].output[0]], name=div[0].output[0] + '_hardswish')
        dropped |= {id(add), id(clip[0]), id(mul[0])}
        fused += 1
    nodes = [replaced.get(id(n), n) for n in graph.node if id(n) not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    return folded, fused


def fuse(src, dst):
    model = onnx.load(src)
    graph = model.graph
    before = collections.Counter(n.op_type for n in graph.node)
    constants = {n.output[0]: n.attribute[0].t for n in graph.node
                 if n.op_type == 'Constant' and len(n.attribute) == 1 and n.attribute[0].name == 'value'}
    constants.update({i.name: i for i in graph.initializer})
    _, fused = simplify(graph, constants, fold_affines=False)
    used = {name for n in graph.node for name in n.input} | {o.name for o in graph.output}
    kept = [n for n in graph.node if n.op_type != 'Constant' or n.output[0] in used]
    dropped = len(graph.node) - len(kept)
    del graph.node[:]
    graph.node.extend(kept)
    save(model, used, dst)
    after = collections.Counter(n.op_type for n in graph.node)
    changed = {op: (before[op], after[op]) for op in sorted(set(before) | set(after)) if before[op] != after[op]}
    print(f'{fused} HardSwish fused, {dropped} unused Constant nodes dropped; ops changed {changed} -> {dst}')


def save(model, used, dst):
    """Drops the initialisers no node reads (names in `used` are kept), raises the opset to 14 (HardSwish), checks, saves."""
    graph = model.graph
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    for opset in model.opset_import:
        if opset.domain in ('', 'ai.onnx') and opset.version < 14:
            opset.version = 14
    onnx.checker.check_model(model)
    onnx.save(model, dst)


def activation_range(ranges, key, name):
    entry = ranges[name]
    if key == 'minmax':
        lo, hi = entry['min'], entry['max']
    else:
        tag = key[1:]
        lo, hi = entry['lo' + tag], entry['hi' + tag]
    return min(lo, 0.0), max(hi, 0.0)


def uint8_parameters(lo, hi):
    scale = max((hi - lo) / 255.0, 1e-8)
    zero = int(min(255, max(0, round(-lo / scale))))
    return np.float32(scale), np.uint8(zero)


def quantize(src, ranges_path, dst, key, fp32_parts, simple='all'):
    ranges = json.load(open(ranges_path))
    model = onnx.load(src)
    graph = model.graph
    constants_to_initializers(graph)
    inits = {i.name: i for i in graph.initializer}
    fold_batch_norms(graph, inits)
    folded, fused = simplify(graph, inits, simple == 'all') if simple != 'none' else (0, 0)
    consumers = collections.defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    convs = [n for n in graph.node if n.op_type == 'Conv']
    head = {n.name for n in convs if n.input[1].endswith('_bn')}
    skip = set()
    if 'first' in fp32_parts:
        skip.add(convs[0].name)
    if 'head' in fp32_parts:
        skip |= head
    if 'all' in fp32_parts:
        skip |= {n.name for n in convs}
    if 'depthwise' in fp32_parts:
        skip |= {n.name for n in convs if any(a.name == 'group' and a.i > 1 for a in n.attribute)}
    new_inits = []
    dequantized = {}  # fp32 tensor -> (its dequantized name, scale)

    def add(name, array):
        new_inits.append(numpy_helper.from_array(array, name))

    def qdq(tensor, lo, hi, out_name=None, source=None):
        """Q/DQ of `source` (default: tensor) with the range lo..hi; the DQ output is out_name (default tensor + '_dq')."""
        scale, zero = uint8_parameters(lo, hi)
        add(tensor + '_qs', np.array(scale, np.float32))
        add(tensor + '_qz', np.array(zero, np.uint8))
        out = out_name or tensor + '_dq'
        nodes = [helper.make_node('QuantizeLinear', [source or tensor, tensor + '_qs', tensor + '_qz'], [tensor + '_q'], name=tensor + '_Q'),
                 helper.make_node('DequantizeLinear', [tensor + '_q', tensor + '_qs', tensor + '_qz'], [out], name=tensor + '_DQ')]
        dequantized[tensor] = (out, float(scale))
        return nodes

    out_nodes = []
    skip_relu = set()
    quantized = 0
    for node in graph.node:
        if node.name in skip_relu:
            continue
        if node.op_type != 'Conv' or node.name in skip:
            out_nodes.append(node)
            continue
        x = node.input[0]
        if x not in dequantized:
            out_nodes += qdq(x, *activation_range(ranges, key, x))
        dqx, sx = dequantized[x]
        w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
        wmax = np.maximum(np.abs(w.reshape(w.shape[0], -1)).max(axis=1), 1e-8)
        sw = (wmax / 127.0).astype(np.float32)
        wq = np.clip(np.round(w / sw.reshape(-1, *([1] * (w.ndim - 1)))), -127, 127).astype(np.int8)
        wn = node.input[1] + '_wq'
        add(wn, wq)
        add(wn + '_s', sw)
        add(wn + '_z', np.zeros(w.shape[0], np.int8))
        out_nodes.append(helper.make_node('DequantizeLinear', [wn, wn + '_s', wn + '_z'], [wn + '_dq'], axis=0, name=wn + '_DQ'))
        ins = [dqx, wn + '_dq']
        if len(node.input) > 2 and node.input[2]:
            b = numpy_helper.to_array(inits[node.input[2]]).astype(np.float64)
            sb = (np.float64(sx) * sw.astype(np.float64)).astype(np.float32)
            bq = np.clip(np.round(b / sb), -2**31, 2**31 - 1).astype(np.int32)
            bn = node.input[2] + '_bq'
            add(bn, bq)
            add(bn + '_s', sb)
            add(bn + '_z', np.zeros(w.shape[0], np.int32))
            out_nodes.append(helper.make_node('DequantizeLinear', [bn, bn + '_s', bn + '_z'], [bn + '_dq'], axis=0, name=bn + '_DQ'))
            ins.append(bn + '_dq')
        y = node.output[0]
        raw = y + '_raw'
        conv = helper.make_node('Conv', ins, [raw], name=node.name)
        conv.attribute.extend(node.attribute)
        out_nodes.append(conv)
        after = consumers[y]
        if len(after) == 1 and after[0].op_type == 'Relu' and y not in {o.name for o in graph.output}:
            relu = after[0]
            r = relu.output[0]
            out_nodes.append(helper.make_node('Relu', [raw], [r + '_raw'], name=relu.name))
            out_nodes += qdq(r, *activation_range(ranges, key, r), out_name=r, source=r + '_raw')
            dequantized[r] = (r, dequantized[r][1])
            skip_relu.add(relu.name)
        else:
            out_nodes += qdq(y, *activation_range(ranges, key, y), out_name=y, source=raw)
        quantized += 1
    del graph.node[:]
    graph.node.extend(out_nodes)
    graph.initializer.extend(new_inits)
    save(model, {name for n in graph.node for name in n.input}, dst)
    print(f'{folded} affines folded into Convs, {fused} HardSwish fused; {quantized} of {len(convs)} Convs quantized ({key}; fp32: {",".join(sorted(fp32_parts)) or "none"}) -> {dst}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    f = sub.add_parser('fuse')
    f.add_argument('src')
    f.add_argument('dst')
    e = sub.add_parser('expose')
    e.add_argument('src')
    e.add_argument('dst')
    q = sub.add_parser('quantize')
    q.add_argument('src')
    q.add_argument('ranges')
    q.add_argument('dst')
    q.add_argument('--range', default='minmax', choices=['minmax', 'p0.01', 'p0.1', 'p1'])
    q.add_argument('--fp32', default='', help='comma-separated: first, head, depthwise, all (no Conv quantized)')
    q.add_argument('--simplify', default='all', choices=['all', 'hardswish', 'none'],
                   help='all: fold the affines into the Convs and fuse HardSwish; hardswish: only fuse HardSwish; none: neither')
    args = parser.parse_args()
    if args.command == 'fuse':
        fuse(args.src, args.dst)
    elif args.command == 'expose':
        expose(args.src, args.dst)
    else:
        quantize(args.src, args.ranges, args.dst, args.range, {p for p in args.fp32.split(',') if p}, args.simplify)


if __name__ == '__main__':
    sys.exit(main())
