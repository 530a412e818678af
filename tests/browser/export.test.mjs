// Browser test: Save CSV on a table. A small workspace (a formula-like name, a Chinese name with a
// comma and quotes, an HTML-looking name, and one customer the filter hides) is filtered in the
// customers table; Export > Save CSV downloads what is shown: the BOM, CRLF lines, the filtered row
// count, CSV quoting and the formula guard. Chart PNG export is not part of this suite (not built yet).
//   node tests/browser/export.test.mjs      (after the web build; LCS_SITE_DIR selects the site folder)
// Screenshots: build/screenshots/export-menu-en.png, export-menu-zh.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { click, frames, openApp, screenshot, waitState, runSuite } from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const WORKSPACE = {
  format: 'lifecycle-studio-workspace', version: 1, workspace: { name: 'Export', currency: 'EUR' },
  customers: [
    { id: 'C1', name: '=HYPERLINK("http://x")', segment: 'keep', transactions: [{ date: '2024-01-05', amount: 20 }] },
    { id: 'C2', name: '张三, "Zhang"', segment: 'keep', transactions: [{ date: '2024-02-05', amount: 35.5 }] },
    { id: 'C3', name: '<img src=x onerror=alert(1)>', segment: 'keep', transactions: [{ date: '2024-03-05', amount: 12 }] },
    { id: 'C4', name: 'Hidden', segment: 'drop', transactions: [{ date: '2024-03-06', amount: 99 }] },
  ],
};

async function language(page, lang) {
  await page.evaluate((l) => window.lifecycleStudio.command('language', l), lang);
  await waitState(page, (s, l) => s.language === l, lang);
}

test('export: Save CSV on the filtered customers table downloads the shown rows, guarded and quoted', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.open');
  await (await chooser).setFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(WORKSPACE)) });
  await waitState(page, (s) => s.file === 'export.json');
  await click(page, 'tab.customers');
  await click(page, 'customers.filter');
  await page.keyboard.type('keep');
  await frames(page, 4);

  await click(page, 'customers.export');
  await screenshot(page, 'export-menu-en');
  const downloading = page.waitForEvent('download');
  await click(page, 'customers.export.csv');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'customers.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark first');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  assert.equal(lines.pop(), '', 'CRLF after the last row');
  assert.equal(lines.length, 4, `header + 3 filtered rows: ${JSON.stringify(lines)}`);
  assert.match(lines[0], /^ID,Name,/);
  assert.ok(lines[1].startsWith('C1,"\'=HYPERLINK(""http://x"")",keep,'), lines[1]);
  assert.ok(lines[2].startsWith('C2,"张三, ""Zhang""",keep,'), lines[2]);
  assert.ok(lines[3].startsWith('C3,<img src=x onerror=alert(1)>,keep,'), lines[3]);
  assert.ok(!text.includes('Hidden'), 'the filtered-out customer is not in the file');

  await language(page, 'zh');
  await click(page, 'customers.export');
  await screenshot(page, 'export-menu-zh');
  await page.keyboard.press('Escape');
  await language(page, 'en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

runSuite('export', tests);
