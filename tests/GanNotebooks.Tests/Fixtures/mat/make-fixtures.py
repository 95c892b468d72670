#!/usr/bin/python3
# Writes the .mat fixtures with SciPy (Debian's python3-scipy), a writer independent of the kit:
#   /usr/bin/python3 tests/GanNotebooks.Tests/Fixtures/mat/make-fixtures.py
# svhn-like.mat / svhn-like-compressed.mat: X uint8 [32, 32, 3, 6] with X[r, c, ch, n] = (r + 2c + 50ch + 7n) % 256,
# y double [6, 1] = 1, 2, 3, 10, 5, 6 (SVHN writes the digit 0 as 10), plus a struct and a string the reader skips.
import os
import numpy as np
import scipy.io

here = os.path.dirname(os.path.abspath(__file__))
r, c, ch, n = np.meshgrid(np.arange(32), np.arange(32), np.arange(3), np.arange(6), indexing="ij")
X = ((r + 2 * c + 50 * ch + 7 * n) % 256).astype(np.uint8)
y = np.array([[1], [2], [3], [10], [5], [6]], dtype=np.float64)
extra = {"note": "fixture", "meta": {"a": np.array([1.0, 2.0])}}
scipy.io.savemat(os.path.join(here, "svhn-like.mat"), {"X": X, "y": y, **extra}, do_compression=False)
scipy.io.savemat(os.path.join(here, "svhn-like-compressed.mat"), {"X": X, "y": y, **extra}, do_compression=True)
scipy.io.savemat(os.path.join(here, "labels-only.mat"), {"y": y}, do_compression=False)
