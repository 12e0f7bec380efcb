"""Prints one table from bench/run's three result files: nnwiki, the reference on 1 thread and on 2.

For sgemm the reference is numpy on 2 threads (what the target compares against); for training
steps it is PyTorch at its better thread setting. ratio = nnwiki time / reference time (lower is
better; below 1 means nnwiki is faster).
"""
import sys


def read(path):
    rows = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            rows[parts[0]] = (float(parts[1]), parts[2] if len(parts) > 2 else "")
    return rows


def main():
    ours, ref1, ref2 = (read(p) for p in sys.argv[1:4])
    print(f"{'workload':32} {'nnwiki ms':>10} {'ref 1t ms':>10} {'ref 2t ms':>10} {'ratio':>7}  note")
    for name, (ms, gf) in ours.items():
        r1 = ref1.get(name, (float("nan"), ""))[0]
        r2 = ref2.get(name, (float("nan"), ""))[0]
        if name.startswith("sgemm"):
            ref = r2
            note = f"{gf} vs {ref2.get(name, (0, '?'))[1]} GFLOP/s (numpy, 2 threads)"
        else:
            ref = min(r1, r2)
            note = "PyTorch best of 1 and 2 threads"
        print(f"{name:32} {ms:10.3f} {r1:10.3f} {r2:10.3f} {ms / ref:7.2f}  {note}")


if __name__ == "__main__":
    main()
