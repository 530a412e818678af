// Browser tests of the scenario planner (real clicks, drags and typing on the real page).
//   node tests/browser/scenario.test.mjs [name filter]     (site: LCS_SITE_DIR or build/web/site)
// Screenshots: build/screenshots/scenario-*.png. Same output format as run.mjs.
import assert from 'node:assert/strict';
import {
  click, frames, openApp, rect, screenshot, state, waitState, runSuite} from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const scenarioState = async (page) => (await state(page)).scenario;

// A real drag of an ImGui slider from its left end to `fraction` of its width, in small steps.
async function dragSlider(page, name, fraction) {
  const r = await rect(page, name);
  const y = r.y + r.h / 2;
  const x0 = r.x + 3, x1 = r.x + r.w * fraction;
  await page.mouse.move(x0, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 1);
  for (let i = 1; i <= 5; i++) {
    await page.mouse.move(x0 + (x1 - x0) * i / 5, y);
    await frames(page, 1);
  }
  await page.mouse.up();
  await frames(page, 2);
}

// ImGui 1.86 reads key states once per frame: a press whose down and up land between two frames is
// lost. Hold the keys for a couple of frames.
async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  await frames(page, 2);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
  await frames(page, 2);
}

// Clicks a number box, replaces its text with `text` and presses Enter.
async function typeInto(page, name, text) {
  await click(page, name);
  await waitState(page, (s) => s.wantTextInput);
  await press(page, 'Control', 'a');
  await page.keyboard.type(text, { delay: 20 });
  await press(page, 'Enter');
}

async function openScenarios(page) {
  await click(page, 'tab.scenarios');
  await waitState(page, (s) => s.panel === 'scenarios' && s.scenario);
}

async function comparedEquity(page, name) {
  await click(page, 'scenarios.tab.compare');
  await rect(page, `scenarios.compare.equity.${name}`);  // the table cell is on screen
  const s = await waitState(page, (st, n) => st.scenario.comparison && st.scenario.comparison.some((c) => c.name === n), name);
  return { baseline: s.scenario.baselineEquity, column: s.scenario.comparison.find((c) => c.name === name) };
}

let server, browser;

