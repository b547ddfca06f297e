#!/usr/bin/env bash
# The two commands of the README:
#   npm start   set up, then run the emulator, Storybook and the demo on loopback
#   npm test    set up, then every check: typecheck, lint + format, unit, browser and story tests, build, size
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
case "${1:-}" in
  start)
    . scripts/setup.sh
    exec pnpm run dev
    ;;
  test)
    WITH_CHROMIUM=1 . scripts/setup.sh
    exec pnpm run check
    ;;
  *)
    echo "usage: scripts/run.sh start|test" >&2
    exit 2
    ;;
esac
