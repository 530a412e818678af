#!/usr/bin/env bash
# Builds .deps/fonts/ui-cjk.ttf: WenQuanYi Micro Hei cut down to what the UI shows
# (Latin, general punctuation, CJK punctuation, full-width forms and the 3,755 GB2312 level-1 hanzi).
# Skips the work when the output is newer than this script.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT_DIR=.deps/fonts
OUT="$OUT_DIR/ui-cjk.ttf"
SRC=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
if [ -f "$OUT" ] && [ "$OUT" -nt "$0" ]; then exit 0; fi
mkdir -p "$OUT_DIR"
# Debian's python, not a pyenv shim: python3-fonttools lives there.
PY=/usr/bin/python3
"$PY" - "$OUT_DIR/chars.txt" <<'PYEOF'
import sys
chars = set()
for cp in range(0x20, 0x7F): chars.add(chr(cp))           # ASCII
for cp in range(0xA0, 0x180): chars.add(chr(cp))          # Latin-1 + Latin Extended-A
for cp in range(0x2000, 0x2070): chars.add(chr(cp))       # general punctuation
for cp in (0x20AC, 0x00A5, 0x2116, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x25B2, 0x25BC, 0x2026, 0x00D7, 0x00F7, 0x2212, 0x2264, 0x2265, 0x221E):
    chars.add(chr(cp))
for cp in range(0x3000, 0x3040): chars.add(chr(cp))       # CJK symbols and punctuation
for cp in range(0xFF00, 0xFFF0): chars.add(chr(cp))       # full-width forms
# GB2312 level 1: rows 16..55 (0xB0..0xD7), cells 1..94; row 55 stops at cell 89.
for row in range(0xB0, 0xD8):
    for cell in range(0xA1, 0xFF):
        try:
            chars.add(bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
print("build_fonts: %d characters" % len(chars))
PYEOF
"$PY" -m fontTools.subset "$SRC" --font-number=0 --text-file="$OUT_DIR/chars.txt" \
    --output-file="$OUT.tmp" --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF
mv "$OUT.tmp" "$OUT"
echo "build_fonts: $(du -k "$OUT" | cut -f1) KB -> $OUT"
