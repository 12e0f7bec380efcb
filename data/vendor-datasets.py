#!/usr/bin/python3
"""Regenerates the small data sets vendored into the examples module from Debian packages.

  sudo apt-get install dataset-fashion-mnist python3-sklearn python3-numpy
  data/vendor-datasets.py

Writes, under examples/src/main/resources/org/nnwiki/examples/data/:
  fashion-{train,test}-{images,labels}.idx.gz  the first 300 (train) / 100 (test) images of each of
                                               the 10 Fashion-MNIST classes, in the original order
  digits.csv.gz                                scikit-learn's 8x8 digits (1797 rows: 64 pixels, label)
The output is byte-for-byte reproducible (gzip without a timestamp).
"""
import gzip, os, shutil, struct

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "examples/src/main/resources/org/nnwiki/examples/data")
FASHION = "/usr/share/datasets/fashion-mnist"
DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, dtype, dims = struct.unpack(">HBB", data[:4])
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def write_idx(path, array):
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(header + array.astype(np.uint8).tobytes())


def subset(images, labels, per_class):
    keep = np.concatenate([np.flatnonzero(labels == c)[:per_class] for c in range(10)])
    keep.sort()  # original order, classes interleaved
    return images[keep], labels[keep]


os.makedirs(OUT, exist_ok=True)
for split, prefix, per_class in (("train", "train", 300), ("test", "t10k", 100)):
    images = read_idx(f"{FASHION}/{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(f"{FASHION}/{prefix}-labels-idx1-ubyte.gz")
    x, y = subset(images, labels, per_class)
    write_idx(f"{OUT}/fashion-{split}-images.idx.gz", x)
    write_idx(f"{OUT}/fashion-{split}-labels.idx.gz", y)
    print(f"fashion {split}: {len(y)} images, {np.bincount(y).tolist()} per class")
shutil.copyfile(DIGITS, f"{OUT}/digits.csv.gz")
print("digits: copied", DIGITS)
