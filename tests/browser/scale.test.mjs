// Browser test at UI scale 150% (View > UI scale): the CLV, Scenarios, Simple CLV and Value segments
// panels in English and Chinese, with a finished CLV fit and a scenario holding levers, for a person to
// look at (the headless app_smoke checks every panel at 125/150/200% for clipped text).
//   node tests/browser/scale.test.mjs        (site: LCS_SITE_DIR or build/web/site)
// Screenshots: build/screenshots/scale150-<panel>-<en|zh>.png.
import assert from 'node:assert/strict';
import { click, frames, openApp, screenshot, state, waitState, runSuite } from './harness.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const items = (page) => page.evaluate(() => window.lifecycleStudio.items());

// Through the app's command: at 150% the tab strip scrolls, and a tab out of view cannot be clicked
// (selecting it scrolls it into view).
async function openPanel(page, id) {
  await page.evaluate((p) => window.lifecycleStudio.command('panel', p), id);
  await waitState(page, (s, p) => s.panel === p, id);
  await frames(page, 4);
}

test('UI scale 150%: CLV, Scenarios, Simple CLV and Value segments in English and Chinese', async (ctx) => {
  const page = await openApp(ctx.browser, ctx.server.url);
  await page.evaluate(() => window.lifecycleStudio.command('scale', '1.5'));
  await waitState(page, (s) => Math.abs(s.scale - 1.5) < 0.01);
  await openPanel(page, 'clv');
  await click(page, 'clv.fit');
  await page.waitForFunction(() => window.lifecycleStudio.items().some((n) => n === 'clv.status.done' || n === 'clv.status.failed'),
    null, { timeout: 180000, polling: 250 });
  assert.ok((await items(page)).includes('clv.status.done'), 'the fit finished');
  await openPanel(page, 'scenarios');
  await click(page, 'scenarios.new');
  await click(page, 'scenarios.tab.levers');
  for (const kind of ['retention', 'price']) {
    await click(page, 'scenarios.add_lever');
    await click(page, `scenarios.add_lever.${kind}`);
  }
  await waitState(page, (s) => s.scenario && s.scenario.levers === 2);
  for (const language of ['en', 'zh']) {
    await page.evaluate((l) => window.lifecycleStudio.command('language', l), language);
    await waitState(page, (s, l) => s.language === l, language);
    for (const panel of ['clv', 'scenarios', 'simple_clv', 'value']) {
      await openPanel(page, panel);
      if (panel === 'scenarios') await click(page, 'scenarios.tab.levers');
      await screenshot(page, `scale150-${panel}-${language}`);
    }
    await openPanel(page, 'scenarios');
    await click(page, 'scenarios.tab.compare');
    await screenshot(page, `scale150-scenarios-compare-${language}`);
  }
  const s = await state(page);
  assert.ok(Math.abs(s.scale - 1.5) < 0.01, `scale ${s.scale}`);
  assert.deepEqual(page.problems, []);
  await page.evaluate(() => window.lifecycleStudio.command('scale', '1'));
  await page.evaluate(() => window.lifecycleStudio.command('language', 'en'));
  await page.context().close();
});

// ---- runner (same output as run.mjs) ----
await runSuite('scale browser', tests);
