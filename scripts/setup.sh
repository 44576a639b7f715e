#!/usr/bin/env bash
# Installs the Debian packages Vigil's tests and tools need, when they are missing.
# Idempotent: does nothing when everything is present. Needs root (or sudo) the first time.
set -euo pipefail

PACKAGES=(
  python3-nbclient python3-nbconvert jupyter-client   # notebooks in the real Deno kernel
  jupyter-notebook                                    # `deno task jupyter` (classic notebook front end)
  prometheus prometheus-alertmanager                  # promtool, end-to-end scrape test, amtool
  chromium                                            # the exporter's status page in a real browser
)
if [[ "${VIGIL_SETUP_BENCH:-0}" == "1" ]]; then
  # Peers for the side-by-side comparisons (scripts/compare_*.ts) and golden-value generation.
  PACKAGES+=(python3-numpy python3-scipy python3-sklearn python3-pandas python3-prometheus-client wrk
    python3-fastapi python3-uvicorn)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: missing Debian packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
