#!/usr/bin/env bash
# Installs a real VS Code (code-server, VS Code 1.99.3) plus Debian's Chromium and
# playwright-core into .vscode-test/code-server/ so e2e tests and screenshots can run on
# machines that cannot download desktop VS Code. See docs/dev/real-vscode.md.
#
# Idempotent: every step checks whether its result is already there (stamp files in
# .vscode-test/code-server/.stamps/), so a second run takes a few seconds.
#
# Env overrides:
#   CODE_SERVER_DIR   install folder (default: <repo>/.vscode-test/code-server)
#   SKIP_APT=1        do not check/install Debian packages
#   FORCE=1           wipe the install folder and start again
set -euo pipefail

CODE_SERVER_VERSION=4.99.4        # newest code-server whose engines.node is 20; VS Code 1.99.3
PLAYWRIGHT_CORE_VERSION=1.65.1
# Debian packages: chromium (browser), libkrb5-dev (kerberos native module), ripgrep (replaces
# @vscode/ripgrep's GitHub download), fonts (chromium only *recommends* them; without fonts the
# workbench text renders as boxes), toolchain for node-gyp (normally already present), git
# (VS Code's built-in git extension looks for it).
APT_PACKAGES=(chromium fonts-liberation fonts-dejavu-core libkrb5-dev ripgrep
  python3 make g++ pkg-config git ca-certificates)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
STAMPS="$DEST/.stamps"
VSCODE_DIR="$DEST/node_modules/code-server/lib/vscode"
START=$(date +%s)

