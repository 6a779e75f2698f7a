/**
 * VS Code itself: code-server installs the packaged .vsix, Debian's chromium
 * (through playwright-core) opens a broken rules.v4, and the test waits for
 * the squiggle and the Problems entry carrying iptlint's code, then saves a
 * screenshot. Needs what test/lsp/vscode/setup.sh installs; skipped, saying
 * so, unless IPTLINT_CODE_SERVER_DIR points at it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.env.IPTLINT_CODE_SERVER_DIR;
const vsix = process.env.IPTLINT_VSIX ?? join(ROOT, 'client/iptlint.vsix');
const missing = !dir
  ? 'IPTLINT_CODE_SERVER_DIR is not set (run test/lsp/vscode/setup.sh)'
  : !existsSync(join(dir, 'node_modules/code-server')) || !existsSync(join(dir, 'node_modules/playwright-core'))
    ? `${dir} has no code-server or playwright-core (run test/lsp/vscode/setup.sh ${dir})`
    : !existsSync(vsix)
      ? `${vsix} is missing (npm run package:vsix --prefix client)`
      : !existsSync('/usr/bin/chromium')
        ? '/usr/bin/chromium is missing (apt-get install chromium)'
        : undefined;
if (missing) console.warn(`skipping the VS Code test: ${missing}`);

const BROKEN = ['*filter', ':INPUT DROP [0:0]', '-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT', '-A INPUT -j NOWHERE', 'COMMIT', ''].join('\n');

const work = mkdtempSync(join(tmpdir(), 'iptlint-code-server-'));
let server: ChildProcess | undefined;
let browser: { close(): Promise<void> } | undefined;
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  // code-server forks helpers (file watcher, extension host): end its whole process group.
  const group = server?.pid;
  if (group !== undefined) {
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-group, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal('SIGKILL');
        resolve(null);
      }, 5000);
      server?.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    signal('SIGKILL');
  }
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!!missing)('VS Code (code-server)', () => {
  test('a broken rules.v4 gets iptlint squiggles and Problems entries', async () => {
    const base = dir!;
    const env = {
      ...process.env,
      PATH: `${join(base, 'node_modules/node/bin')}:${process.env.PATH}`,
      HOME: join(work, 'home'),
      XDG_CONFIG_HOME: join(work, 'home/.config'),
      XDG_DATA_HOME: join(work, 'home/.local/share'),
    };
    const codeServer = join(base, 'node_modules/.bin/code-server');
    const extensions = join(work, 'extensions');
    const userData = join(work, 'user-data');
    const folder = join(work, 'project');
    for (const d of [env.HOME, extensions, join(userData, 'User'), folder]) mkdirSync(d, { recursive: true });
    writeFileSync(join(folder, 'rules.v4'), BROKEN);
    // A quiet workbench: no welcome page, no trust prompt, nothing fetched.
    writeFileSync(
      join(userData, 'User/settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
      }),
    );

    const install = spawnSync(codeServer, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    expect(install.status, install.stderr || install.stdout).toBe(0);

    const port = await freePort();
    server = spawn(
      codeServer,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', extensions, '--user-data-dir', userData, folder],
      { env, stdio: 'ignore', detached: true },
    );
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);

    const require = createRequire(join(base, 'package.json'));
    // playwright-core lives in the code-server cache directory, not in the project: typed here by what the test uses.
    const { chromium } = require('playwright-core') as { chromium: PlaywrightChromium };
    // playwright gives every launch a fresh, throw-away profile.
    const launched = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    browser = launched;
    const page = await (await launched.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

    // Open the file through Quick Open, as a user would.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 30_000 });
    await page.keyboard.type('rules.v4');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    await page.keyboard.press('Enter');

    // The language is recognised from the file name and the server's finding is drawn.
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 90_000 });
    const language = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText();
    expect(language).toMatch(/iptables/);

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'IPT304' });
    await problem.first().waitFor({ timeout: 30_000 });
    const text = await problem.first().innerText();
    expect(text).toContain('NOWHERE');

    const screenshot = process.env.IPTLINT_SCREENSHOT ?? join(ROOT, 'test/lsp/vscode/out/code-server.png');
    mkdirSync(join(screenshot, '..'), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
  }, 240_000);
});

/** The part of playwright-core's API this test uses (the package is installed outside the project). */
interface PlaywrightChromium {
  launch(options: { executablePath: string; headless?: boolean; args?: string[] }): Promise<PlaywrightBrowser>;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page API is used dynamically, checked by the test's assertions
type PlaywrightBrowser = any;

