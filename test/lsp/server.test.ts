// The bundled server over stdio: diagnostics (push and pull), incremental edits, code actions, fix-all, settings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, initParser, syntaxErrorsOf } from '../../server/src/engine';
import { TestClient, applyTextEdits, actionEdits } from './client';

const APP = `import gradio as gr

def greet(name, greeting):
    return greeting + name

with gr.Blocks() as demo:
    name = gr.Textbox(lable="Name")
    out = gr.Textbox()
    btn = gr.Button()
    btn.click(greet, [name], out)

demo.launch(frobnicate=True)
`;

const dir = mkdtempSync(join(tmpdir(), 'gradio-lsp-'));
const appPath = join(dir, 'app.py');
writeFileSync(appPath, APP);
const uri = TestClient.uri(appPath);

describe('push diagnostics', () => {
  let c: TestClient;
  before(async () => { c = await TestClient.start(); await initParser(); });
  after(() => c.stop());

  it('publishes findings with code, link, source and fixes in data', async () => {
    await c.open(uri, APP);
    const diags = await c.waitForDiagnostics(uri, 1);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['GR199', 'GR199', 'GR200']);
    const kw = diags.find((d) => (d.message as string).includes('lable'))!;
    assert.equal(kw.source, 'gradio');
    assert.equal(kw.severity, 1);
    assert.match(kw.codeDescription!.href, /docs\/rules\/GR199\.md$/);
    assert.deepEqual(kw.range, { start: { line: 6, character: 22 }, end: { line: 6, character: 34 } });
    assert.ok(Array.isArray((kw.data as { fixes: unknown[] }).fixes));
    const arity = diags.find((d) => d.code === 'GR200')!;
    assert.equal(arity.relatedInformation?.[0].location.uri, uri);
  });

  it('follows incremental edits', async () => {
    c.clearDiagnostics(uri);
    // Type the missing input: `[name]` -> `[name, name]`.
    const v = await c.change(uri, ', name', { start: { line: 9, character: 26 }, end: { line: 9, character: 26 } });
    const diags = await c.waitForDiagnostics(uri, v);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['GR199', 'GR199']);
  });

  it('in a large file: a label edit carries the analysis over, a structural edit waits for the delay; both exact', async () => {
    // Over 100 kB (a debounced file), with a finding whose position moves when the label grows.
    const big = `${APP.replace('demo.launch(frobnicate=True)\n', '')}${'x = 1  # padding line for a large file\n'.repeat(3000)}demo.launch(frobnicate=True)\n`;
    const bigUri = TestClient.uri(join(dir, 'big.py'));
    await c.open(bigUri, big);
    await c.waitForDiagnostics(bigUri, 1, 30_000);
    const label = { line: 6, character: big.split('\n')[6].indexOf('"Name') + 1 };
    const lastLine = big.split('\n').length - 2;
    let current = big;
    for (const [text, range] of [
      ['Your ', { start: label, end: label }],
      ['', { start: label, end: { line: label.line, character: label.character + 5 } }],
      [', name', { start: { line: 9, character: 26 }, end: { line: 9, character: 26 } }],
    ] as const) {
      const v = await c.change(bigUri, text, range);
      const diags = await c.waitForDiagnostics(bigUri, v, 30_000);
      current = applyTextEdits(current, [{ range, newText: text }]);
      const fresh = analyze(current).map((f) => `${f.code} ${JSON.stringify(f.range)}`);
      assert.deepEqual(diags.map((d) => `${d.code} ${JSON.stringify(d.range)}`), fresh, `after ${JSON.stringify(text)}`);
      assert.ok(diags.some((d) => d.range.start.line === lastLine));
    }
    const diags = await c.waitForDiagnostics(bigUri, 4);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['GR199', 'GR199']);
    await c.close(bigUri);
  });

  it('offers each finding\'s fixes and a suppression as quick fixes', async () => {
    const diags = await c.waitForDiagnostics(uri);
    const kw = diags.find((d) => (d.message as string).includes('lable'))!;
    const actions = await c.codeActions(uri, kw.range, [kw]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Rename to `label=`'), titles.join(' | '));
    assert.ok(titles.includes('Suppress GR199 on this line'));
    const text = applyTextEdits(APP.replace('[name]', '[name, name]'), actionEdits(actions.find((a) => a.title === 'Rename to `label=`')!));
    assert.match(text, /gr\.Textbox\(label="Name"\)/);
    const suppressed = applyTextEdits(APP, actionEdits(actions.find((a) => a.title.startsWith('Suppress'))!));
    assert.match(suppressed.split('\n')[6], /# noqa: GR199$/);
  });

  it('in a broken file, offers no suppression that would parse worse', async () => {
    // Found by a long server fuzz run: the comment landed after an unclosed quote on the next line's text.
    const broken = "# gradio-lint: target-version=6.25\nimport gradio as gr\n\n\ndef answer(context, question):\n    return context[:40], 0.5\n\n\ndemo = gr.Interface(\n    fn=answer,\n    inputs=[\n        gr.inputs.Textbox(7, \"Paste a paragraph\", default=\"Gradio is a Python library.\", label=\"Context\"),  # expect: GR100\n        gr.inputs.Textbox(lines=2, default=\"What is Gradio?\", optional=True),  # expect: GR100\n    ],\n    outputs=[gr.outputs.Textbox(label=\"Answer\"), gr.oimport gradio.components as grc\n't'class gr.update(await utputs.Label(type=\"confidences\")],  # expect: GR100, GR100\n)\n\nif __name__ == \"__main__\":\n    demo.launch()\n";
    const brokenUri = TestClient.uri(join(dir, 'broken.py'));
    await c.open(brokenUri, broken);
    const diags = await c.waitForDiagnostics(brokenUri, 1);
    const line = broken.split('\n').findIndex((l) => l.includes('gr.oimport'));
    const onLine = diags.filter((d) => d.range.start.line === line);
    assert.ok(onLine.length > 0, 'a finding on the line');
    for (const d of onLine) {
      for (const a of await c.codeActions(brokenUri, d.range, [d])) {
        const after = applyTextEdits(broken, actionEdits(a));
        assert.ok(syntaxErrorsOf(after) <= syntaxErrorsOf(broken), `${a.title} parses worse`);
      }
    }
    await c.close(brokenUri);
  });

  it('fix-all applies only safe fixes, as one edit', async () => {
    const actions = await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.gradio']);
    assert.equal(actions.length, 1);
    const text = applyTextEdits(APP.replace('[name]', '[name, name]'), actionEdits(actions[0]));
    assert.match(text, /demo\.launch\(\)/);
    assert.match(text, /lable="Name"/, 'a guessed rename is not safe');
  });

  it('clears diagnostics on close and survives unknown documents', async () => {
    await c.close(uri);
    const cleared = await c.waitForDiagnostics(uri).then(() => c.waitForDiagnostics(uri));
    assert.ok(Array.isArray(cleared));
    await c.change('file:///nowhere.py', 'x', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(await c.hover('file:///nowhere.py', { line: 0, character: 0 }), null);
  });
});

describe('pull diagnostics and settings', () => {
  let c: TestClient;
  before(async () => { c = await TestClient.start({ pull: true, settings: { lint: { ignore: ['GR200'], severity: { GR199: 'warning' } } } }); });
  after(() => c.stop());

  it('answers textDocument/diagnostic with editor settings applied', async () => {
    await c.open(uri, APP);
    const diags = await c.pullDiagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['GR199', 'GR199']);
    assert.ok(diags.every((d) => d.severity === 2));
  });

  it('re-reads settings when they change', async () => {
    await c.changeSettings({ lint: { enable: false } });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await c.pullDiagnostics(uri), []);
  });

  it('reports nothing for files that do not use gradio', async () => {
    const other = TestClient.uri(join(dir, 'other.py'));
    await c.changeSettings({});
    await c.open(other, 'import numpy as np\nnp.zeros(3).click()\n');
    assert.deepEqual(await c.pullDiagnostics(other), []);
  });
});

