#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:8080 (Ctrl+C stops).
#   tools/run.sh [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8080
if [ "${1:-}" = "--port" ]; then PORT="$2"; fi
tools/setup.sh
# The web preset (CMakePresets.json) builds into build/web.
if [ ! -f build/web/CMakeCache.txt ]; then cmake --preset web; fi
cmake --build --preset web --target lifecycle_studio_site
echo
echo "Lifecycle Studio: http://127.0.0.1:$PORT/   (Ctrl+C stops)"
exec /usr/bin/python3 tools/serve.py --port "$PORT" --dir build/web/site
