#!/usr/bin/python3
"""The benchmark's PyTorch peer: mlptrain's experiment, written the way a
PyTorch user would, with the same semantics (../shared/SEMANTICS.md section 2):

- data: the same CSV mlptrain trains on (written by ./circles, bit-identical
  to scikit-learn's make_circles + MinMaxScaler), first --train rows train;
- Dense layers, biases 0, he_uniform / glorot_uniform / uniform:A:B kernels;
- binary cross-entropy from the logit (BCEWithLogitsLoss, mean over the batch);
- Keras's momentum update v = m v - lr g, w = w + v (written out, not
  torch.optim.SGD, whose buffer is scaled differently);
- batch 32, a fresh shuffle every epoch, the smaller last batch kept;
- per-epoch metrics (loss and accuracy before each update) and validation.

One thread (torch.set_num_threads(1)), float64 by default (as mlptrain) or
float32 (--dtype float32, as Keras).  Prints "Train: A, Test: B" and
"seconds: S", where S is the wall time of building and training the model
and the final evaluation (not Python's start-up or `import torch`).
"""
import argparse
import math
import subprocess
import sys
import tempfile
import time

import torch


def parse_init(spec):
    if spec.startswith("uniform:"):
        _, a, b = spec.split(":")
        return ("uniform", float(a), float(b))
    if spec in ("he_uniform", "glorot_uniform"):
        return (spec, 0.0, 0.0)
    sys.exit(f"torch_peer: --init {spec}: only he_uniform, glorot_uniform, uniform:A:B")


def init_kernel(w, spec, gen):
    kind, a, b = spec
    fan_out, fan_in = w.shape  # torch stores Linear weights as out x in
    if kind == "he_uniform":
        lim = math.sqrt(6.0 / fan_in)
        a, b = -lim, lim
    elif kind == "glorot_uniform":
        lim = math.sqrt(6.0 / (fan_in + fan_out))
        a, b = -lim, lim
    with torch.no_grad():
        w.uniform_(a, b, generator=gen)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--act", default="relu6", choices=["relu6", "relu", "tanh"])
    p.add_argument("--layers", type=int, default=11)
    p.add_argument("--units", type=int, default=5)
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--samples", type=int, default=600)
    p.add_argument("--train", type=int, default=500)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data-seed", type=int, default=1)
    p.add_argument("--init", default=None)
    p.add_argument("--out-init", default="glorot_uniform")
    p.add_argument("--csv", default=None, help="per-epoch history (CSVLogger format)")
    p.add_argument("--dtype", default="float64", choices=["float64", "float32"])
    p.add_argument("--circles", default="./circles", help="the circles binary")
    args = p.parse_args()

    torch.set_num_threads(1)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    with tempfile.NamedTemporaryFile(suffix=".csv") as f:
        subprocess.run([args.circles, "--samples", str(args.samples), "--seed",
                        str(args.data_seed), "-o", f.name], check=True)
        rows = [line.split(",") for line in open(f.name).read().split("\n")[1:] if line]
    X = torch.tensor([[float(r[0]), float(r[1])] for r in rows], dtype=dtype)
    Y = torch.tensor([float(r[2]) for r in rows], dtype=dtype)
    xtr, ytr, xte, yte = X[:args.train], Y[:args.train], X[args.train:], Y[args.train:]

    t0 = time.perf_counter()
    gen = torch.Generator().manual_seed(args.seed)
    hidden_init = parse_init(args.init or ("he_uniform" if args.act.startswith("relu")
                                           else "glorot_uniform"))
    act = {"relu6": torch.nn.ReLU6, "relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[args.act]
    layers, width = [], 2
    for _ in range(args.layers):
        lin = torch.nn.Linear(width, args.units).to(dtype)
        init_kernel(lin.weight, hidden_init, gen)
        torch.nn.init.zeros_(lin.bias)
        layers += [lin, act()]
        width = args.units
    out = torch.nn.Linear(width, 1).to(dtype)
    init_kernel(out.weight, parse_init(args.out_init), gen)
    torch.nn.init.zeros_(out.bias)
    model = torch.nn.Sequential(*layers, out)
    params = list(model.parameters())
    vel = [torch.zeros_like(q) for q in params]
    lossf = torch.nn.BCEWithLogitsLoss()

    hist = open(args.csv, "w") if args.csv else None
    if hist:
        hist.write("epoch,accuracy,loss,val_accuracy,val_loss\n")
    n = len(xtr)
    for epoch in range(args.epochs):
        perm = torch.randperm(n, generator=gen)
        loss_sum, correct = 0.0, 0
        for first in range(0, n, args.batch):
            idx = perm[first:first + args.batch]
            xb, yb = xtr[idx], ytr[idx]
            z = model(xb).squeeze(1)
            loss = lossf(z, yb)
            model.zero_grad(set_to_none=True)
            loss.backward()
            with torch.no_grad():
                loss_sum += loss.item() * len(idx)
                correct += int(((z > 0) == (yb > 0.5)).sum())
                for q, v in zip(params, vel):
                    v.mul_(args.momentum).sub_(q.grad, alpha=args.lr)
                    q.add_(v)
        with torch.no_grad():
            zv = model(xte).squeeze(1)
            vl = lossf(zv, yte).item()
            va = float(((zv > 0) == (yte > 0.5)).to(dtype).mean())
        if hist:
            hist.write(f"{epoch},{correct / n!r},{loss_sum / n!r},{va!r},{vl!r}\n")
            hist.flush()
    with torch.no_grad():
        tr = float(((model(xtr).squeeze(1) > 0) == (ytr > 0.5)).to(dtype).mean())
        te = float(((model(xte).squeeze(1) > 0) == (yte > 0.5)).to(dtype).mean())
    seconds = time.perf_counter() - t0
    if hist:
        hist.close()
    print(f"Train: {tr:.3f}, Test: {te:.3f}")
    print(f"seconds: {seconds:.3f}")


if __name__ == "__main__":
    main()
