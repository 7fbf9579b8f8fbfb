#!/usr/bin/env bash
# Fetches axe-core (the accessibility rules the browser tests run in Chromium) into target/axe at build time.
# Nothing of it is committed. Without npm the browser tests skip the accessibility check (CI installs npm
# and sets TONGBAN_REQUIRE_BROWSER=true, which makes a missing axe-core a failure there).
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.10.3
dir=target/axe
if [ -f "$dir/axe.min.js" ] && [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "axe-core.sh: npm not found, the browser tests cannot check accessibility (apt-get install -y nodejs npm)" >&2
  exit 0
fi
mkdir -p "$dir"
# offline, a local build goes on without the check; CI (TONGBAN_REQUIRE_BROWSER=true) stops here
if ! tarball=$(cd "$dir" && timeout 180 npm pack --silent --fetch-retries=1 "axe-core@${version}" | tail -1) \
    || [ ! -f "$dir/$tarball" ]; then
  echo "axe-core.sh: could not fetch axe-core@${version} from the npm registry" >&2
  [ "${TONGBAN_REQUIRE_BROWSER:-}" = "true" ] && exit 1
  exit 0
fi
tar -xzf "$dir/$tarball" -C "$dir" package/axe.min.js package/LICENSE
mv "$dir/package/axe.min.js" "$dir/axe.min.js"
mv "$dir/package/LICENSE" "$dir/LICENSE"
rm -rf "$dir/package" "$dir/$tarball"
echo "$version" > "$dir/VERSION"
