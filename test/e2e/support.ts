// Shared by the e2e test files: installs (or checks) the tools, decides whether the suite runs, and gives each
// scenario its own screenshot folder test-output/e2e/<scenario>/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT_ROOT, REPO_ROOT, waitUntil, type Session } from './harness';

/** Where the e2e suite stands on this machine: run it, skip it (with why), or fail it (CI without tools). */
export interface E2EPlan {
  /** Passed to describe(): false, or the reason the suite is skipped. */
  skip: false | string;
  /** Set when the suite must run but cannot (CI=true and the tools could not be installed): `before` throws it. */
  error?: string;
}

const inCI = (): boolean => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

let plan: E2EPlan | undefined;

/**
 * Runs `bash scripts/setup-e2e.sh` once per test process (about 0.1 s when the tools are installed; a few minutes
 * on a fresh machine) and checks that the extension is built. Outside CI a missing tool skips the suite with a
 * message; with CI=true it fails the suite instead, so CI can never pass without running the editor scenarios.
 * GRADIO_LSP_E2E=0 skips the suite on purpose (also in CI), for a quick local `npm test`.
 */
export function e2ePlan(): E2EPlan {
  if (plan) return plan;
  if (process.env.GRADIO_LSP_E2E === '0') {
    return (plan = { skip: 'GRADIO_LSP_E2E=0: the real-editor scenarios (test/e2e) are skipped on request' });
  }
  const problem = setupProblem();
  if (!problem) return (plan = { skip: false });
  if (inCI()) return (plan = { skip: false, error: `CI=true and the e2e tools are unavailable: ${problem}` });
  return (plan = { skip: `test/e2e skipped: ${problem} (run 'bash scripts/setup-e2e.sh'; CI fails instead of skipping)` });
}

function setupProblem(): string | undefined {
  for (const f of ['dist/extension.js', 'dist/server.js', 'package.json']) {
    if (!fs.existsSync(path.join(REPO_ROOT, f))) return `${f} is missing: run 'npm run build' first`;
  }
  const t0 = Date.now();
  // The script's output goes to stderr: stdout of a node:test file belongs to the test runner.
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-e2e.sh')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 2, 2],
    timeout: 20 * 60_000,
    killSignal: 'SIGKILL',
  });
  if (r.error) return `scripts/setup-e2e.sh could not run: ${r.error.message}`;
  if (r.status !== 0) return `scripts/setup-e2e.sh failed (status ${r.status}, signal ${r.signal}) after ${Date.now() - t0} ms`;
  return undefined;
}

/** The build's own files, as the .vsix ships them (not the sources, tests or node_modules of the repo). */
export const EXTENSION_FILES = ['package.json', 'dist', 'snippets', 'syntaxes', 'docs', 'images', 'README.md', 'LICENSE'];

/** test-output/e2e/<scenario>/, emptied: a scenario's screenshots (the session's logs stay in its run folder). */
export function scenarioDir(scenario: string): string {
  const dir = path.join(OUTPUT_ROOT, scenario);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Saves a screenshot of what the user sees now as test-output/e2e/<scenario>/<name>.png. */
export async function shot(s: Session, scenario: string, name: string): Promise<string> {
  const file = path.join(OUTPUT_ROOT, scenario, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await s.page.screenshot({ path: file, timeout: 30_000 });
  return file;
}

/**
 * Polls the Problems panel until its rows satisfy the predicate (the panel updates a moment after the server
 * publishes). Returns the rows.
 */
export async function waitForProblems(
  s: Session,
  predicate: (rows: string[]) => boolean,
  description: string,
  timeoutMs = 60_000,
): Promise<string[]> {
  let last: string[] = [];
  try {
    return await waitUntil(
      async () => {
        last = await s.problems({ timeoutMs: 10_000 });
        return predicate(last) ? last : undefined;
      },
      timeoutMs,
      description,
      500,
    );
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`${msg}\n  last Problems rows:\n    ${last.join('\n    ')}\n  run folder: ${s.runDir}`);
  }
}

/** The Problems rows that are findings (not file rows or related-information rows), e.g. "... gradio GR199 [Ln 18, Col 25]". */
export function findingRows(rows: string[]): string[] {
  return rows.filter((r) => /\bGR\d{3}\b/.test(r));
}

/** Text of the language status hover that the `{}` item of the status bar opens on click. */
export async function languageStatus(s: Session, expect: RegExp, timeoutMs = 60_000): Promise<{ label: string; hover: string }> {
  const item = s.page.locator('[id="status.languageStatus"]').first();
  // The item's aria-label lists the language status items ("Editor Language Status: Gradio 4.44.1, ...") once
  // the client has asked the server for the project's version.
  const label = await waitUntil(
    async () => {
      const l = (await item.getAttribute('aria-label', { timeout: 2_000 })) ?? '';
      return expect.test(l) ? l : undefined;
    },
    timeoutMs,
    `the language status item to say ${expect}`,
    250,
  ).catch(async (err: Error) => {
    const now = await item.getAttribute('aria-label', { timeout: 2_000 }).catch(() => null);
    throw new Error(`${err.message}; its aria-label is ${JSON.stringify(now)}`);
  });
  const hover = s.page.locator('.monaco-hover:visible').filter({ hasText: expect });
  const text = await waitUntil(
    async () => {
      if ((await hover.count()) === 0) {
        // A click toggles the hover; click again only if it did not open.
        await item.click({ timeout: 5_000 });
        await s.page.waitForTimeout(500);
        if ((await hover.count()) === 0) return undefined;
      }
      return (await hover.first().innerText({ timeout: 2_000 })).trim();
    },
    timeoutMs,
    `the language status hover showing ${expect}`,
    500,
  );
  return { label, hover: text };
}