test('create a scenario, drag a lever, type a cost: the compared equity follows', async () => {
  const page = await openApp(browser, server.url);
  await openScenarios(page);
  let sc = await scenarioState(page);
  assert.equal(sc.hasBaseline, true, 'the demo workspace gives a baseline');
  const undoBefore = (await state(page)).undo;

  // 1. New scenario through the button.
  await click(page, 'scenarios.new');
  let s = await waitState(page, (st) => st.scenario.scenarios.length === 1);
  const name = s.scenario.selected;
  assert.equal(s.scenario.scenarios[0], name);
  assert.deepEqual(s.scenario.compared, [name], 'a new scenario joins the comparison');
  assert.equal(s.undo, undoBefore + 1);

  // 2. Add a retention lever through the menu.
  await click(page, 'scenarios.tab.levers');
  await click(page, 'scenarios.add_lever');
  await click(page, 'scenarios.add_lever.retention');
  s = await waitState(page, (st) => st.scenario.levers === 1 && !st.scenario.pendingEdit);
  assert.equal(s.scenario.workingLevers[0].kind, 'retention');
  assert.equal(s.scenario.workingLevers[0].points, 0);

  // 3. The comparison shows the scenario; with a neutral lever its equity equals the baseline's.
  const before = await comparedEquity(page, name);
  assert.ok(Math.abs(before.column.equity - before.baseline) < 1e-6 * Math.max(1, Math.abs(before.baseline)),
    `neutral lever: ${before.column.equity} vs baseline ${before.baseline}`);
  await screenshot(page, 'scenario-compare-before');

  // 4. Drag the points slider (0..50 pts) to about 40% of its width: 20 points of churn kept.
  await click(page, 'scenarios.tab.levers');
  await dragSlider(page, 'scenarios.lever.0.points', 0.4);
  s = await waitState(page, (st) => st.scenario.workingLevers[0].points > 0 && !st.scenario.pendingEdit);
  const points = s.scenario.workingLevers[0].points;
  assert.ok(points > 0.1 && points < 0.3, `dragged to ${points}`);
  assert.equal(s.undo, undoBefore + 3, 'the drag is one undoable edit');
  await screenshot(page, 'scenario-levers');
  const afterDrag = await comparedEquity(page, name);
  assert.ok(afterDrag.column.equity > before.column.equity + 1, `equity rose: ${before.column.equity} -> ${afterDrag.column.equity}`);
  assert.ok(Math.abs(afterDrag.column.equityDifference - (afterDrag.column.equity - afterDrag.baseline)) < 1e-6 * Math.abs(afterDrag.baseline));
  await screenshot(page, 'scenario-compare');

  // 5. Type a cost per customer per month into its box: equity drops by the discounted cost.
  await click(page, 'scenarios.tab.levers');
  await typeInto(page, 'scenarios.lever.0.cost_per_customer', '2.5');
  s = await waitState(page, (st) => st.scenario.workingLevers[0].cost_per_customer === 2.5 && !st.scenario.pendingEdit);
  const afterCost = await comparedEquity(page, name);
  assert.ok(afterCost.column.equity < afterDrag.column.equity, `cost lowers equity: ${afterCost.column.equity}`);
  assert.ok(afterCost.column.leverCost > 0, 'lever cost counted');

  // 6. Undo (keyboard) takes the cost back out.
  const undoDepth = (await state(page)).undo;
  await click(page, 'status.notice');
  await press(page, 'Control', 'z');
  s = await waitState(page, (st, d) => st.undo === d - 1, undoDepth);
  assert.notEqual(s.scenario.workingLevers[0].cost_per_customer, 2.5, `undo: ${JSON.stringify(s.scenario)}`);
  const undone = await comparedEquity(page, name);
  assert.ok(Math.abs(undone.column.equity - afterDrag.column.equity) < 1e-6 * Math.abs(afterDrag.column.equity));

  // 7. Sensitivity and baseline views draw; screenshots in English and Chinese.
  await click(page, 'scenarios.tab.sensitivity');
  s = await waitState(page, (st) => st.scenario.tornadoBars > 0);
  const chart = await rect(page, 'scenarios.sensitivity.chart');
  await page.mouse.move(chart.x + chart.w * 0.6, chart.y + 60);
  await frames(page, 3);
  await screenshot(page, 'scenario-sensitivity');
  await click(page, 'scenarios.tab.baseline');
  await screenshot(page, 'scenario-baseline');

  // 8. A second scenario (a copy with a smaller lever) joins the comparison as its own column and line.
  await click(page, 'scenarios.duplicate');
  s = await waitState(page, (st) => st.scenario.scenarios.length === 2 && !st.scenario.pendingEdit);
  const copy = s.scenario.selected;
  await click(page, 'scenarios.tab.levers');
  await dragSlider(page, 'scenarios.lever.0.points', 0.1);
  await waitState(page, (st, p) => st.scenario.workingLevers[0].points < p && !st.scenario.pendingEdit, points);
  const two = await comparedEquity(page, copy);
  assert.equal((await scenarioState(page)).comparison.length, 2);
  assert.ok(two.column.equity < afterDrag.column.equity && two.column.equity > two.baseline, 'smaller lever, smaller gain');
  await screenshot(page, 'scenario-compare-two');
  await page.evaluate(() => window.lifecycleStudio.command('language', 'zh'));
  await waitState(page, (st) => st.language === 'zh');
  await click(page, 'scenarios.tab.levers');
  await screenshot(page, 'scenario-levers-zh');
  await click(page, 'scenarios.tab.compare');
  await screenshot(page, 'scenario-compare-zh');
  await click(page, 'scenarios.tab.sensitivity');
  await screenshot(page, 'scenario-sensitivity-zh');
  await page.evaluate(() => window.lifecycleStudio.command('language', 'en'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('duplicate, rename and delete a scenario (undoable)', async () => {
  const page = await openApp(browser, server.url);
  await page.evaluate(() => window.lifecycleStudio.command('demo', 'saas'));
  await openScenarios(page);
  await click(page, 'scenarios.new');
  let s = await waitState(page, (st) => st.scenario.scenarios.length === 1);
  const first = s.scenario.selected;
  await click(page, 'scenarios.duplicate');
  s = await waitState(page, (st) => st.scenario.scenarios.length === 2);
  const copy = s.scenario.selected;
  assert.notEqual(copy, first);
  assert.deepEqual(s.scenario.compared, [first, copy]);

  await click(page, 'scenarios.rename');
  await rect(page, 'scenarios.rename.input');
  await waitState(page, (st) => st.wantTextInput);
  await press(page, 'Control', 'a');
  await page.keyboard.type('Care plan test', { delay: 20 });
  await press(page, 'Enter');
  s = await waitState(page, (st) => st.scenario.scenarios.includes('Care plan test'));
  assert.equal(s.scenario.selected, 'Care plan test');
  assert.ok(s.scenario.compared.includes('Care plan test'));

  await click(page, 'scenarios.delete');
  s = await waitState(page, (st) => st.scenario.scenarios.length === 1);
  assert.deepEqual(s.scenario.scenarios, [first]);
  await click(page, 'status.notice');
  await press(page, 'Control', 'z');
  await waitState(page, (st) => st.scenario.scenarios.length === 2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an empty workspace gets a typed-in baseline', async () => {
  const page = await openApp(browser, server.url);
  await page.evaluate(() => window.lifecycleStudio.command('new'));
  await waitState(page, (st) => st.customers === 0);
  await openScenarios(page);
  assert.equal((await scenarioState(page)).hasBaseline, false);
  await click(page, 'scenarios.tab.baseline');
  await screenshot(page, 'scenario-empty');
  await click(page, 'scenarios.baseline.template');
  await waitState(page, (st) => st.scenario.hasBaseline);
  // Type a different number of new customers per month: a real edit of the typed-in baseline.
  await typeInto(page, 'scenarios.baseline.new_customers', '300');
  await waitState(page, (st) => !st.scenario.pendingEdit && st.undo === 2);
  await screenshot(page, 'scenario-typed-baseline');
  await click(page, 'scenarios.new');
  await click(page, 'scenarios.tab.levers');
  await click(page, 'scenarios.add_lever');
  await click(page, 'scenarios.add_lever.winback');
  await waitState(page, (st) => st.scenario.levers === 1 && !st.scenario.pendingEdit);
  await dragSlider(page, 'scenarios.lever.0.contact_rate', 0.5);
  const s = await waitState(page, (st) => st.scenario.workingLevers[0].contact_rate > 0.2 && !st.scenario.pendingEdit);
  assert.ok(s.scenario.selectedEquity > s.scenario.baselineEquity, 'winning customers back adds equity');
  await screenshot(page, 'scenario-winback');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// ---- runner (as in run.mjs) ----
await runSuite('scenario browser', tests, (ctx) => { server = ctx.server; browser = ctx.browser; });
