#!/usr/bin/python3
"""html_compare.py - compares a browser screenshot with its golden PNG.

    html_compare.py ACTUAL.png GOLDEN.png KEEP_DIR

Same size, and within a tolerance that absorbs anti-aliasing differences but
not a changed layout: the mean difference per channel at most 1.5 (of 255)
and at most 0.5 % of the pixels off by more than 64 in any channel. On a
mismatch the actual image and a difference image are kept in KEEP_DIR and
the exit status is 1. LIS_UPDATE_GOLDEN=1 writes the golden instead.
"""
import os
import shutil
import sys

from PIL import Image, ImageChops

actual, golden, keep = sys.argv[1:4]
name = os.path.basename(golden)
if os.environ.get("LIS_UPDATE_GOLDEN") == "1":
    shutil.copyfile(actual, golden)
    print(f"updated {golden}")
    sys.exit(0)
a = Image.open(actual).convert("RGB")
g = Image.open(golden).convert("RGB")


def keep_actual(diff=None):
    os.makedirs(keep, exist_ok=True)
    shutil.copyfile(actual, os.path.join(keep, name))
    if diff is not None:
        diff.save(os.path.join(keep, name.replace(".png", "-diff.png")))


if a.size != g.size:
    keep_actual()
    print(f"{name}: size {a.size}, golden {g.size} (actual kept in {keep})")
    sys.exit(1)
diff = ImageChops.difference(a, g)
hist = diff.histogram()  # 3 x 256 bins
pixels = a.size[0] * a.size[1]
mean = sum(i % 256 * n for i, n in enumerate(hist)) / (3 * pixels)
# pixels off by more than 64 in some channel
big = sum(1 for p in diff.getdata() if max(p) > 64)
if mean > 1.5 or big > 0.005 * pixels:
    keep_actual(diff.point(lambda v: 255 if v > 64 else v * 3))
    print(f"{name}: mean difference {mean:.3f}, {big} of {pixels} pixels off "
          f"(actual and diff kept in {keep})")
    sys.exit(1)
print(f"{name}: mean difference {mean:.3f}, {big} pixels off: within tolerance")
