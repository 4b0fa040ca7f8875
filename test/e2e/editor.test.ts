// What a user of the extension sees in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, in Chromium): one
// editor session runs the scenarios in order, each saving its screenshots in test-output/e2e/<scenario>/.
// The workspace is a copy of fixtures/app: app.py (a misspelled keyword GR199, a listener outside the Blocks
// context GR203 whose handler takes more inputs than it gets GR200) pinned to gradio==4.44.1 by requirements.txt,
// and an empty blocks_app.py for the snippet.
// Needs the tools of scripts/setup-e2e.sh (run from here; fast when installed) and a build (npm test builds first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT, startVSCode, waitUntil, type Session } from './harness';
import { e2ePlan, EXTENSION_FILES, findingRows, languageStatus, scenarioDir, shot, waitForProblems } from './support';

const plan = e2ePlan();
const STEP_MS = 120_000;

describe('the extension in a real VS Code (code-server)', { skip: plan.skip, timeout: 10 * 60_000 }, () => {
  let s: Session;
  const timings: string[] = [];
  let t0 = 0;

  before(async () => {
    if (plan.error) throw new Error(plan.error);
    t0 = Date.now();
    s = await startVSCode({
      extensionDir: REPO_ROOT,
      extensionFiles: EXTENSION_FILES,
      workspace: path.join(__dirname, 'fixtures', 'app'),
      files: { 'blocks_app.py': '' },
      name: 'editor-session',
      // Generous: a busy 2-core machine took 45-65 s to start a session.
      timeoutMs: 60_000,
      startTimeoutMs: 180_000,
    });
    timings.push(`start ${Date.now() - t0} ms`);
  }, { timeout: 6 * 60_000 });

  after(async () => {
    await s?.close();
    if (t0) process.stderr.write(`[e2e editor] ${timings.join(', ')}; session total ${Date.now() - t0} ms\n`);
  });

  /** Runs a scenario with its screenshot folder; the last screenshot is taken even when it fails. */
  async function scenario(name: string, body: () => Promise<void>): Promise<void> {
    const started = Date.now();
    scenarioDir(name);
    try {
      await body();
    } finally {
      await shot(s, name, 'end').catch(() => undefined);
      timings.push(`${name} ${Date.now() - started} ms`);
    }
  }

  it('1. opening an app with mistakes shows squiggles and Problems rows with GR codes from "gradio"', { timeout: STEP_MS }, () =>
    scenario('diagnostics', async () => {
      await s.openFile('app.py');
      assert.ok((await s.waitForSquiggle('error')) >= 1, 'error squiggles');
      await s.waitForSquiggle('warning');
      const rows = findingRows(await waitForProblems(s, (r) => findingRows(r).length >= 3, 'three findings in the Problems panel'));
      for (const [code, line, col, message] of [
        ['GR199', 18, 25, /gradio\.Textbox has no parameter `lable` in Gradio 4\.44\.1; did you mean `label`\?/],
        ['GR203', 23, 1, /`\.change\(\.\.\.\)` is called outside a `with gr\.Blocks\(\)` context/],
        ['GR200', 23, 1, /`shout` takes 2 inputs but the listener passes 1/],
      ] as const) {
        const row = rows.find((r) => r.includes(` gradio ${code} [Ln ${line}, Col ${col}]`));
        assert.ok(row, `a Problems row "gradio ${code} [Ln ${line}, Col ${col}]" in ${JSON.stringify(rows)}`);
        assert.match(row, message);
      }
      assert.equal(rows.length, 3, `exactly the three findings: ${JSON.stringify(rows)}`);
      assert.equal(await s.problemsStatus(), 'Errors: 2, Warnings: 1');
    }));

  it('2. Ctrl+. renames lable= to label= (GR199), and "Suppress GR200 on this line" adds # noqa: GR200', { timeout: STEP_MS }, () =>
    scenario('quick-fix', async () => {
      await s.quickFix({ text: 'lable', line: 18 }, 'Rename to `label=`');
      let text = await s.waitForEditorText((t) => t.includes('result = gr.Textbox(label="Caption")'), 30_000, 'the rename to label=');
      assert.ok(!text.includes('lable'), 'no lable= left');
      await waitForProblems(s, (r) => !r.some((x) => x.includes('GR199')), 'GR199 to leave the Problems panel');
      await shot(s, 'quick-fix', 'after-rename');

      const titles = await s.codeActions({ text: 'result.change', line: 23 });
      assert.ok(titles.includes('Suppress GR200 on this line'), JSON.stringify(titles));
      assert.ok(titles.includes('Suppress GR203 on this line'), JSON.stringify(titles));
      await s.quickFix({ text: 'result.change', line: 23 }, 'Suppress GR200 on this line');
      text = await s.waitForEditorText((t) => t.includes('# noqa: GR200'), 30_000, 'the # noqa: GR200 comment');
      const line23 = text.split('\n')[22];
      assert.match(line23, /^result\.change\(shout, inputs=result, outputs=loud\)\s+# noqa: GR200$/);
      await s.waitForNoSquiggle('warning', 30_000);
      const rows = findingRows(await waitForProblems(s, (r) => findingRows(r).length === 1, 'only GR203 left in the Problems panel'));
      assert.match(rows[0], /gradio GR203 \[Ln 23, Col 1\]/);
    }));

  it('3. hovering "pil" in gr.Image(type="pil") says the handler gets a PIL.Image.Image', { timeout: STEP_MS }, () =>
    scenario('hover', async () => {
      const pil = await s.hoverText('"pil"', { line: 16, waitForText: 'PIL.Image.Image' });
      assert.match(pil, /gr\.Image/);
      assert.match(pil, /The handler receives\s+PIL\.Image\.Image/);
      await shot(s, 'hover', 'pil');
      const textbox = await s.hoverText('Textbox', { line: 19, waitForText: 'gr.Textbox' });
      assert.match(textbox, /The handler receives\s+str/);
      assert.match(textbox, /Gradio 4\.44\.1/);
    }));

  it('4. typing gr-blocks and accepting the suggestion expands a working Blocks app with no squiggles', { timeout: STEP_MS }, () =>
    scenario('snippet', async () => {
      await s.openFile('blocks_app.py');
      const suggestRows = s.page.locator('.monaco-editor .suggest-widget.visible .monaco-list-row');
      const blocksRow = suggestRows.filter({ hasText: 'gr-blocks' });
      await s.page.keyboard.type('gr-blocks', { delay: 30 });
      await waitUntil(
        async () => {
          if ((await blocksRow.count()) > 0) return true;
          // Quick suggestions may not open on a busy machine: ask for them as a user would.
          if ((await suggestRows.count()) === 0) await s.press('Control+Space');
          return false;
        },
        60_000,
        'the gr-blocks snippet in the suggestion list',
        1_000,
      );
      await shot(s, 'snippet', 'suggestion');
      // The best match is focused; Tab accepts it (Tab and Enter both accept the focused suggestion).
      const focused = s.page.locator('.monaco-editor .suggest-widget.visible .monaco-list-row.focused');
      const label = (await focused.first().getAttribute('aria-label', { timeout: 10_000 })) ?? '';
      if (!label.includes('gr-blocks')) await blocksRow.first().click();
      else await s.press('Tab');
      // Leave the snippet's placeholders (the cursor sits on the first one, the handler's name).
      await waitUntil(async () => (await s.visibleLines()).some((l) => l.text.includes('with gr.Blocks() as demo:')), 30_000, 'the expanded snippet');
      await s.press('Escape');
      await s.press('Escape');
      const text = await s.editorText();
      for (const expected of [
        'import gradio as gr\n',
        'def greet(name):\n',
        'with gr.Blocks() as demo:\n',
        '    name_box = gr.Textbox(label="Name")\n',
        '    submit_btn.click(greet, inputs=name_box, outputs=greeting)\n',
        'if __name__ == "__main__":\n    demo.launch()\n',
      ]) {
        assert.ok(text.includes(expected), `the expanded app has ${JSON.stringify(expected)}:\n${text}`);
      }
      assert.ok(!text.includes('gr-blocks'), 'the prefix was replaced');
      // Prove the server analyses this file: a misspelt keyword gets a squiggle, and undoing it clears it again
      // (so the clean state below is the server's verdict on the snippet's text, not an unanalysed file).
      await s.setCursor({ text: '="Name"', offset: 0 });
      await s.page.keyboard.type('s');
      await s.waitForSquiggle('error', 60_000);
      await shot(s, 'snippet', 'typo-squiggle');
      await s.press('Control+Z');
      await s.waitForNoSquiggle('error', 60_000);
      const after = await s.editorText();
      assert.equal(after, text, 'undo restored the snippet text');
      await waitForProblems(s, (r) => !r.some((x) => x.includes('blocks_app.py')), 'no Problems rows for blocks_app.py');
      assert.equal(await s.squiggleCount('warning'), 0, 'no warning squiggles');
      assert.equal(await s.squiggleCount('error'), 0, 'no error squiggles');
    }));

  it('5. the language status item says the Gradio version pinned by requirements.txt', { timeout: STEP_MS }, () =>
    scenario('status', async () => {
      await s.openFile('app.py');
      const { label, hover } = await languageStatus(s, /Gradio 4\.44/);
      assert.match(label, /Gradio 4\.44(\.1)?\b/);
      assert.match(hover, /Gradio 4\.44/);
      assert.match(hover, /requirements\.txt/);
      await shot(s, 'status', 'language-status');
      await s.press('Escape');
    }));

  it('6. no errors from the extension in the extension host log; the Gradio output channel has no failures', { timeout: STEP_MS }, () =>
    scenario('logs', async () => {
      await s.runCommand('Gradio: Show Output');
      // The Output panel shows the Gradio channel (a read-only editor inside the panel).
      const shown = s.page.locator('.part.panel .monaco-editor .view-lines').filter({ hasText: 'gradio-language-server ready' });
      await shown.first().waitFor({ state: 'visible', timeout: 60_000 });
      const channel = s.outputChannelLog('Gradio');
      assert.match(channel, /gradio-language-server ready: \d+ rules/);
      const failed = channel.split('\n').filter((l) => /fail|\[error\]/i.test(l));
      assert.deepEqual(failed, [], 'no failed/error lines in the Gradio output channel');
      assert.deepEqual(s.extensionHostErrors(), [], 'no extension host errors mentioning gradio-lsp.gradio-lsp');
      assert.deepEqual(s.extensionHostErrors(/gradio/i), [], 'no extension host errors mentioning gradio');
      const host = s.extensionHostLog();
      assert.match(host, /ExtensionService#_doActivateExtension gradio-lsp\.gradio-lsp/);
      assert.deepEqual(s.unexpectedConsoleErrors().filter((e) => /gradio/i.test(e)), [], 'no workbench console errors about gradio');
    }));
});
