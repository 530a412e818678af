// Browser test of the import dialog: a GB18030 order file as Excel on Chinese Windows saves it,
// through the real File ▸ Import dialog (file chooser): the encoding shown, the Chinese headers
// mapped, names with characters outside GB2312 (喆 堃) intact, ¥ amounts and 2024年3月2日 dates
// parsed, the cancelled order left out, the report page; screenshots in English and Chinese.
//   node tests/browser/import.test.mjs   (after the web build: build/web/site)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, click, frames, hasItem, openApp, rect, runSuite, screenshot, waitState, workspaceJson } from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
let server, browser;

// tests/data/import/orders_gb18030.csv (made with iconv, see tests/data/SOURCES.md).
const GB_FILE = readFileSync(path.join(ROOT, 'tests', 'data', 'import', 'orders_gb18030.csv'));

async function language(page, lang) {
  await page.evaluate((l) => window.lifecycleStudio.command('language', l), lang);
  await waitState(page, (s, l) => s.language === l, lang);
  await frames(page, 3);
}

test('a GB18030 order file imports through the dialog with its Chinese intact', async () => {
  assert.ok(GB_FILE.length > 100, 'sample file read');
  assert.ok(!GB_FILE.toString('utf8').includes('客户'), 'the sample is not UTF-8');
  const page = await openApp(browser, server.url);
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.import');
  await (await chooser).setFiles({ name: '订单导出.csv', mimeType: 'text/csv', buffer: GB_FILE });
  await rect(page, 'import.dialog');
  await rect(page, 'import.encoding_shown.GB18030');  // the dialog says which encoding it read
  await rect(page, 'import.as_imported');
  await screenshot(page, 'import-dialog-en');
  await language(page, 'zh');
  await rect(page, 'import.encoding_shown.GB18030');
  await screenshot(page, 'import-dialog-zh');
  await language(page, 'en');

  await click(page, 'import.import');
  await rect(page, 'import.report');
  await screenshot(page, 'import-report-en');
  await language(page, 'zh');
  await screenshot(page, 'import-report-zh');
  await language(page, 'en');
  await click(page, 'import.close');
  assert.equal(await hasItem(page, 'import.dialog'), false);

  const ws = JSON.parse(await workspaceJson(page));
  assert.equal(ws.workspace.currency, 'CNY');
  const names = ws.customers.map((c) => c.name);
  assert.deepEqual(names, ['王喆', '李堃'], 'names intact; 赵赟 only had a cancelled order');
  const c1 = ws.customers[0];
  assert.deepEqual(c1.transactions.map((t) => [t.date, t.amount]), [['2024-03-02', 560.5], ['2024-04-01', -12]]);
  assert.deepEqual(ws.customers[1].transactions.map((t) => [t.date, t.amount]), [['2024-03-05', 1234]]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a file that is not valid in the chosen encoding shows the line and imports nothing', async () => {
  const page = await openApp(browser, server.url);
  const before = await workspaceJson(page);
  // UTF-8 Chinese with one broken byte on line 3: read as UTF-8 (mostly valid), named, Import disabled.
  const bytes = Buffer.concat([Buffer.from('客户编号,订单日期,金额\nC1,2024-01-01,1\nC'), Buffer.from([0xe4, 0xb8]),
                               Buffer.from(',2024-01-02,2\n')]);
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.import');
  await (await chooser).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: bytes });
  await rect(page, 'import.encoding_shown.UTF-8');
  await screenshot(page, 'import-dialog-bad-byte');
  await click(page, 'import.import');  // disabled: nothing happens
  assert.equal(await hasItem(page, 'import.report'), false);
  await click(page, 'import.cancel');
  assert.equal(await workspaceJson(page), before, 'the open workspace is untouched');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// tests/data/import/orders-zh.xlsx (tools/make_sample_xlsx.py): two sheets, shared and inline strings,
// serial dates in date styles.
const XLSX_FILE = readFileSync(path.join(ROOT, 'tests', 'data', 'import', 'orders-zh.xlsx'));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('an .xlsx workbook imports through the file chooser, its sheet picked', async () => {
  const page = await openApp(browser, server.url);
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.import');
  await (await chooser).setFiles({ name: '订单.xlsx', mimeType: XLSX_TYPE, buffer: XLSX_FILE });
  await rect(page, 'import.dialog');
  await rect(page, 'import.sheet');  // two sheets: the picker is shown
  await rect(page, 'import.as_imported');
  await screenshot(page, 'import-xlsx-en');
  await language(page, 'zh');
  await screenshot(page, 'import-xlsx-zh');
  await language(page, 'en');
  await click(page, 'import.import');
  await rect(page, 'import.report');
  await click(page, 'import.close');
  const ws = JSON.parse(await workspaceJson(page));
  const imported = ws.customers.filter((c) => ['C001', 'C002', 'C003'].includes(c.id));
  assert.deepEqual(imported.map((c) => c.id), ['C001', 'C002', 'C003']);
  assert.equal(imported[0].name, '王喆');
  assert.deepEqual(imported[0].transactions.map((t) => [t.date, t.amount]), [['2024-03-02', 560.5]], '已取消 left out');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a truncated .xlsx shows the problem and leaves the workspace untouched', async () => {
  const page = await openApp(browser, server.url);
  const before = await workspaceJson(page);
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.import');
  await (await chooser).setFiles({ name: 'cut.xlsx', mimeType: XLSX_TYPE, buffer: XLSX_FILE.subarray(0, 1500) });
  await rect(page, 'import.dialog');
  await screenshot(page, 'import-xlsx-truncated');
  await click(page, 'import.import');  // disabled: nothing happens
  assert.equal(await hasItem(page, 'import.report'), false);
  await click(page, 'import.cancel');
  assert.equal(await workspaceJson(page), before, 'the open workspace is untouched');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

runSuite('browser import', tests, (ctx) => ({ server, browser } = ctx));
