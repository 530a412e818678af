#!/usr/bin/env bash
# One-time (idempotent) setup: Debian packages, Dear ImGui sources, npm packages, the UI font.
# Safe to rerun; does nothing slow when everything is already in place.
# Only Debian's apt and the npm registry are used: no emsdk, browser or other downloads (docs/toolchain.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# ---- 1. Debian packages (installed only when missing) ----
PACKAGES=(emscripten nlohmann-json3-dev doctest-dev cmake g++ chromium clang-14 libclang-rt-14-dev
          python3-fonttools fonts-wqy-microhei nodejs npm dpkg-dev xz-utils bzip2
          zlib1g-dev libminizip-dev libpugixml-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs/npm may come from elsewhere (e.g. a nodesource build); accept working commands.
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$p")
  fi
done
APT_UPDATED=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update
  APT_UPDATED=1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# ---- 2. Dear ImGui 1.86 sources from Debian's source package, into .deps/imgui (git-ignored) ----
# `apt-get source` needs a deb-src entry and a fresh package list (done once per run).
ensure_deb_src() {
  SRC_LIST=/etc/apt/sources.list.d/debian-src.sources
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/ ; then
    echo "setup: adding a deb-src entry ($SRC_LIST)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | $SUDO tee "$SRC_LIST" >/dev/null
    APT_UPDATED=0
  fi
  if [ "$APT_UPDATED" = 0 ]; then $SUDO apt-get update; APT_UPDATED=1; fi
}
IMGUI_DIR="$ROOT/.deps/imgui"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  ensure_deb_src
  mkdir -p "$ROOT/.deps/src"
  (cd "$ROOT/.deps/src" && ls imgui_1.86*.orig.tar.* >/dev/null 2>&1 || apt-get source --download-only imgui)
  tarball=$(ls "$ROOT"/.deps/src/imgui_1.86*.orig.tar.* | head -n1)
  tmp="$ROOT/.deps/imgui.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xf "$tarball" -C "$tmp"
  inner=$(dirname "$(find "$tmp" -maxdepth 2 -name imgui.cpp | head -n1)")
  rm -rf "$IMGUI_DIR" && mv "$inner" "$IMGUI_DIR" && rm -rf "$tmp"
  echo "setup: Dear ImGui sources in $IMGUI_DIR"
fi

# ---- 2b. zlib (with its contrib/minizip) and pugixml sources, for the web build of the .xlsx reader ----
# The native and fuzz builds link Debian's zlib1g-dev, libminizip-dev and libpugixml-dev; em++ needs the
# same code compiled to WASM (cmake/ZipXml.cmake), taken from the same Debian source packages.
fetch_source() {  # package, orig tarball glob, a file that proves the unpacked tree is there, target dir
  local pkg="$1" glob="$2" marker="$3" dir="$4"
  [ -f "$dir/$marker" ] && return 0
  ensure_deb_src
  mkdir -p "$ROOT/.deps/src"
  (cd "$ROOT/.deps/src" && ls $glob >/dev/null 2>&1 || apt-get source --download-only "$pkg")
  local tarball tmp inner
  tarball=$(ls "$ROOT"/.deps/src/$glob | head -n1)
  tmp="$dir.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xf "$tarball" -C "$tmp"
  inner=$(find "$tmp" -maxdepth 5 -path "*/$marker" | head -n1)
  [ -n "$inner" ] || { echo "setup: no $marker in $tarball" >&2; exit 1; }
  inner=${inner%/"$marker"}
  rm -rf "$dir" && mv "$inner" "$dir" && rm -rf "$tmp"
  echo "setup: $pkg sources in $dir"
}
fetch_source zlib 'zlib_1.2.13*.orig.tar.*' contrib/minizip/unzip.c "$ROOT/.deps/zlib"
fetch_source pugixml 'pugixml_1.13*.orig.tar.*' src/pugixml.cpp "$ROOT/.deps/pugixml"

# ---- 3. npm packages (playwright-core only; no browser download: Debian's chromium is used) ----
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  # Refuse a lock file that would fetch from anywhere but the npm registry.
  if grep -Eo '"resolved": *"[^"]*"' "$ROOT/package-lock.json" | grep -v '"https://registry.npmjs.org/' ; then
    echo "setup: package-lock.json has a download URL outside registry.npmjs.org" >&2
    exit 1
  fi
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# ---- 4. UI font: WenQuanYi Micro Hei subset (Latin + CJK punctuation + GB2312 level-1 hanzi) ----
"$ROOT/tools/build_fonts.sh"

echo "setup: done"
