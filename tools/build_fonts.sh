#!/usr/bin/env bash
# Builds .deps/fonts/ui-cjk.ttf: WenQuanYi Micro Hei cut down to what the UI shows: Latin, general
# and CJK punctuation, full-width forms, the 3,755 GB2312 level-1 hanzi, and every other CJK character
# that appears in the app's sources (UI strings) or the demo workspaces (names).
# Re-subsets only when that character list changed.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT_DIR=.deps/fonts
OUT="$OUT_DIR/ui-cjk.ttf"
SRC=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
mkdir -p "$OUT_DIR"
# Debian's python, not a pyenv shim: python3-fonttools lives there.
PY=/usr/bin/python3
"$PY" - "$OUT_DIR/chars.new" <<'PYEOF'
import glob, sys
chars = set()
for cp in range(0x20, 0x7F): chars.add(chr(cp))           # ASCII
for cp in range(0xA0, 0x250): chars.add(chr(cp))          # Latin-1, Latin Extended-A/B
for cp in range(0x2000, 0x2070): chars.add(chr(cp))       # general punctuation
for cp in (0x20AC, 0x2116, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x25B2, 0x25BC, 0x25CF, 0x2212,
           0x2264, 0x2265, 0x221E, 0x2248, 0x2260, 0x2713, 0x2717):
    chars.add(chr(cp))
for cp in range(0x3000, 0x3040): chars.add(chr(cp))       # CJK symbols and punctuation
for cp in range(0xFF00, 0xFFF0): chars.add(chr(cp))       # full-width forms
# GB2312 level 1: rows 16..55 (lead bytes 0xB0..0xD7), cells 0xA1..0xFE; row 55 stops at cell 89.
for row in range(0xB0, 0xD8):
    for cell in range(0xA1, 0xFF):
        try:
            chars.add(bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
# Characters the app actually shows beyond that: UI strings and demo names.
files = glob.glob("src/**/*.cpp", recursive=True) + glob.glob("src/**/*.h", recursive=True) + glob.glob("assets/*.json")
for path in files:
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        continue
    chars.update(c for c in text if 0x2E80 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF)
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PYEOF
if [ -f "$OUT" ] && [ -f "$OUT_DIR/chars.txt" ] && cmp -s "$OUT_DIR/chars.new" "$OUT_DIR/chars.txt"; then
  rm -f "$OUT_DIR/chars.new"
  exit 0
fi
mv "$OUT_DIR/chars.new" "$OUT_DIR/chars.txt"
"$PY" -m fontTools.subset "$SRC" --font-number=0 --text-file="$OUT_DIR/chars.txt" \
    --output-file="$OUT.tmp" --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,FFTM 2>/dev/null
mv "$OUT.tmp" "$OUT"
echo "build_fonts: $(wc -m < "$OUT_DIR/chars.txt") characters, $(du -k "$OUT" | cut -f1) KB -> $OUT"
