#!/usr/bin/env python3
"""The PyTorch twin of the kit's training benchmark: the same networks, losses, optimizers and batch handling as
GanTrainer.TrainStep (tests/GanNotebooks.Benchmarks), timed with the same protocol. Prints one JSON object.

    gan_step.py --case mlp-b128 --data data/mnist --threads 2 --warmup 30 --repetitions 8 --iterations 20
    gan_step.py --matmul 2048 --threads 2
"""
import argparse
import gzip
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    """An IDX file (gzip or raw) as a numpy array; raises with the path on a bad header or size."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise SystemExit(f"{path}: not an IDX file of unsigned bytes")
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    offset = 4 + 4 * dims
    count = int(np.prod(shape))
    if len(data) - offset != count:
        raise SystemExit(f"{path}: expected {count} bytes of data after the header, found {len(data) - offset}")
    return np.frombuffer(data, dtype=np.uint8, offset=offset).reshape(shape)


class MlpGenerator(nn.Module):
    def __init__(self, latent=100, hidden=(256, 512, 1024), pixels=784):
        super().__init__()
        layers, width = [], latent
        for h in hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU(0.2), nn.BatchNorm1d(h, momentum=0.2)]
            width = h
        layers += [nn.Linear(width, pixels), nn.Tanh()]
        self.layers = nn.Sequential(*layers)

    def forward(self, z):
        return self.layers(z).view(-1, 1, 28, 28)


class MlpDiscriminator(nn.Module):
    def __init__(self, hidden=(512, 256), pixels=784):
        super().__init__()
        layers, width = [nn.Flatten()], pixels
        for h in hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU(0.2)]
            width = h
        layers += [nn.Linear(width, 1)]
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x).view(-1)


def dcgan_init(module):
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0, 0.02)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1, 0.02)
            nn.init.zeros_(m.bias)


class DcganGenerator(nn.Module):
    """28×28: z → 7×7 (2f maps) → 14×14 (f maps) → 28×28, as lib/GanNotebooks/Models/DcganGenerator.cs."""

    def __init__(self, latent=100, features=32):
        super().__init__()
        self.latent = latent
        self.layers = nn.Sequential(
            nn.ConvTranspose2d(latent, 2 * features, 7, 1, 0, bias=False), nn.BatchNorm2d(2 * features), nn.ReLU(),
            nn.ConvTranspose2d(2 * features, features, 4, 2, 1, bias=False), nn.BatchNorm2d(features), nn.ReLU(),
            nn.ConvTranspose2d(features, 1, 4, 2, 1, bias=False), nn.Tanh())
        dcgan_init(self)

    def forward(self, z):
        return self.layers(z.view(z.shape[0], self.latent, 1, 1))


class DcganDiscriminator(nn.Module):
    def __init__(self, features=32, extra_channels=0):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(1 + extra_channels, features, 4, 2, 1, bias=False), nn.LeakyReLU(0.2),
            nn.Conv2d(features, 2 * features, 4, 2, 1, bias=False), nn.BatchNorm2d(2 * features), nn.LeakyReLU(0.2),
            nn.Conv2d(2 * features, 1, 7, 1, 0, bias=False))
        dcgan_init(self)

    def forward(self, x):
        return self.layers(x).view(-1)


class ConditionalGenerator(nn.Module):
    def __init__(self, classes=10, latent=100, embedding=10, features=32):
        super().__init__()
        self.embedding = nn.Embedding(classes, embedding)
        self.body = DcganGenerator(latent + embedding, features)

    def forward(self, z, labels):
        return self.body(torch.cat([z, self.embedding(labels)], 1))


class ConditionalDiscriminator(nn.Module):
    def __init__(self, classes=10, features=32):
        super().__init__()
        self.classes = classes
        self.body = DcganDiscriminator(features, extra_channels=classes)

    def forward(self, x, labels):
        maps = F.one_hot(labels, self.classes).to(x.dtype).view(-1, self.classes, 1, 1).expand(-1, -1, x.shape[2], x.shape[3])
        return self.body(torch.cat([x, maps], 1))


# name: (batch, generator, discriminator, learning rate, real target, conditional) as BenchmarkCase.cs
CASES = {
    "mlp-b32": (32, MlpGenerator, MlpDiscriminator, 2e-4, 1.0, False),
    "mlp-b128": (128, MlpGenerator, MlpDiscriminator, 2e-4, 1.0, False),
    "dcgan-b64": (64, DcganGenerator, DcganDiscriminator, 1e-3, 0.9, False),
    "cgan-b64": (64, ConditionalGenerator, ConditionalDiscriminator, 2e-4, 0.9, True),
}


def training_step_factory(case, images, labels):
    batch, make_g, make_d, rate, real_target, conditional = CASES[case]
    g, d = make_g(), make_d()
    g.train()
    d.train()
    opt_g = torch.optim.Adam(g.parameters(), lr=rate, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=rate, betas=(0.5, 0.999))
    state = {"order": torch.randperm(images.shape[0]), "batch": 0}
    per_epoch = images.shape[0] // batch

    def step():
        if state["batch"] == per_epoch:
            state["order"], state["batch"] = torch.randperm(images.shape[0]), 0
        index = state["order"][state["batch"] * batch:(state["batch"] + 1) * batch]
        state["batch"] += 1
        real = images.index_select(0, index)
        real_labels = labels.index_select(0, index) if conditional else None
        fake_labels = torch.randint(0, 10, (batch,)) if conditional else None
        z = torch.randn(batch, 100)
        fake = g(z, fake_labels) if conditional else g(z)
        # D's update on the detached fake batch.
        opt_d.zero_grad(set_to_none=True)
        out_real = d(real, real_labels) if conditional else d(real)
        out_fake = d(fake.detach(), fake_labels) if conditional else d(fake.detach())
        loss_real = F.binary_cross_entropy_with_logits(out_real, torch.full_like(out_real, real_target))
        loss_fake = F.binary_cross_entropy_with_logits(out_fake, torch.zeros_like(out_fake))
        loss_d = loss_real + loss_fake
        if not np.isfinite(loss_d.item()):
            raise SystemExit("Loss_D is not finite")
        loss_d.backward()
        opt_d.step()
        # G's update through the updated D, D's weights frozen.
        opt_g.zero_grad(set_to_none=True)
        for p in d.parameters():
            p.requires_grad_(False)
        out = d(fake, fake_labels) if conditional else d(fake)
        loss_g = F.binary_cross_entropy_with_logits(out, torch.ones_like(out))
        if not np.isfinite(loss_g.item()):
            raise SystemExit("Loss_G is not finite")
        loss_g.backward()
        opt_g.step()
        for p in d.parameters():
            p.requires_grad_(True)
        return (loss_real.item(), loss_fake.item(), loss_g.item(),
                out_real.sigmoid().mean().item(), out_fake.sigmoid().mean().item(), out.sigmoid().mean().item())

    return step


def time_step(step, warmup, repetitions, iterations):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for _ in range(iterations):
            step()
        times.append((time.perf_counter() - start) * 1000 / iterations)
    return times


def matmul_gflops(n, repetitions=10):
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        torch.mm(a, b)
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - start)
    return [2 * n ** 3 / t / 1e9 for t in times]


def blas_library():
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if "blas" in line.lower() or "mkl" in line.lower()}
    return sorted(n for n in names if n.startswith("/"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--matmul", type=int, help="measure n×n float32 matrix multiplies instead")
    parser.add_argument("--data", help="folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--repetitions", type=int, default=8)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    result = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    if args.matmul:
        result["gflops"] = matmul_gflops(args.matmul)
    elif args.case:
        if not args.data:
            parser.error("--case needs --data")
        images = torch.from_numpy(read_idx(f"{args.data}/train-images-idx3-ubyte.gz").astype(np.float32))
        images = (images / 127.5 - 1).unsqueeze(1).contiguous()
        labels = torch.from_numpy(read_idx(f"{args.data}/train-labels-idx1-ubyte.gz").astype(np.int64))
        step = training_step_factory(args.case, images, labels)
        result["case"] = args.case
        result["ms_per_iteration"] = time_step(step, args.warmup, args.repetitions, args.iterations)
    else:
        parser.error("give --case or --matmul")
    result["blas"] = blas_library()
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