step() { printf '\n==> [%3ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\nsetup-code-server: ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && printf "\nsetup-code-server: FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

have_stamp() { [ -f "$STAMPS/$1" ]; }
put_stamp() { mkdir -p "$STAMPS"; date -u +%FT%TZ > "$STAMPS/$1"; }

# ---------------------------------------------------------------- preconditions
command -v node >/dev/null || die "node is not on PATH (need Node.js 20)"
command -v npm >/dev/null || die "npm is not on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || die "code-server@$CODE_SERVER_VERSION needs Node 20 (engines.node), found $(node --version)"

# ---------------------------------------------------------------- Node headers for node-gyp
# The native rebuilds below compile against Node's headers. Left to itself node-gyp downloads them
# (which fails on a machine that reaches only the package registries), unless an npm config says
# `nodedir`. So find the headers of the node that runs this script and say so in the environment,
# relying on nobody's ~/.npmrc: Node's own tarball and Debian/NodeSource's nodejs package put them
# in <prefix>/include/node (Debian's own nodejs puts them there through libnode-dev).
node_headers_dir() {
  local prefix
  prefix="$(dirname "$(dirname "$(readlink -f "$(node -p 'process.execPath')")")")"
  if [ -f "$prefix/include/node/node.h" ] && [ -f "$prefix/include/node/common.gypi" ]; then
    echo "$prefix"
  fi
}
NODEDIR="${npm_config_nodedir:-}"
if [ -n "$NODEDIR" ] && [ ! -f "$NODEDIR/include/node/node.h" ]; then
  die "npm_config_nodedir=$NODEDIR has no include/node/node.h; unset it or point it at Node's headers"
fi
[ -n "$NODEDIR" ] || NODEDIR="$(node_headers_dir)"
NEED_NODE_HEADERS=0
[ -n "$NODEDIR" ] || NEED_NODE_HEADERS=1

if [ "${FORCE:-0}" = 1 ]; then
  step "FORCE=1: removing $DEST"
  rm -rf "$DEST"
fi
mkdir -p "$DEST"

# ---------------------------------------------------------------- 1. Debian packages
if [ "${SKIP_APT:-0}" = 1 ]; then
  step "Debian packages: skipped (SKIP_APT=1)"
else
  step "Debian packages: ${APT_PACKAGES[*]}"
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ "$NEED_NODE_HEADERS" = 1 ]; then
    # Node's headers are not beside this node: Debian's own nodejs keeps them in libnode-dev.
    info "Node's headers are not beside $(node -p 'process.execPath'): adding libnode-dev"
    missing+=(libnode-dev)
  fi
  if [ ${#missing[@]} -eq 0 ]; then
    info "all installed"
  else
    info "missing: ${missing[*]}"
    SUDO=()
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: ${missing[*]}"
      SUDO=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    info "apt-get update"
    "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
    info "apt-get install -y --no-install-recommends ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$DEST/apt.log" 2>&1 \
      || { tail -30 "$DEST/apt.log" >&2; die "apt-get install failed (full log: $DEST/apt.log)"; }
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
  [ -x /usr/bin/rg ] || die "/usr/bin/rg missing after install"
  [ -n "$NODEDIR" ] || NODEDIR="$(node_headers_dir)"
fi
[ -n "$NODEDIR" ] || die "cannot find Node's headers (include/node/node.h) for $(node --version) at $(node -p 'process.execPath'); install the headers that match this node (Debian: libnode-dev) or set npm_config_nodedir to the folder that holds include/node"
# Every npm below (and node-gyp under it, also through node-pty's `npx node-gyp`) reads this.
export npm_config_nodedir="$NODEDIR"
step "node-gyp: Node $(node --version) headers from $NODEDIR/include/node (npm_config_nodedir)"
RG="$(command -v rg || true)"
[ -n "$RG" ] || die "ripgrep (rg) not found; install Debian's ripgrep"

# ---------------------------------------------------------------- 2. npm packages (no scripts)
NPM_FLAGS=(--no-audit --no-fund --loglevel=error)
# A version change (edit of this script) starts the install over.
VERSIONS_ID="code-server-$CODE_SERVER_VERSION+playwright-core-$PLAYWRIGHT_CORE_VERSION"
if [ -d "$STAMPS" ] && ! have_stamp "npm-install.$VERSIONS_ID"; then
  if ls "$STAMPS"/npm-install.* >/dev/null 2>&1; then
    step "versions changed: removing old install"
    rm -rf "$DEST/node_modules" "$DEST/package-lock.json" "$STAMPS"
  fi
fi

step "npm install --ignore-scripts code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION"
if have_stamp "npm-install.$VERSIONS_ID" && [ -f "$DEST/node_modules/code-server/out/node/entry.js" ] \
   && [ -f "$DEST/node_modules/playwright-core/package.json" ]; then
  info "already installed"
else
  # Our own package.json so npm does not walk up and install into the repo.
  cat > "$DEST/package.json" <<EOF
{
  "name": "trustline-code-server",
  "private": true,
  "description": "Real VS Code for e2e tests; installed by scripts/setup-code-server.sh (not part of the extension)",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
  rm -f "$STAMPS/vscode-deps" "$STAMPS/vscode-rebuild" "$STAMPS/argon2-rebuild"  # later steps must redo
  (cd "$DEST" && npm install --ignore-scripts "${NPM_FLAGS[@]}") || die "npm install of code-server/playwright-core failed"
  put_stamp "npm-install.$VERSIONS_ID"
fi
[ -d "$VSCODE_DIR" ] || die "$VSCODE_DIR missing: the code-server package looks incomplete"

# ---------------------------------------------------------------- 3. VS Code's own dependencies
step "VS Code dependencies (lib/vscode: npm install --omit=dev --ignore-scripts)"
if have_stamp vscode-deps && [ -d "$VSCODE_DIR/node_modules/@vscode/ripgrep" ] && [ -d "$VSCODE_DIR/node_modules/node-pty" ]; then
  info "already installed"
else
  rm -f "$STAMPS/vscode-rebuild"
  (cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts "${NPM_FLAGS[@]}") \
    || die "npm install in lib/vscode failed"
  put_stamp vscode-deps
fi

# ---------------------------------------------------------------- 4. ripgrep link
step "ripgrep: link Debian's rg into @vscode/ripgrep (its install script would download from GitHub)"
RG_DIR="$VSCODE_DIR/node_modules/@vscode/ripgrep"
[ -d "$RG_DIR" ] || die "$RG_DIR missing"
mkdir -p "$RG_DIR/bin"
ln -sfn "$RG" "$RG_DIR/bin/rg"
info "$RG_DIR/bin/rg -> $RG"

# ---------------------------------------------------------------- 5. native modules
step "native modules: npm rebuild in lib/vscode (node-pty, spdlog, kerberos, watcher, ...)"
if have_stamp vscode-rebuild; then
  info "already built"
else
  info "this takes a few minutes on 2 cores; log: $DEST/rebuild-vscode.log"
  (cd "$VSCODE_DIR" && npm_config_yes=true npm_config_unsafe_perm=true npm rebuild >"$DEST/rebuild-vscode.log" 2>&1) \
    || { tail -40 "$DEST/rebuild-vscode.log" >&2; die "npm rebuild in lib/vscode failed (log: $DEST/rebuild-vscode.log)"; }
  put_stamp vscode-rebuild
fi
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"

step "native modules: npm rebuild argon2 (code-server's password hashing)"
if have_stamp argon2-rebuild; then
  info "already built"
else
  (cd "$DEST" && npm_config_yes=true npm_config_unsafe_perm=true npm rebuild argon2 >"$DEST/rebuild-argon2.log" 2>&1) \
    || { tail -40 "$DEST/rebuild-argon2.log" >&2; die "npm rebuild argon2 failed (log: $DEST/rebuild-argon2.log)"; }
  put_stamp argon2-rebuild
fi

# ---------------------------------------------------------------- 6. checks
step "checks"
# CODE_SERVER_CONFIG/XDG_DATA_HOME: keep code-server from writing ~/.config/code-server/config.yaml
# and ~/.local/share/code-server when it starts.
CS_OUT="$(CODE_SERVER_CONFIG="$DEST/config.yaml" XDG_DATA_HOME="$DEST/xdg-data" \
  node "$DEST/node_modules/code-server/out/node/entry.js" --version 2>&1 | grep -v ' info ')" \
  || die "code-server --version failed: $CS_OUT"
info "code-server: $(echo "$CS_OUT" | head -1)"
PW_OUT="$(cd "$DEST" && node -e 'console.log(require("playwright-core/package.json").version)' 2>&1)" \
  || die "playwright-core cannot be loaded: $PW_OUT"
info "playwright-core: $PW_OUT"
for m in node-pty @vscode/spdlog; do
  (cd "$VSCODE_DIR" && node -e "require('$m')" >/dev/null 2>&1) || die "native module $m does not load; delete $STAMPS/vscode-rebuild and re-run"
done
info "native modules load (node-pty, @vscode/spdlog)"
if [ -x /usr/bin/chromium ]; then
  info "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
else
  die "/usr/bin/chromium not found"
fi

step "done in $(( $(date +%s) - START ))s — code-server in $DEST"
