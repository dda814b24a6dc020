#!/usr/bin/env bash
# Entry point for a bare machine: installs the project-local toolchain (Node 24 + pnpm from the
# npm registry, never touching the system Node), installs dependencies, then runs a pnpm script.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_version=24.21.0
pnpm_version=12.21.0
toolchain="$root/.toolchain"

node_ok() { [ -x "$toolchain/node_modules/.bin/node" ] && [ "$("$toolchain/node_modules/.bin/node" --version 2>/dev/null)" = "v$node_version" ]; }
pnpm_ok() { [ -x "$toolchain/node_modules/.bin/pnpm" ] && [ "$(PATH="$toolchain/node_modules/.bin:$PATH" pnpm --version 2>/dev/null)" = "$pnpm_version" ]; }

if ! node_ok || ! pnpm_ok; then
  echo "› installing Node $node_version and pnpm $pnpm_version into .toolchain/" >&2
  mkdir -p "$toolchain"
  [ -f "$toolchain/package.json" ] || echo '{"name":"toolchain","private":true}' > "$toolchain/package.json"
  npm install --prefix "$toolchain" --no-audit --no-fund --loglevel=error \
    "node@$node_version" "pnpm@$pnpm_version" >&2
fi
export PATH="$toolchain/node_modules/.bin:$PATH"

# The GraphiQL test drives a real browser: Debian's Chromium, installed like the toolchain when missing.
if [ "${1:-}" = "test:all" ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "› installing Debian's chromium (for the GraphiQL browser test)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "› the GraphiQL browser test needs Chromium: apt-get install chromium, or set CHROMIUM_PATH" >&2
  fi
fi
export XDG_DATA_HOME="${XDG_DATA_HOME:-$root/.cache}"

cd "$root"
# Cheap when nothing changed; keeps a fresh clone and a pulled branch in step with the lockfile.
if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile --reporter=silent >&2
else pnpm install --reporter=silent >&2; fi
exec pnpm --silent run "$@"
