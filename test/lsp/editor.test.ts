// The editor features of the bundled server over stdio: every kind of hover, inlay hints, and the
// `gradio.inlayHints.enable` setting. Run `npm run build` first (npm test does).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const APP = `import gradio as gr


def classify(img, threshold, files, label: str, req: gr.Request):
    return img.size, threshold  # noqa: GR201


def shout(text):
    return text.upper()


with gr.Blocks() as demo:
    picture = gr.Image(type="pil")
    level = gr.Slider(0, 1, precision=0)
    uploads = gr.File(file_count="multiple")
    name = gr.Textbox(lines=2)
    history = gr.State([])
    out = gr.Textbox()
    go = gr.Button("Go")
    go.click(classify, [picture, level, uploads, name], [out, history], concurrency_limit=4)
    name.submit(shout, name, out)
    name.change(lambda t: gr.update(visible=bool(t)), name, out)

demo.queue(max_size=16).launch(share=True, max_file_size="20mb")
`;

/** The position of the `nth` occurrence of `needle` in `text`, moved `delta` characters into it. */
function posOf(text: string, needle: string, delta = 1, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

const dir = mkdtempSync(join(tmpdir(), 'gradio-lsp-editor-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return TestClient.uri(path);
};
const uri = write('app.py', APP);

describe('hover', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
    await c.open(uri, APP);
  });
  after(() => c.stop());

  const hoverText = async (needle: string, delta = 1, nth = 0, at = uri, text = APP) => markdown(await c.hover(at, posOf(text, needle, delta, nth)));

  it('on a component constructor: what the handler receives for each type= value', async () => {
    const md = await hoverText('Image(type');
    assert.match(md, /receives `PIL\.Image\.Image` \(`type="pil"`\)/);
    assert.match(md, /`"numpy"` \(default\) \| `np\.ndarray`/);
    assert.match(md, /`None` when no image is given/);
    assert.match(md, /Events: .*`\.upload`/);
  });

  it('on type=: the chosen value first, and the range is the keyword', async () => {
    const h = await c.hover(uri, posOf(APP, 'type="pil"'));
    assert.match(markdown(h), /^\*\*gr\.Image\*\* `type=`\n\nThe handler receives `PIL\.Image\.Image`/);
    assert.deepEqual(h!.range, { start: posOf(APP, 'type="pil"', 0), end: posOf(APP, 'type="pil"', 4) });
  });

  it('on a component without type=: the value it passes, with its keywords applied', async () => {
    assert.match(await hoverText('Slider'), /receives `int`/);
  });

  it('on other component keywords: type and default from the API tables', async () => {
    assert.match(await hoverText('lines=2'), /^\*\*lines\*\*: `int`, default `1`/);
  });

  it('on launch() and its keywords: the facts cheat sheets get wrong', async () => {
    const md = await hoverText('launch(');
    assert.match(md, /queue is already on/);
    assert.match(md, /no upload size limit unless `max_file_size=`/);
    assert.match(md, /up to 1 week/);
    assert.match(await hoverText('share=True'), /up to 1 week \(best effort\)/);
    assert.match(await hoverText('max_file_size='), /no limit at all/);
  });

  it('on queue() and its keywords', async () => {
    assert.match(await hoverText('queue('), /Blocks calls `queue\(\)` itself since 4\.0/);
    assert.match(await hoverText('max_size='), /no cap on waiting requests/);
  });

  it('on listener keywords and the listener itself', async () => {
    assert.match(await hoverText('concurrency_limit='), /`"default"`: the queue's `default_concurrency_limit`/);
    assert.match(await hoverText('click('), /\.click\(\.\.\.\)\*\* listener on gr\.Button[\s\S]*trigger_mode` here: `"once"`/);
    assert.match(await hoverText('change('), /trigger_mode` here: `"always_last"`/);
  });

  it('on gr.State(...) and gr.update(...)', async () => {
    assert.match(await hoverText('State('), /stored object itself/);
    assert.match(await hoverText('update('), /only the given properties/);
    assert.match(await hoverText('visible=bool'), /^\*\*visible\*\*: `bool \| Literal\["hidden"\] \| None`/);
  });

  it('on a handler parameter, at its definition and where it is used', async () => {
    const md = await hoverText('img, threshold');
    assert.match(md, /^\*\*img\*\* receives `PIL\.Image\.Image`/);
    assert.match(md, /From `picture` \(gr\.Image\(type="pil"\)\) via `go\.click` \(line 20\)/);
    assert.match(await hoverText('img.size'), /^\*\*img\*\* receives/);
    assert.match(await hoverText('files, label'), /receives `list\[str\]`/);
  });

  it('on a rule code in a noqa comment: the rule documentation', async () => {
    assert.match(await hoverText('GR201'), /^\*\*GR201\*\*: Returned values do not match the outputs/);
  });

  it('says nothing about plain Python', async () => {
    assert.equal(await c.hover(uri, posOf(APP, 'upper()')), null);
  });

  it('follows the target version', async () => {
    const old = `# gradio-lint: target-version=4.44\nimport gradio as gr\n\nbot = gr.Chatbot(type="messages")\nfiles = gr.File()\ngr.Blocks().launch(share=True)\n`;
    const oldUri = write('old.py', old);
    await c.open(oldUri, old);
    assert.match(await hoverText('type=', 1, 0, oldUri, old), /\| \*\*`"messages"`\*\* \| `list\[dict\]`[\s\S]*`"tuples"` \(default\)/);
    assert.match(await hoverText('share=', 1, 0, oldUri, old), /expires after 72 hours/);
    const v3 = `# gradio-lint: target-version=3.50\nimport gradio as gr\n\nfiles = gr.File()\n`;
    const v3Uri = write('v3.py', v3);
    await c.open(v3Uri, v3);
    assert.match(await hoverText('File', 1, 0, v3Uri, v3), /\*\*`"file"` \(default\)\*\* \| `tempfile\._TemporaryFileWrapper`[\s\S]*`"binary"` \| `bytes`/);
    const v6 = `import gradio as gr\n\nbot = gr.Chatbot(type="messages")\n`;
    const v6Uri = write('v6.py', v6);
    await c.open(v6Uri, v6);
    assert.match(await hoverText('type=', 1, 0, v6Uri, v6), /`type=` does not exist in Gradio 6\.\d+ \(last seen in 5\.49\.1\)/);
  });
});