describe('project configuration', () => {
  let c: TestClient;
  const proj = mkdtempSync(join(tmpdir(), 'gradio-proj-'));
  before(async () => {
    writeFileSync(join(proj, 'requirements.txt'), 'gradio==3.50.2\n');
    writeFileSync(join(proj, 'pyproject.toml'), '[tool.gradio-lint]\nignore = ["GR200"]\n');
    c = await TestClient.start();
  });
  after(() => c.stop());

  it('uses the pinned version and the pyproject table', async () => {
    const path = join(proj, 'app.py');
    const u = TestClient.uri(path);
    writeFileSync(path, APP);
    await c.open(u, APP);
    // 3.x components accepted unknown keywords; launch() did not.
    const diags = await c.waitForDiagnostics(u, 1);
    assert.deepEqual(diags.map((d) => d.code), ['GR199']);
    assert.match(diags[0].message as string, /Gradio 3\.50\.2/);
    const info = await c.conn.sendRequest('gradio/projectInfo', { uri: u }) as { version: string; source: string };
    assert.equal(info.version, '3.50.2');
    assert.match(info.source, /requirements\.txt/);
  });
});

describe('settings pushed by clients without workspace/configuration (Neovim 0.7)', () => {
  let c: TestClient;
  before(async () => { c = await TestClient.start({ configuration: false }); });
  after(() => c.stop());

  it('uses the gradio section of didChangeConfiguration', async () => {
    const u = TestClient.uri(join(dir, 'pushed.py'));
    await c.changeSettings({ targetVersion: '5.49', lint: { ignore: ['GR200'] } });
    await c.open(u, APP);
    const diags = await c.waitForDiagnostics(u, 1);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['GR199', 'GR199']);
    assert.match(diags.find((d) => (d.message as string).includes('lable'))!.message as string, /Gradio 5\.49/);
    c.clearDiagnostics(u);
    await c.changeSettings({});
    const again = await c.waitForDiagnostics(u, 1);
    assert.deepEqual(again.map((d) => d.code).sort(), ['GR199', 'GR199', 'GR200']);
  });
});
