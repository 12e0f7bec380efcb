"""The reference side of bench/run: the same workloads as org.nnwiki.examples.bench.Bench in numpy
(sgemm) and PyTorch (training steps), printed as `name <TAB> median ms <TAB> GFLOP/s`.

Usage: python3 bench/reference.py SECONDS THREADS
"""
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def median_ms(body, seconds):
    end = time.perf_counter() + seconds / 3
    while time.perf_counter() < end:
        body()
    times = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(times) < 5:
        t0 = time.perf_counter()
        body()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def classifier_step(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return step


class CharLSTM(nn.Module):
    def __init__(self, vocab=65, embed=32, hidden=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, ids):
        h, _ = self.lstm(self.emb(ids))
        return self.head(h)


class Block(nn.Module):
    """Pre-norm transformer layer with causal self-attention, as nnwiki's Transformer.EncoderLayer."""

    def __init__(self, d, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x, mask):
        h = self.norm1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.ff(self.norm2(x))


class CharTransformer(nn.Module):
    def __init__(self, vocab=65, d=64, heads=4, layers=2, t=64):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(t, d) * 0.02)
        self.blocks = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)
        self.register_buffer("mask", torch.triu(torch.ones(t, t, dtype=torch.bool), 1))

    def forward(self, ids):
        x = self.emb(ids) + self.pos[: ids.shape[1]]
        for b in self.blocks:
            x = b(x, self.mask)
        return self.head(self.norm(x))


def sequence_step(model, n, t, vocab=65):
    ids = torch.randint(0, vocab, (n, t))
    nxt = torch.randint(0, vocab, (n * t,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        loss = F.cross_entropy(model(ids).reshape(n * t, vocab), nxt)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return step


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    rng = np.random.default_rng(0)
    for n in (256, 512, 1024):
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        ms = median_ms(lambda: a @ b, seconds)
        print(f"sgemm_{n}\t{ms:.4f}\t{2 * n ** 3 / (ms * 1e6):.1f}")
    steps = {
        "a_mlp_2_64_64_2_b256": classifier_step(
            nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2)),
            torch.randn(256, 2), torch.randint(0, 2, (256,))),
        "b_mlp_784_256_128_10_b128": classifier_step(
            nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)),
            torch.randn(128, 784), torch.randint(0, 10, (128,))),
        "c_cnn_28x28_b64": classifier_step(
            nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(784, 10)),
            torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,))),
        "d_lstm_char_b32_t64": sequence_step(CharLSTM(), 32, 64),
        "e_transformer_char_b32_t64": sequence_step(CharTransformer(), 32, 64),
    }
    for name, step in steps.items():
        print(f"{name}\t{median_ms(step, seconds):.4f}\t")


if __name__ == "__main__":
    main()
