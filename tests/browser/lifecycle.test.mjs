// Browser tests of the lifecycle views (real clicks and typing on the real page): switch the stage
// model, edit a stage rule and watch the counts change, save, open the saved file in a fresh browser
// profile and find the edited model again; screenshots of every lifecycle view in English and Chinese.
//   node tests/browser/lifecycle.test.mjs [name filter]     (site: LCS_SITE_DIR or build/web/site)
// Screenshots: build/screenshots/lifecycle-*.png. Same output format as run.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  click, frames, hasItem, key, openApp, rect, screenshot, state, waitState, runSuite} from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

let server, browser;

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

async function openPanel(page, id) {
  await click(page, `tab.${id}`);
  return waitState(page, (st, p) => st.panel === p && st.lifecycle, id);
}

// Opens the model picker and picks an entry ("five_core", ..., or "custom").
async function pickModel(page, entry) {
  await click(page, 'lifecycle.model');
  await click(page, `lifecycle.model.${entry}`);
}

// The topmost drawn item whose name starts with `prefix` (rows near a list's bottom edge may be clipped).
async function topItem(page, prefix) {
  return page.evaluate((p) => {
    const names = window.lifecycleStudio.items().filter((n) => n.startsWith(p));
    const rects = names.map((n) => [n, window.lifecycleStudio.itemRect(n)]);
    rects.sort((a, b) => a[1].y - b[1].y);
    return rects.length ? rects[0][0] : null;
  }, prefix);
}

// Clicks a text/number field, replaces its text and presses Enter.
async function typeInto(page, name, text) {
  await click(page, name);
  await waitState(page, (s) => s.wantTextInput);
  await key(page, 'Control+A');
  await page.keyboard.type(text, { delay: 20 });
  await key(page, 'Enter');
}

