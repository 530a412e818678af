// Browser test: work is never lost, and the page behaves like a page. File > New with unsaved work
// asks (Cancel keeps it, Discard replaces it); two autosaved versions, File > Restore... opens the
// older one (and a reload comes back to it); Ctrl+P prints a picture of the app; the tab title shows
// the workspace name with a mark while there are unsaved changes; Save As with a .csv name still
// downloads a .json workspace and says so; Edit > Workspace settings... changes the currency.
//   node tests/browser/worksafe.test.mjs   (after the web build; LCS_SITE_DIR selects the site folder)
// Screenshots: build/screenshots/unsaved-prompt-{en,zh}.png, restore-list-{en,zh}.png, print-preview.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  SCREENSHOTS, click, frames, key, openApp, rect, screenshot, state, waitReady, waitState, workspaceJson, runSuite,
} from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const title = (page) => page.evaluate(() => document.title);

// Renames a customer with real clicks and typing, and waits for the edit to land.
async function rename(page, id, newName) {
  const undo = (await state(page)).undo;
  await click(page, `customers.row.${id}`);
  await waitState(page, (s, i) => s.selected === i, id);
  await click(page, 'customer.name');
  await waitState(page, (s) => s.wantTextInput);
  await key(page, 'Control+A');
  await page.keyboard.type(newName, { delay: 10 });
  await key(page, 'Enter');
  await waitState(page, (s, u) => s.undo === u + 1, undo);
  await click(page, 'status.notice');  // somewhere neutral, so no text field keeps focus
}

const customerName = async (page, id) => JSON.parse(await workspaceJson(page)).customers.find((c) => c.id === id).name;

async function language(page, code) {
  await page.evaluate((c) => window.lifecycleStudio.command('language', c), code);
  await waitState(page, (s, c) => s.language === c, code);
}

