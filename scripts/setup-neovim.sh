#!/usr/bin/env bash
# Installs Debian's Neovim (0.7.2 on bookworm) for the second-editor test (test/neovim/): the
# bundled server driven by Neovim's built-in LSP client. Idempotent: nothing to do when `nvim`
# is already on the PATH. Needs root (or sudo) for apt-get; exits non-zero when it cannot
# install, and the CI then runs without the Neovim test (it reports itself skipped).
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
  echo "setup-neovim: $(nvim --version | head -n 1) is already installed"
  exit 0
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-neovim: need root or sudo to run apt-get" >&2; exit 1; }
  SUDO=(sudo -n)
fi
command -v apt-get >/dev/null 2>&1 || { echo "setup-neovim: apt-get not found (not a Debian-like system)" >&2; exit 1; }

echo "setup-neovim: apt-get update, then apt-get install neovim"
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends neovim
echo "setup-neovim: $(nvim --version | head -n 1) installed"
