// The packaged extension, installed the way a user installs a downloaded .vsix: `vsce package` (as
// `npm run package` does, from the dist/ that `npm test` just built) into a temp folder, then code-server's
// `--install-extension <vsix>`, then a session that opens an app with a mistake. No requirements.txt here, so
// the status item shows the default target, Gradio 6.25. E2E_VSIX=<path> tests a given .vsix instead (for
// instance the minified one `npm run package` writes to gradio-lsp.vsix).
// Screenshots and logs: test-output/e2e/vsix/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, startVSCode, type Session } from './harness';
import { e2ePlan, findingRows, languageStatus, shot, waitForProblems } from './support';

const plan = e2ePlan();

const APP = `import gradio as gr


def reverse(text):
    return text[::-1]


with gr.Blocks() as demo:
    source = gr.Textbox(lable="Text")
    mirrored = gr.Textbox(label="Reversed")
    source.submit(reverse, inputs=source, outputs=mirrored)

demo.launch()
`;

describe('the packaged .vsix installs into code-server and works', { skip: plan.skip, timeout: 10 * 60_000 }, () => {
  let s: Session | undefined;
  let vsix = '';
  let tmp = '';
  const timings: string[] = [];
  let t0 = 0;

  before(async () => {
    if (plan.error) throw new Error(plan.error);
    t0 = Date.now();
    if (process.env.E2E_VSIX) {
      vsix = path.resolve(process.env.E2E_VSIX);
    } else {
      tmp = fs.mkdtempSync(path.join(tmpdir(), 'gradio-e2e-vsix-'));
      vsix = path.join(tmp, 'gradio-lsp.vsix');
      execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
        timeout: 180_000,
      });
      timings.push(`vsce package ${Date.now() - t0} ms`);
    }
    assert.ok(fs.existsSync(vsix), `${vsix} exists`);
    const t1 = Date.now();
    s = await startVSCode({
      extensionDir: REPO_ROOT,
      vsix,
      files: { 'app.py': APP },
      name: 'vsix',
      timeoutMs: 60_000,
      startTimeoutMs: 180_000,
    });
    timings.push(`install + start ${Date.now() - t1} ms`);
  }, { timeout: 8 * 60_000 });

  after(async () => {
    await s?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    if (t0) process.stderr.write(`[e2e vsix] ${timings.join(', ')}; total ${Date.now() - t0} ms\n`);
  });

  it('7. code-server --install-extension installs the .vsix; the extension reports a finding and the default target', { timeout: 180_000 }, async () => {
    assert.ok(s);
    const started = Date.now();
    try {
      // Installed by code-server from the package (its manifest is kept), not copied from the repo.
      const installed = path.join(s.runDir, 'exts', 'gradio-lsp.gradio-lsp-0.1.0');
      assert.ok(fs.existsSync(path.join(installed, '.vsixmanifest')), 'installed from a .vsix');
      assert.ok(fs.existsSync(path.join(installed, 'dist', 'server.js')), 'the server bundle is in the package');
      assert.ok(!fs.existsSync(path.join(installed, 'server')), 'no sources in the package');
      assert.match(fs.readFileSync(path.join(s.runDir, 'install-extension.log'), 'utf8'), /was successfully installed/);

      await s.openFile('app.py');
      await s.waitForSquiggle('error');
      const rows = findingRows(await waitForProblems(s, (r) => findingRows(r).length >= 1, 'a finding in the Problems panel'));
      assert.equal(rows.length, 1, JSON.stringify(rows));
      assert.match(rows[0], /gradio\.Textbox has no parameter `lable` in Gradio 6\.25.*gradio GR199 \[Ln 9, Col 25\]/);
      const { hover } = await languageStatus(s, /Gradio 6\.25/);
      assert.match(hover, /Gradio 6\.25/);
      await shot(s, 'vsix', 'installed-vsix');
      await s.press('Escape');
      assert.deepEqual(s.extensionHostErrors(), [], 'no extension host errors mentioning gradio-lsp.gradio-lsp');
      assert.match(s.extensionHostLog(), /ExtensionService#_doActivateExtension gradio-lsp\.gradio-lsp/);
      const channel = s.outputChannelLog('Gradio');
      assert.match(channel, /gradio-language-server ready/);
      assert.deepEqual(channel.split('\n').filter((l) => /fail|\[error\]/i.test(l)), [], 'no failed/error lines in the Gradio output channel');
    } finally {
      await shot(s, 'vsix', 'end').catch(() => undefined);
      timings.push(`scenario ${Date.now() - started} ms`);
    }
  });
});
