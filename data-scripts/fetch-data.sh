#!/usr/bin/env bash
# Fetches the data sets into $GAN_DATA_DIR (default <repo>/data): ./data-scripts/fetch-data.sh [mnist|fashion-mnist|all]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
cli="lib/GanNotebooks.Cli/bin/Release/net10.0/linux-x64/gan.dll"
if [[ ! -f "$cli" ]]; then
  echo "Building the gan command line (first run only)..."
  dotnet build lib/GanNotebooks.Cli -c Release -v q
fi
exec dotnet "$cli" data fetch "$@"
