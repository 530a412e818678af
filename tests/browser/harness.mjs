// Browser-test plumbing: a static server for build/web/site, Debian's Chromium through
// playwright-core, and helpers that drive the app with real mouse and keyboard events at the
// rectangles the app reports (window.lifecycleStudio.itemRect). Waits are on app state, never sleeps.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.LCS_SITE_DIR || path.join(ROOT, 'build', 'web', 'site');
export const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');
const TIMEOUT = Number(process.env.LCS_BROWSER_TIMEOUT_MS || 60000);

export async function startServer() {
  const child = spawn('/usr/bin/python3', [path.join(ROOT, 'tools', 'serve.py'), '--port', '0', '--dir', SITE], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LCS_SERVE_QUIET: '1' } });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => reject(new Error(`serve.py exited (${code}): ${out}`)));
  });
  return { url, stop: () => child.kill() };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.LCS_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
           '--disable-dev-shm-usage'],
  });
}

// A page with its console errors collected (page.problems) and dialogs recorded (page.dialogs).
export async function openApp(browser, url, options = {}) {
  const context = options.context || await browser.newContext({
    acceptDownloads: true, viewport: { width: 1280, height: 800 }, deviceScaleFactor: options.scale || 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.problems = [];
  page.dialogs = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message} ${(err.stack || '').split('\n').slice(1, 4).join(' | ')}`));
  page.on('dialog', async (dialog) => { page.dialogs.push(dialog.type()); await dialog.accept(); });
  await page.goto(url);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.lifecycleStudio && window.lifecycleStudio.ready, null, { timeout: TIMEOUT });
  await page.evaluate(() => window.lifecycleStudio.ready);
}

export const state = (page) => page.evaluate(() => window.lifecycleStudio.state());
export const workspaceJson = (page) => page.evaluate(() => window.lifecycleStudio.workspaceJson());

export async function waitState(page, predicate, arg) {
  const handle = await page.waitForFunction(
    ([source, a]) => { const s = window.lifecycleStudio.state(); return new Function('s', 'a', `return (${source})(s, a)`)(s, a) ? s : null; },
    [predicate.toString(), arg], { timeout: TIMEOUT, polling: 100 });
  return handle.jsonValue();
}

// Waits until the app has drawn `name` and returns its rectangle in CSS pixels.
export async function rect(page, name) {
  const handle = await page.waitForFunction((n) => window.lifecycleStudio.itemRect(n), name, { timeout: TIMEOUT, polling: 100 });
  return handle.jsonValue();
}

export async function hasItem(page, name) {
  return page.evaluate((n) => window.lifecycleStudio.itemRect(n) !== null, name);
}

// Waits until the app has drawn `frames` more frames (it idles otherwise).
export async function frames(page, count = 2) {
  const start = (await state(page)).frame;
  await page.waitForFunction(([s, c]) => window.lifecycleStudio.state().frame >= s + c, [start, count], { timeout: TIMEOUT, polling: 50 });
}

// A real click in the middle of a named item: move, let ImGui see the hover, press, release.
// The item's rectangle is read again after the hover frames: a layout that changed since the last
// frame (a language switch, a panel that just opened) would otherwise get the press at a stale spot.
export async function click(page, name, options = {}) {
  let previous = null;
  for (let attempt = 0; attempt < 5; ++attempt) {
    const r = await rect(page, name);
    const x = r.x + (options.dx ?? r.w / 2), y = r.y + r.h / 2;
    if (previous && previous.x === x && previous.y === y) break;
    await page.mouse.move(x, y);
    await frames(page, 2);
    previous = { x, y };
  }
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 2);
}

export async function key(page, combo) {
  await page.keyboard.press(combo);
  await frames(page, 2);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await frames(page, 2);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

// Runs a suite: starts the static server and Chromium, runs each test (argv[2] filters by name), prints
// "ok"/"FAIL" per test and "<label>: N passed, N failed", then exits non-zero on any failure.
// Each test receives ctx = {server, browser}; onStart(ctx) lets a file keep them in its own variables.
export async function runSuite(label, tests, onStart = () => {}) {
  const only = process.argv[2];
  const ctx = {};
  let passed = 0, failed = 0;
  try {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
    onStart(ctx);
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const started = Date.now();
      try {
        await t.fn(ctx);
        passed++;
        console.log(`ok   ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${t.name}\n     ${String(error && error.stack || error).split('\n').slice(0, 6).join('\n     ')}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`FAIL setup: ${error && error.stack || error}`);
  } finally {
    if (ctx.browser) await ctx.browser.close();
    if (ctx.server) ctx.server.stop();
  }
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
