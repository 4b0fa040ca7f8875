// The user scenarios of test/e2e against the `vscode` API, in a VS Code downloaded by @vscode/test-electron
// (`npm run test:vscode`; not part of `npm test`). The workspace is a fresh copy of test/vscode/workspace:
// app.py (Gradio 5.49 from requirements.txt) has a misspelled keyword (GR199), a listener outside the Blocks
// context (GR203) and a keyword removed in 4.0 (GR102).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';

const EXTENSION_ID = 'gradio-lsp.gradio-lsp';
const WAIT_MS = 30_000;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

function gradioDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gradio');
}

/** Waits until the gradio diagnostics of `uri` have exactly these codes (sorted). */
function waitForCodes(uri: vscode.Uri, codes: string[]): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify([...codes].sort());
  return waitFor(`diagnostics ${want} on ${uri.fsPath} (now ${JSON.stringify(gradioDiagnostics(uri).map(codeOf).sort())})`, () => {
    const ds = gradioDiagnostics(uri);
    return JSON.stringify(ds.map(codeOf).sort()) === want ? ds : undefined;
  });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${doc.uri.fsPath}`);
  return doc.positionAt(i + delta);
}

suite('Gradio extension in VS Code', () => {
  let ext: vscode.Extension<unknown>;
  let doc: vscode.TextDocument;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    uri = vscode.Uri.joinPath(folder.uri, 'app.py');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await ext.activate();
  });

  test('opening a Gradio app shows its findings from source gradio', async () => {
    const diags = await waitForCodes(uri, ['GR102', 'GR199', 'GR203']);
    const kw = diags.find((d) => codeOf(d) === 'GR199')!;
    assert.equal(kw.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(kw.range), 'lable="Size"');
    assert.match(kw.message, /Gradio 5\.49/, 'the version pinned in requirements.txt is used');
    const target = typeof kw.code === 'object' ? kw.code.target : undefined;
    assert.match(String(target), /docs\/rules\/GR199\.md$/);
    const listener = diags.find((d) => codeOf(d) === 'GR203')!;
    assert.equal(listener.range.start.line, 15);
  });

  test('a quick fix from the code action provider renames the keyword', async () => {
    const kw = gradioDiagnostics(uri).find((d) => codeOf(d) === 'GR199')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, kw.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Suppress GR199 on this line'), titles.join(' | '));
    const rename = actions.find((a) => a.title === 'Rename to `label=`');
    assert.ok(rename?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.match(doc.getText(), /size = gr\.Textbox\(label="Size"\)/);
    await waitForCodes(uri, ['GR102', 'GR203']);
  });

  test('fix-all applies the safe fixes', async () => {
    const start = new vscode.Range(0, 0, 0, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, start, 'source.fixAll.gradio');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.gradio');
    assert.ok(fixAll?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(doc.getText(), /\ndemo\.launch\(\)\n/);
    await waitForCodes(uri, ['GR203']);
  });

  test('hover on gr.Image(type="pil") says what the handler receives', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', uri, positionOf(doc, 'Image(type="pil")'));
    const text = hoverText(hovers);
    assert.match(text, /gr\.Image/);
    assert.match(text, /PIL\.Image\.Image/);
    assert.match(text, /type="pil"/);
  });

  test('the snippets are contributed, offered as completions and expand', async () => {
    const contributed = (ext.packageJSON as { contributes: { snippets: { language: string; path: string }[] } }).contributes.snippets;
    assert.deepEqual(contributed.map((s) => s.language), ['python']);
    const snippets = JSON.parse(readFileSync(join(ext.extensionPath, contributed[0].path), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const blocks = Object.values(snippets).find((s) => s.prefix === 'gr-blocks');
    assert.ok(blocks, 'gr-blocks snippet');

    const scratch = await vscode.workspace.openTextDocument({ language: 'python', content: 'gr-blo' });
    const editor = await vscode.window.showTextDocument(scratch);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', scratch.uri, new vscode.Position(0, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('gr-blocks'), `completions: ${labels.slice(0, 30).join(', ')}`);

    const all = new vscode.Range(0, 0, 0, 6);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(blocks.body.join('\n')), all));
    const text = scratch.getText();
    assert.match(text, /^import gradio as gr\n/);
    assert.match(text, /\nwith gr\.Blocks\(\) as demo:\n/);
    assert.match(text, /def greet\(name\):/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
  });

  test('gradio.restartServer exists, runs, and the new server analyzes the app', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['gradio.restartServer', 'gradio.showOutput', 'gradio.openRuleDocs']) assert.ok(commands.includes(c), c);
    await vscode.commands.executeCommand('gradio.restartServer');
    // Undo the rename: only a running server can report GR199 again.
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('label="Size"');
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'label'.length)), 'lable');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForCodes(uri, ['GR199', 'GR203']);
  });
});