test('switch model, edit a rule, save and reopen: the model persists', async () => {
  const page = await openApp(browser, server.url);
  let s = await openPanel(page, 'lifecycle');
  assert.equal(s.lifecycle.model, 'crm_value', 'default template');
  assert.equal(s.lifecycle.custom, false);
  assert.equal(sum(s.lifecycle.counts), s.customers, 'every demo customer is staged at the demo date');

  // 1. Switch templates through the picker.
  await pickModel(page, 'telecom_value');
  s = await waitState(page, (st) => st.lifecycle.model === 'telecom_value');
  assert.deepEqual(s.lifecycle.stages, ['acquisition', 'growth', 'maturity', 'decline', 'churn']);
  assert.equal(s.undo, 1, 'switching the model is one undoable edit');
  await pickModel(page, 'five_core');
  s = await waitState(page, (st) => st.lifecycle.model === 'five_core');
  const churn = s.lifecycle.stages.indexOf('churn');
  assert.ok(churn >= 0);
  const before = s.lifecycle;
  await click(page, 'lifecycle.stage.churn');
  await screenshot(page, 'lifecycle-stages');

  // 2. Stage rules: five_core's churn stage catches "no purchase for more than 365 days" (any[1]).
  s = await openPanel(page, 'rules');
  await click(page, 'rules.stage.churn');
  await rect(page, 'rules.any.1.value');
  await typeInto(page, 'rules.any.1.value', '180');
  s = await waitState(page, (st, b) => st.lifecycle.counts.join() !== b, before.counts.join());
  const after = s.lifecycle;
  assert.equal(after.based_on, 'five_core', 'an edited template becomes the custom model');
  assert.ok(after.counts[churn] > before.counts[churn], `churn grows with a shorter silence: ${before.counts[churn]} -> ${after.counts[churn]}`);
  assert.ok(after.rules[churn].any[1] > before.rules[churn].any[1], 'the condition catches more customers');
  assert.equal(sum(after.counts), sum(before.counts), 'customers only move between stages');
  await screenshot(page, 'lifecycle-rules');

  // 3. Undo and redo the rule edit with the keyboard.
  await click(page, 'status.notice');
  await key(page, 'Control+Z');
  s = await waitState(page, (st) => st.lifecycle.model === 'five_core');
  assert.deepEqual(s.lifecycle.counts, before.counts);
  await key(page, 'Control+Y');
  s = await waitState(page, (st) => st.lifecycle.custom);
  assert.deepEqual(s.lifecycle.counts, after.counts);

  // 4. Back to a template and to the kept custom model through the picker.
  await openPanel(page, 'lifecycle');
  await pickModel(page, 'crm_value');
  s = await waitState(page, (st) => st.lifecycle.model === 'crm_value');
  assert.equal(s.lifecycle.has_custom, true, 'the custom model is kept aside');
  await pickModel(page, 'custom');
  s = await waitState(page, (st) => st.lifecycle.custom);
  assert.deepEqual(s.lifecycle.counts, after.counts);

  // 5. Save (download): the file holds the edited model.
  await click(page, 'menu.file');
  const downloading = page.waitForEvent('download');
  await click(page, 'file.save');
  const download = await downloading;
  const text = readFileSync(await download.path(), 'utf8');
  const saved = JSON.parse(text);
  assert.equal(saved.lifecycle_model.based_on, 'five_core');
  const savedChurn = saved.lifecycle_model.stages.find((st) => st.id === 'churn');
  assert.equal(savedChurn.rules.any[1].value, 180);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // 6. A fresh browser profile opens the saved file: same model, same counts.
  const fresh = await openApp(browser, server.url);
  await click(fresh, 'menu.file');
  const chooser = fresh.waitForEvent('filechooser');
  await click(fresh, 'file.open');
  await (await chooser).setFiles({ name: 'lifecycle-test.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await waitState(fresh, (st) => /lifecycle-test/.test(st.file));
  s = await openPanel(fresh, 'lifecycle');
  assert.equal(s.lifecycle.custom, true);
  assert.equal(s.lifecycle.based_on, 'five_core');
  assert.deepEqual(s.lifecycle.counts, after.counts);
  assert.deepEqual(fresh.problems, []);
  await fresh.context().close();
});

test('every lifecycle view draws, in English and Chinese', async () => {
  const page = await openApp(browser, server.url);
  await openPanel(page, 'lifecycle');
  await pickModel(page, 'call_centre');  // cyclic: the loop arrow
  await waitState(page, (st) => st.lifecycle.model === 'call_centre');
  await click(page, 'lifecycle.stage.retention');
  await screenshot(page, 'lifecycle-chain-cyclic');
  await click(page, 'lifecycle.tab.model');
  await screenshot(page, 'lifecycle-model-editor');
  await click(page, 'lifecycle.tab.metrics');
  await screenshot(page, 'lifecycle-metrics');
  await click(page, 'lifecycle.tab.stages');

  await openPanel(page, 'lifecycle_flow');
  const funnel = await rect(page, 'flow.funnel');
  await page.mouse.move(funnel.x + funnel.w / 2, funnel.y + 10);
  await frames(page, 3);
  await screenshot(page, 'lifecycle-flow-funnel');
  await click(page, 'flow.tab.cohorts');
  await screenshot(page, 'lifecycle-flow-cohorts');
  await click(page, 'flow.tab.transitions');
  const flow = await rect(page, 'flow.transition.flow');
  await page.mouse.move(flow.x + flow.w / 2, flow.y + flow.h / 3);
  await frames(page, 3);
  await screenshot(page, 'lifecycle-flow-transitions');
  await rect(page, 'flow.transition.times');  // time to convert between stages is shown (waits for the history)

  await openPanel(page, 'playbooks');
  await click(page, 'playbooks.tab.reasons');
  await screenshot(page, 'lifecycle-playbooks-reasons');
  await click(page, 'playbooks.tab.churn');
  await screenshot(page, 'lifecycle-playbooks-churn');
  await openPanel(page, 'health');
  await screenshot(page, 'lifecycle-health');

  await page.evaluate(() => window.lifecycleStudio.command('language', 'zh'));
  await waitState(page, (st) => st.language === 'zh');
  await openPanel(page, 'lifecycle');
  await screenshot(page, 'lifecycle-stages-zh');
  await openPanel(page, 'rules');
  await screenshot(page, 'lifecycle-rules-zh');
  await openPanel(page, 'lifecycle_flow');
  await click(page, 'flow.tab.funnel');
  await screenshot(page, 'lifecycle-flow-funnel-zh');
  await click(page, 'flow.tab.transitions');
  await screenshot(page, 'lifecycle-flow-transitions-zh');
  await openPanel(page, 'playbooks');
  await click(page, 'playbooks.tab.reasons');
  await screenshot(page, 'lifecycle-playbooks-reasons-zh');
  await click(page, 'playbooks.tab.churn');
  await screenshot(page, 'lifecycle-playbooks-churn-zh');
  await openPanel(page, 'health');
  await screenshot(page, 'lifecycle-health-zh');
  await page.evaluate(() => window.lifecycleStudio.command('language', 'en'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('early-warning row and stage member selects the customer', async () => {
  const page = await openApp(browser, server.url);
  let s = await openPanel(page, 'health');
  const warning = await topItem(page, 'health.warning.');
  assert.ok(warning, 'the demo has early warnings');
  await click(page, warning);
  s = await waitState(page, (st, id) => st.selected === id, warning.slice('health.warning.'.length));
  await openPanel(page, 'lifecycle');
  const biggest = s.lifecycle.counts.indexOf(Math.max(...s.lifecycle.counts));
  await click(page, `lifecycle.stage.${s.lifecycle.stages[biggest]}`);
  const member = await topItem(page, 'lifecycle.member.');
  assert.ok(member, 'the largest stage lists its customers');
  await page.evaluate(() => window.lifecycleStudio.command('select', ''));
  await waitState(page, (st) => st.selected === '');
  await click(page, member);
  await waitState(page, (st, id) => st.selected === id, member.slice('lifecycle.member.'.length));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// ---- runner (as in run.mjs) ----
await runSuite('lifecycle browser', tests, (ctx) => { server = ctx.server; browser = ctx.browser; });
