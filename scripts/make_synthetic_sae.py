#!/usr/bin/env python3
"""Write a deterministic synthetic SAE checkpoint (safetensors) for benchmarks.

Default: GPT-2-small sized, 24,576 features x d_model 768, F32, canonical keys
W_enc (d, n), b_enc (n), W_dec (n, d), b_dec (d) — about 151 MB. The file goes
to the path given on the command line (never into the repository).

    python3 scripts/make_synthetic_sae.py /tmp/gpt2_small_sae.safetensors
    python3 scripts/make_synthetic_sae.py out.safetensors --features 4096 --d-model 512 --dtype BF16

Values depend only on (seed, tensor, element index): element k of a tensor is
a SplitMix64 hash of (seed, tensor id, k) mapped to [-1, 1) and scaled by
1/sqrt(d_model). W_dec rows come in groups of `--group-size` features sharing
a random direction plus per-feature noise (`--noise`), so cosine clusters exist.
numpy is used when available (fast); the pure-Python fallback writes the same
bytes, slowly. The layout is that of safetensors' `save_file`: tensors sorted
by name, compact header padded with spaces to a multiple of 8, no metadata.
"""
import argparse
import json
import math
import struct
import sys

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
TENSOR_IDS = {"W_dec": 1, "W_enc": 2, "b_dec": 3, "b_enc": 4, "directions": 5}


def _splitmix_py(x):
    x = (x + GOLDEN) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def _uniform_py(seed, tensor, count):
    """count floats in [-1, 1) (float64) for (seed, tensor)."""
    base = ((seed & 0xFFFFFFFF) << 32) | (TENSOR_IDS[tensor] << 24)
    out = []
    for k in range(count):
        h = _splitmix_py((base + k * GOLDEN) & MASK)
        out.append((h >> 11) * (2.0 ** -53) * 2.0 - 1.0)
    return out


def _uniform_np(np, seed, tensor, count):
    base = np.uint64((((seed & 0xFFFFFFFF) << 32) | (TENSOR_IDS[tensor] << 24)) & MASK)
    with np.errstate(over="ignore"):
        x = base + np.arange(count, dtype=np.uint64) * np.uint64(GOLDEN)
        x = x + np.uint64(GOLDEN)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) * (2.0 ** -53) * 2.0 - 1.0


def _to_f32_bits(value):
    return struct.unpack("<I", struct.pack("<f", value))[0]


def _encode_py(values, dtype):
    if dtype == "F32":
        return struct.pack("<%df" % len(values), *values)
    if dtype == "F64":
        return struct.pack("<%dd" % len(values), *values)
    if dtype == "F16":
        return struct.pack("<%de" % len(values), *values)
    # BF16: round-to-nearest-even from the float32 value.
    out = bytearray()
    for v in values:
        b = _to_f32_bits(v)
        b = (b + 0x7FFF + ((b >> 16) & 1)) >> 16
        out += struct.pack("<H", b & 0xFFFF)
    return bytes(out)


def _encode_np(np, values, dtype):
    if dtype == "F32":
        return values.astype("<f4").tobytes()
    if dtype == "F64":
        return values.astype("<f8").tobytes()
    if dtype == "F16":
        return values.astype("<f2").tobytes()
    b = values.astype("<f4").view("<u4").astype(np.uint64)
    b = (b + np.uint64(0x7FFF) + ((b >> np.uint64(16)) & np.uint64(1))) >> np.uint64(16)
    return b.astype("<u2").tobytes()


def build(n, d, seed, group_size, noise, dtype):
    """Returns {name: (shape, bytes)}."""
    scale = 1.0 / math.sqrt(d)
    try:
        import numpy as np
    except ImportError:
        np = None
    n_groups = (n + group_size - 1) // group_size
    if np is not None:
        # Computed in float64, rounded once to float32 (then to the target dtype).
        dirs = _uniform_np(np, seed, "directions", n_groups * d).reshape(n_groups, d)
        own = _uniform_np(np, seed, "W_dec", n * d).reshape(n, d)
        w_dec = (dirs[np.arange(n) // group_size] + noise * own) * scale
        w_dec = w_dec.astype(np.float32).astype(np.float64)
        w_enc = (_uniform_np(np, seed, "W_enc", d * n) * scale).astype(np.float32).astype(np.float64)
        b_enc = (_uniform_np(np, seed, "b_enc", n) * 0.01).astype(np.float32).astype(np.float64)
        b_dec = (_uniform_np(np, seed, "b_dec", d) * 0.01).astype(np.float32).astype(np.float64)
        enc = lambda v: _encode_np(np, v.ravel(), dtype)  # noqa: E731
    else:
        dirs = _uniform_py(seed, "directions", n_groups * d)
        own = _uniform_py(seed, "W_dec", n * d)
        f32 = lambda v: struct.unpack("<f", struct.pack("<f", v))[0]  # noqa: E731
        w_dec = [f32((dirs[(i // group_size) * d + j] + noise * own[i * d + j]) * scale)
                 for i in range(n) for j in range(d)]
        w_enc = [f32(v * scale) for v in _uniform_py(seed, "W_enc", d * n)]
        b_enc = [f32(v * 0.01) for v in _uniform_py(seed, "b_enc", n)]
        b_dec = [f32(v * 0.01) for v in _uniform_py(seed, "b_dec", d)]
        enc = lambda v: _encode_py(v, dtype)  # noqa: E731
    return {
        "W_dec": ([n, d], enc(w_dec)),
        "W_enc": ([d, n], enc(w_enc)),
        "b_dec": ([d], enc(b_dec)),
        "b_enc": ([n], enc(b_enc)),
    }


def write_safetensors(path, tensors, dtype):
    header = {}
    offset = 0
    for name in sorted(tensors):
        shape, data = tensors[name]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in sorted(tensors):
            f.write(tensors[name][1])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("output", help="where to write the .safetensors file")
    p.add_argument("--features", type=int, default=24576)
    p.add_argument("--d-model", type=int, default=768)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--group-size", type=int, default=8, help="features sharing one direction (default 8)")
    p.add_argument("--noise", type=float, default=0.5, help="per-feature noise relative to the shared direction")
    p.add_argument("--dtype", choices=["F32", "F16", "BF16", "F64"], default="F32")
    args = p.parse_args(argv)
    if args.features < 1 or args.d_model < 1 or args.group_size < 1:
        p.error("--features, --d-model and --group-size must be positive")
    tensors = build(args.features, args.d_model, args.seed, args.group_size, args.noise, args.dtype)
    write_safetensors(args.output, tensors, args.dtype)
    size = sum(len(t[1]) for t in tensors.values())
    print("wrote %s: %d features x d_model %d, %s, %d data bytes"
          % (args.output, args.features, args.d_model, args.dtype, size), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
