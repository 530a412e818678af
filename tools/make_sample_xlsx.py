#!/usr/bin/env python3
"""Builds tests/data/import/orders-zh.xlsx the way Excel writes a workbook: a zip of XML parts with a
shared-string table, a styles part whose cell formats mark dates (built-in id 14 and a custom
"yyyy/m/d"), dates stored as serial day numbers, one inline string (as other tools write them), a gap
between cells, and a second sheet. Standard library only (zipfile, deflate). Run from the repository:
    python3 tools/make_sample_xlsx.py
"""
import zipfile
from datetime import date
from xml.sax.saxutils import escape

OUT = "tests/data/import/orders-zh.xlsx"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def serial(d):
    return (d - date(1899, 12, 30)).days


HEADERS = ["客户编号", "客户姓名", "订单日期", "订单金额", "订单状态"]
ORDERS = [  # id, name (None: cell left out), date, amount, status
    ("C001", "王喆", date(2024, 3, 2), 560.5, "已完成"),
    ("C002", "李堃", date(2024, 3, 5), 1288, "已完成"),
    ("C001", "王喆", date(2024, 4, 18), 99.9, "已取消"),
    ("C003", None, date(2024, 5, 1), 320, "已完成"),
]

strings = []


def shared(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)


def col(i):
    return "ABCDEFGHIJ"[i]


def sheet1():
    rows = ['<row r="1">' + "".join(f'<c r="{col(i)}1" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(HEADERS)) + "</row>"]
    for n, (cid, name, day, amount, status) in enumerate(ORDERS, start=2):
        cells = [f'<c r="A{n}" t="s"><v>{shared(cid)}</v></c>']
        if name:
            cells.append(f'<c r="B{n}" t="s"><v>{shared(name)}</v></c>')
        style = 1 if n % 2 == 0 else 2  # built-in date id 14, custom yyyy/m/d
        cells.append(f'<c r="C{n}" s="{style}"><v>{serial(day)}</v></c>')
        cells.append(f'<c r="D{n}"><v>{amount}</v></c>')
        if n == 3:  # written inline, not through the shared strings
            cells.append(f'<c r="E{n}" t="inlineStr"><is><t>{escape(status)}</t></is></c>')
        else:
            cells.append(f'<c r="E{n}" t="s"><v>{shared(status)}</v></c>')
        rows.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>{"".join(rows)}</sheetData></worksheet>'


def sheet2():
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>'
            f'<row r="1"><c r="A1" t="s"><v>{shared("说明")}</v></c></row>'
            f'<row r="2"><c r="A2" t="s"><v>{shared("订单导出 2024")}</v></c></row></sheetData></worksheet>')


def main():
    parts = {"xl/worksheets/sheet1.xml": sheet1(), "xl/worksheets/sheet2.xml": sheet2()}
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                     f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>')
    parts["xl/styles.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
                              '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/></numFmts>'
                              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
                              '<xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>')
    parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} xmlns:r="{REL}">'
                                '<sheets><sheet name="订单" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>'
                                '</sheets></workbook>')
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    parts["_rels/.rels"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{pkg}">'
                            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/></Types>')
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:  # fixed timestamps: the file is byte-for-byte reproducible
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 6, 1, 0, 0, 0)), parts[name], zipfile.ZIP_DEFLATED)
    print(OUT)


if __name__ == "__main__":
    main()
