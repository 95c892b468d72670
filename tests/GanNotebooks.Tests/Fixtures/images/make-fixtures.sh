#!/usr/bin/env bash
# Writes the image-folder fixtures with ImageMagick (Debian's imagemagick), a writer independent of the kit:
#   bash tests/GanNotebooks.Tests/Fixtures/images/make-fixtures.sh
# good/: readable images in the modes a user's folder holds (the loader must read all of them);
# bad/: files it must skip with a reason (never crash, never half-load).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rm -rf good bad && mkdir -p good bad
convert -size 40x30 gradient:red-blue good/landscape-rgb.jpg                 # wider than tall: centre-cropped
convert -size 30x40 xc:'rgb(0,200,0)' good/portrait-green.png                 # taller than wide
convert -size 32x32 xc:'rgb(255,255,0)' -colorspace CMYK good/yellow-cmyk.jpg # CMYK JPEG
convert -size 32x32 xc:'rgb(128,64,32)' -depth 16 -define png:bit-depth=16 -define png:color-type=2 good/brown-16bit.png  # 16-bit RGB PNG
convert -size 32x32 xc:white -fill black -draw "rectangle 0,0 15,31" -define png:color-type=3 good/palette.png  # palette PNG
convert -size 32x32 xc:'rgba(255,0,0,0.5)' good/alpha-red.png                 # half-transparent red
convert -size 64x64 plasma:fractal -seed 3 good/plasma.jpg
: > bad/zero-bytes.jpg
printf 'this is not an image\n' > bad/notes.jpg
head -c 400 good/plasma.jpg > bad/truncated.jpg
