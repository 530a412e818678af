// Browser test of the mouse wheel over a list: one notch scrolls a few rows the way the wheel turned,
// and a trackpad's small deltas scroll smoothly. The customers panel publishes how far its table is
// scrolled (state().customers_table = {first_visible_row, scrolled_rows}).
//   node tests/browser/wheel.test.mjs        (after the web build; LCS_SITE_DIR selects the site folder)
// Screenshot: build/screenshots/customers-wheel.png.
import assert from 'node:assert/strict';
import { frames, openApp, rect, screenshot, state, waitState, runSuite } from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// The table's scroll position once it has settled (no change over a few frames).
async function scrolled(page) {
  let last = null;
  for (let attempt = 0; attempt < 20; ++attempt) {
    await frames(page, 2);
    const table = (await state(page)).customers_table;
    assert.ok(table, 'the customers table publishes its scroll position');
    if (last && last.scrolled_rows === table.scrolled_rows) return table;
    last = table;
  }
  return last;
}

// Puts the mouse over a row in the middle of the visible part of the customers table.
async function hoverTable(page) {
  const filter = await rect(page, 'customers.filter');
  const names = await page.evaluate(() => window.lifecycleStudio.items().filter((n) => n.startsWith('customers.row.')));
  assert.ok(names.length >= 10, `customer rows drawn: ${names.length}`);
  const row = await rect(page, names[Math.floor(names.length / 2)]);
  assert.ok(row.y > filter.y, 'the row is below the filter');
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  await frames(page, 2);
}

test('wheel: one notch scrolls the customers table a few rows, each way', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  await waitState(page, (s) => s.panel === 'customers' && s.customers_table);
  await hoverTable(page);
  const top = await scrolled(page);
  assert.equal(top.first_visible_row, 0, 'the table starts at the top');

  await page.mouse.wheel(0, 100);  // one notch down, as Chromium reports it (pixel mode)
  const down = await scrolled(page);
  const moved = down.scrolled_rows - top.scrolled_rows;
  assert.ok(moved >= 1 && moved <= 10, `one notch down moved ${moved} rows (want 1..10, downwards)`);
  await screenshot(page, 'customers-wheel');

  await page.mouse.wheel(0, -100);  // one notch up
  const up = await scrolled(page);
  assert.ok(Math.abs(up.scrolled_rows - top.scrolled_rows) < 0.01, `one notch up came back to ${up.scrolled_rows}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('wheel: a trackpad\'s small deltas scroll smoothly, less than a row each', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  await waitState(page, (s) => s.panel === 'customers' && s.customers_table);
  await hoverTable(page);
  let previous = await scrolled(page);
  const start = previous.scrolled_rows;
  for (let k = 0; k < 6; ++k) {
    await page.mouse.wheel(0, 8);  // a trackpad sends many small pixel deltas
    const now = await scrolled(page);
    const step = now.scrolled_rows - previous.scrolled_rows;
    assert.ok(step >= 0 && step < 1, `small delta ${k} moved ${step} rows (want under one, downwards)`);
    previous = now;
  }
  assert.ok(previous.scrolled_rows > start, `six small deltas scrolled down (${start} -> ${previous.scrolled_rows})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

runSuite('wheel', tests);