test('File > New with unsaved changes asks: Cancel keeps the work, Discard replaces it', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  const id = JSON.parse(await workspaceJson(page)).customers[0].id;
  await rename(page, id, 'Keep me');
  let s = await state(page);
  assert.equal(s.dirty, true);

  await click(page, 'menu.file');
  await click(page, 'file.new');
  await rect(page, 'unsaved.dialog');
  s = await state(page);
  assert.equal(s.unsaved_prompt, true);
  assert.equal(s.customers > 0, true, 'nothing replaced while the prompt is open');
  await screenshot(page, 'unsaved-prompt-en');
  await click(page, 'unsaved.cancel');
  s = await waitState(page, (st) => !st.unsaved_prompt);
  assert.equal(s.dirty, true);
  assert.match(s.file, /demo-ecommerce\.json/);
  assert.equal(await customerName(page, id), 'Keep me');

  await language(page, 'zh');
  await click(page, 'menu.file');
  await click(page, 'file.new');
  await rect(page, 'unsaved.dialog');
  await screenshot(page, 'unsaved-prompt-zh');
  await click(page, 'unsaved.cancel');
  await waitState(page, (st) => !st.unsaved_prompt);
  assert.equal(await customerName(page, id), 'Keep me');
  await language(page, 'en');

  await click(page, 'menu.file');
  await click(page, 'file.new');
  await click(page, 'unsaved.discard');
  s = await waitState(page, (st) => st.customers === 0);
  assert.equal(s.dirty, false);
  // The discarded edit was stored as a version first: Restore can bring it back.
  s = await waitState(page, (st) => st.autosave_versions.some((v) => v.workspace === 'Demo: online shop' && v.dirty));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two autosaved versions: File > Restore... lists them and opens the older one', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  const id = JSON.parse(await workspaceJson(page)).customers[1].id;
  await rename(page, id, 'Version one');
  await waitState(page, (st) => st.autosaved && st.autosave_versions.length === 1);
  await rename(page, id, 'Version two');
  let s = await waitState(page, (st) => st.autosaved && st.autosave_versions.length === 2);
  assert.ok(s.autosave_versions[0].saved_at >= s.autosave_versions[1].saved_at, 'newest first');
  assert.equal(s.autosave_versions[0].customers, s.customers);

  await click(page, 'menu.file');
  await click(page, 'file.restore');
  await rect(page, 'restore.dialog');
  await rect(page, 'restore.open.1');
  await screenshot(page, 'restore-list-en');
  await language(page, 'zh');
  await frames(page, 3);
  await screenshot(page, 'restore-list-zh');
  await language(page, 'en');

  // "Version two" is the open workspace, unsaved: the prompt comes first, the list stays behind it.
  await click(page, 'restore.open.1');
  await rect(page, 'unsaved.dialog');
  await click(page, 'unsaved.discard');
  s = await waitState(page, (st) => /^Restored autosave from/.test(st.notice) && !st.unsaved_prompt);
  assert.equal(await customerName(page, id), 'Version one');
  assert.equal(await page.evaluate(() => window.lifecycleStudio.itemRect('restore.dialog')), null, 'the list closed');

  // The restored workspace becomes the newest version: a reload comes back to it.
  await waitState(page, (st) => st.autosaved && st.autosave_versions.length === 3);
  await page.reload();
  await waitReady(page);
  assert.equal(await customerName(page, id), 'Version one');
  assert.equal((await state(page)).autosave_versions.length, 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Ctrl+P prints a picture of the app; the title shows the workspace name and an unsaved mark', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => document.title === 'Demo: online shop \u2022 Lifecycle Studio');
  const id = JSON.parse(await workspaceJson(page)).customers[0].id;
  await rename(page, id, 'Printed');
  await page.waitForFunction(() => document.title === '\u25CF Demo: online shop \u2022 Lifecycle Studio');
  assert.match(await title(page), /^\u25CF Demo: online shop/);

  await page.evaluate(() => { window.printCalls = 0; window.print = () => { window.printCalls++; }; });
  await key(page, 'Control+P');
  await page.waitForFunction(() => window.printCalls === 1);
  const picture = await page.evaluate(() => {
    const image = document.getElementById('print-image');
    return { src: image.src.slice(0, 22), width: image.naturalWidth, canvas: document.getElementById('canvas').width };
  });
  assert.equal(picture.src, 'data:image/png;base64,');
  assert.equal(picture.width, picture.canvas, 'the picture is the whole canvas');

  // Printed, the page shows the picture instead of the (blank when printed) canvas.
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => [getComputedStyle(document.getElementById('canvas')).display,
                                          getComputedStyle(document.getElementById('print-image')).display]);
  assert.deepEqual(shown, ['none', 'block']);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'print-preview.png') });
  await page.emulateMedia({ media: 'screen' });

  // File > Print... does the same.
  await click(page, 'menu.file');
  await click(page, 'file.print');
  await page.waitForFunction(() => window.printCalls === 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('File > Save As... with a .csv name downloads a .json workspace and says why', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  const customers = JSON.parse(await workspaceJson(page)).customers.length;
  await click(page, 'menu.file');
  await click(page, 'file.save_as');
  await rect(page, 'save_as.name');
  await waitState(page, (s) => s.wantTextInput);  // the name field has the keyboard when the dialog opens
  await key(page, 'Control+A');
  await page.keyboard.type('client-report.csv', { delay: 10 });
  const downloading = page.waitForEvent('download');
  await click(page, 'save_as.download');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'client-report.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.customers.length, customers, 'the whole workspace, not a table');
  const s = await waitState(page, (st) => /client-report\.json/.test(st.notice));
  assert.match(s.notice, /always a \.json file/);
  assert.match(s.notice, /client-report\.csv/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Edit > Workspace settings... corrects the currency an import guessed (screenshots EN and ZH)', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  assert.notEqual(JSON.parse(await workspaceJson(page)).workspace.currency, 'CNY');
  await language(page, 'zh');
  await click(page, 'menu.edit');
  await click(page, 'edit.workspace_settings');
  await rect(page, 'settings.dialog');
  await screenshot(page, 'workspace-settings-zh');
  await click(page, 'settings.cancel');
  await language(page, 'en');
  await click(page, 'menu.edit');
  await click(page, 'edit.workspace_settings');
  await click(page, 'settings.currency.CNY');
  await screenshot(page, 'workspace-settings-en');
  await click(page, 'settings.apply');
  await waitState(page, (st) => st.dirty);
  assert.equal(JSON.parse(await workspaceJson(page)).workspace.currency, 'CNY');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

runSuite('worksafe', tests);
