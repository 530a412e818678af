// Browser tests for Lifecycle Studio (the real page in headless Chromium, real clicks and keys).
//   node tests/browser/run.mjs            (after the web build: build/web/site)
// Prints one line per test and, last, "browser: N passed, M failed"; exits non-zero on failure.
// Screenshots of every panel go to build/screenshots/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  click, frames, hasItem, key, openApp, rect, screenshot, state, waitReady, waitState,
  workspaceJson, runSuite} from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// A small workspace for the open/save round trip: the first customers of the demo.
function smallWorkspace(demoText, count, name) {
  const ws = JSON.parse(demoText);
  ws.customers = ws.customers.slice(0, count);
  ws.workspace = { ...(ws.workspace || {}), name };
  return ws;
}

async function openThroughDialog(page, fileName, text) {
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.open');
  const fileChooser = await chooser;
  await fileChooser.setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(text) });
}

// Clicks the name field of the selected customer, replaces its text, presses Enter.
async function renameSelected(page, newName) {
  await click(page, 'customer.name');
  await waitState(page, (s) => s.wantTextInput);
  await key(page, 'Control+A');
  await page.keyboard.type(newName, { delay: 20 });
  await key(page, 'Enter');
}

let server, browser;

test('page loads with the e-commerce demo and no console errors', async () => {
  const page = await openApp(browser, server.url);
  const s = await state(page);
  assert.equal(s.started, true);
  assert.ok(s.customers > 0, 'demo customers shown');
  assert.match(s.file, /demo-ecommerce\.json/);
  assert.equal(s.panel, 'customers');
  await rect(page, 'tab.customers');
  await rect(page, 'customers.filter');
  await screenshot(page, 'customers');
  // Idle: with no input the app stops drawing frames (a few may still settle).
  const before = (await state(page)).frame;
  await page.waitForTimeout(1500);
  const after = (await state(page)).frame;
  assert.ok(after - before < 30, `idle page kept drawing (${after - before} frames in 1.5 s)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('open, broken file, edit, undo/redo, save, autosave restore', async () => {
  const page = await openApp(browser, server.url);
  const demo = await workspaceJson(page);
  const original = smallWorkspace(demo, 5, 'Browser test');
  const originalText = JSON.stringify(original, null, 1);

  // 1. Open a workspace through the real file input.
  await openThroughDialog(page, 'browser-test.json', originalText);
  let s = await waitState(page, (st) => st.file === 'browser-test.json');
  assert.equal(s.customers, 5);
  assert.equal(s.dirty, false);
  assert.deepEqual(JSON.parse(await workspaceJson(page)), original);

  // 2. A broken file shows the error dialog and keeps the open workspace.
  await openThroughDialog(page, 'broken.json', '{"format": "lifecycle-studio-workspace", "version": 1, "customers": [ {"id": ');
  s = await waitState(page, (st) => st.errors.length > 0);
  assert.match(s.errors[0].title, /broken\.json/);
  assert.ok(s.errors[0].problems.length > 0);
  await rect(page, 'errors.dialog');
  await screenshot(page, 'error-dialog');
  assert.equal(s.file, 'browser-test.json');
  assert.equal(s.customers, 5);
  await click(page, 'errors.close');
  await waitState(page, (st) => st.errors.length === 0);

  // 3. Rename a customer with real clicks and typing.
  const target = original.customers[1];
  await click(page, `customers.row.${target.id}`);
  await waitState(page, (st, id) => st.selected === id, target.id);
  const newName = 'Renamed Customer 42';
  await renameSelected(page, newName);
  s = await waitState(page, (st) => st.undo === 1);
  assert.equal(s.dirty, true);
  const edited = structuredClone(original);
  edited.customers[1].name = newName;
  assert.deepEqual(JSON.parse(await workspaceJson(page)), edited);
  await screenshot(page, 'customer-edited');

  // 4. Undo through the Edit menu, redo with the keyboard shortcut.
  await click(page, 'menu.edit');
  await click(page, 'edit.undo');
  s = await waitState(page, (st) => st.undo === 0 && st.redo === 1);
  assert.deepEqual(JSON.parse(await workspaceJson(page)), original);
  await click(page, 'status.notice');  // somewhere neutral, so no text field has focus
  await key(page, 'Control+Y');
  s = await waitState(page, (st) => st.undo === 1 && st.redo === 0);
  assert.deepEqual(JSON.parse(await workspaceJson(page)), edited);
  await key(page, 'Control+Z');
  await waitState(page, (st) => st.undo === 0);
  await key(page, 'Control+Shift+Z');
  await waitState(page, (st) => st.undo === 1);

  // 5. Save downloads "<workspace name>.json" equal to what was loaded plus the edit.
  await click(page, 'menu.file');
  const downloading = page.waitForEvent('download');
  await click(page, 'file.save');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'Browser test.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved, edited);
  s = await waitState(page, (st) => !st.dirty);

  // 6. Another edit, then reload: the autosave comes back with a visible note.
  await click(page, `customers.row.${original.customers[2].id}`);
  await renameSelected(page, '客户 张三');
  await waitState(page, (st) => st.undo === 2 && st.autosaved);
  const beforeReload = JSON.parse(await workspaceJson(page));
  assert.equal(beforeReload.customers[2].name, '客户 张三');
  await page.reload();
  await waitReady(page);
  s = await state(page);
  assert.match(s.notice, /Restored autosave from \d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.equal(s.dirty, true);
  assert.deepEqual(JSON.parse(await workspaceJson(page)), beforeReload);
  assert.ok(page.dialogs.includes('beforeunload'), 'unsaved changes prompt before leaving');
  await screenshot(page, 'restored-autosave');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('drag and drop of a workspace file opens it', async () => {
  const page = await openApp(browser, server.url);
  const text = JSON.stringify(smallWorkspace(await workspaceJson(page), 3, 'Dropped'));
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const s = await waitState(page, (st) => st.file === 'dropped.json');
  assert.equal(s.customers, 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('paste from the system clipboard into a text field', async () => {
  const page = await openApp(browser, server.url);
  await click(page, 'customers.filter');
  await waitState(page, (st) => st.wantTextInput);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'C0000');
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await key(page, 'Control+V');
  await frames(page, 3);
  // The filter now holds the pasted text: only matching rows are drawn.
  const names = await page.evaluate(() => window.lifecycleStudio.items());
  const rows = names.filter((n) => n.startsWith('customers.row.'));
  assert.ok(rows.length > 0, 'rows remain');
  assert.ok(rows.every((n) => n.includes('C0000')), `filtered rows: ${rows.slice(0, 5)}`);
  await page.context().close();
});

test('every panel draws; Chinese UI; high-DPI canvas', async () => {
  const page = await openApp(browser, server.url, { scale: 2 });
  let s = await state(page);
  assert.equal(s.scale, 2, 'UI scaled by devicePixelRatio');
  const canvas = await page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth]);
  assert.equal(canvas[0], canvas[1] * 2, 'canvas backing store = CSS size x devicePixelRatio');
  for (const panel of s.panels) {
    await click(page, `tab.${panel}`);
    await waitState(page, (st, p) => st.panel === p, panel);
    await screenshot(page, `panel-${panel}`);
  }
  await click(page, 'menu.view');
  await click(page, 'view.language');
  await click(page, 'view.language.zh');
  s = await waitState(page, (st) => st.language === 'zh');
  await click(page, 'tab.customers');
  const first = (await page.evaluate(() => window.lifecycleStudio.items())).find((n) => n.startsWith('customers.row.'));
  await click(page, first);
  await screenshot(page, 'customers-zh');
  // Settings survive a reload (localStorage).
  await page.reload();
  await waitReady(page);
  assert.equal((await state(page)).language, 'zh');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// ---- runner ----
await runSuite('browser', tests, (ctx) => { server = ctx.server; browser = ctx.browser; });