describe('inlay hints', () => {
  let c: TestClient;
  const whole = { start: { line: 0, character: 0 }, end: { line: APP.split('\n').length, character: 0 } };
  before(async () => {
    c = await TestClient.start({ settings: {} });
    await c.open(uri, APP);
  });
  after(() => c.stop());

  it('show the type after each unannotated parameter fed by a listener', async () => {
    const hints = (await c.inlayHints(uri, whole)) ?? [];
    const shown = hints.map((h) => `${h.position.line}:${h.position.character}${h.label}`);
    assert.deepEqual(shown, [
      `${posOf(APP, 'img,', 3).line}:${posOf(APP, 'img,', 3).character}: PIL.Image.Image`,
      `${posOf(APP, 'threshold,', 9).line}:${posOf(APP, 'threshold,', 9).character}: int`,
      `${posOf(APP, 'files,', 5).line}:${posOf(APP, 'files,', 5).character}: list[str]`,
      `${posOf(APP, 'text):', 4).line}:${posOf(APP, 'text):', 4).character}: str`,
    ]);
    assert.equal(hints[0].kind, 1);
    // Builtin types can be inserted by double-click; others would need an import.
    assert.equal(hints[0].textEdits, undefined);
    assert.equal(hints[1].textEdits?.[0].newText, ': int');
  });

  it('only inside the requested range', async () => {
    const line = posOf(APP, 'def shout').line;
    const hints = (await c.inlayHints(uri, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } })) ?? [];
    assert.deepEqual(hints.map((h) => h.label), [': str']);
  });

  it('are skipped when listeners disagree or inputs cannot be resolved', async () => {
    const text = `import gradio as gr\n\ndef f(x):\n    return x\n\ndef g(y):\n    return y\n\nwith gr.Blocks():\n    a = gr.Textbox()\n    b = gr.Number()\n    a.submit(f, a, a)\n    b.submit(f, b, b)\n    a.change(g, {a}, a)\n`;
    const u = write('ambiguous.py', text);
    await c.open(u, text);
    assert.deepEqual(await c.inlayHints(u, whole), []);
  });

  it('turn off with gradio.inlayHints.enable = false', async () => {
    await c.changeSettings({ inlayHints: { enable: false } });
    assert.deepEqual(await c.inlayHints(uri, whole), []);
    await c.changeSettings({ inlayHints: { enable: true } });
    assert.equal(((await c.inlayHints(uri, whole)) ?? []).length, 4);
  });
});
