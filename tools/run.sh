#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:8080 (Ctrl+C stops).
#   tools/run.sh [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=8080
if [ "${1:-}" = "--port" ]; then PORT="$2"; fi
tools/setup.sh
export NODE_PATH=/usr/share/nodejs
BUILD=build/web
if [ ! -f "$BUILD/CMakeCache.txt" ]; then emcmake cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release; fi
cmake --build "$BUILD" -j2 --target lifecycle_studio_site
echo
echo "Lifecycle Studio: http://127.0.0.1:$PORT/   (Ctrl+C stops)"
exec /usr/bin/python3 tools/serve.py --port "$PORT" --dir "$BUILD/site"
