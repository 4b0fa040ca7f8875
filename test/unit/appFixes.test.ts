// The exact text of the app-level fixes that fix-all never applies (unsafe ones: add queue, switch to an auth
// function, poll with gr.Timer, ...) and the Spaces-dependent rules, which fixtures can only show on one side.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyFix, initParser, type AnalyzeOptions, type Finding } from '../../server/src/engine';
import { syntaxErrors } from '../helpers';

before(() => initParser());

function findings(text: string, code: string, opts: AnalyzeOptions = {}): Finding[] {
  return analyze(text, opts).filter((f) => f.code === code);
}

/** Applies the fix titled like `title` of the only finding of `code`. */
function fixed(text: string, code: string, title: RegExp, opts: AnalyzeOptions = {}): string {
  const list = findings(text, code, opts);
  assert.equal(list.length, 1, `expected one ${code} finding, got ${list.length}`);
  const fix = list[0].fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title}: ${list[0].fixes.map((f) => f.title).join(' | ')}`);
  const out = applyFix(text, fix);
  assert.equal(syntaxErrors(out), 0, out);
  return out;
}

describe('GR015: switch to an auth function', () => {
  const src = [
    '"""Internal tool."""',
    'from __future__ import annotations',
    '',
    'import gradio as gr',
    '',
    'with gr.Blocks() as demo:',
    '    gr.Markdown("Hi")',
    '',
    '# Start the app.',
    'if __name__ == "__main__":',
    '    demo.launch(auth=("admin", "s3cret"))',
    '',
  ].join('\n');

  it('adds the imports once, one function before the launching statement, and uses it', () => {
    assert.equal(fixed(src, 'GR015', /function/), [
      '"""Internal tool."""',
      'from __future__ import annotations',
      '',
      'import gradio as gr',
      'import hmac',
      'import os',
      '',
      'with gr.Blocks() as demo:',
      '    gr.Markdown("Hi")',
      '',
      '',
      'def check_auth(username: str, password: str) -> bool:',
      '    """Accepts only the login set in the GRADIO_USERNAME and GRADIO_PASSWORD environment variables."""',
      '    expected_username = os.environ.get("GRADIO_USERNAME", "")',
      '    expected_password = os.environ.get("GRADIO_PASSWORD", "")',
      '    if not expected_username or not expected_password:',
      '        return False',
      '    username_ok = hmac.compare_digest(username.encode(), expected_username.encode())',
      '    password_ok = hmac.compare_digest(password.encode(), expected_password.encode())',
      '    return username_ok and password_ok',
      '',
      '',
      '# Start the app.',
      'if __name__ == "__main__":',
      '    demo.launch(auth=check_auth)',
      '',
    ].join('\n'));
  });

  it('reads the pair from os.environ, importing os only when missing', () => {
    const out = fixed(src, 'GR015', /os\.environ/);
    assert.match(out, /demo\.launch\(auth=\(os\.environ\["GRADIO_USERNAME"\], os\.environ\["GRADIO_PASSWORD"\]\)\)/);
    assert.equal(out.match(/^import os$/gm)?.length, 1);
    const already = src.replace('import gradio as gr', 'import os\n\nimport gradio as gr');
    assert.equal(fixed(already, 'GR015', /os\.environ/).match(/^import os$/gm)?.length, 1);
  });

  it('keeps an existing name free and the file\'s CRLF line endings', () => {
    const crlf = 'import gradio as gr\r\nimport hmac\r\n\r\ndef check_auth():\r\n    pass\r\n\r\ndemo = gr.Interface(str, "text", "text")\r\ndemo.launch(auth=("a", "b"))\r\n';
    const out = fixed(crlf, 'GR015', /function/);
    assert.match(out, /def check_auth_2\(username: str, password: str\) -> bool:/);
    assert.match(out, /auth=check_auth_2\)/);
    assert.equal(out.match(/^import hmac/gm)?.length, 1);
    assert.ok(!/[^\r]\n/.test(out), 'a bare \\n slipped in');
  });

  it('offers no fix for several users, and reports nothing for values from the environment', () => {
    const many = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.launch(auth=[("a", "1"), ("b", "2")])\n';
    assert.deepEqual(findings(many, 'GR015')[0].fixes, []);
    const env = 'import os\nimport gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.launch(auth=("admin", os.getenv("PW")))\n';
    assert.equal(findings(env, 'GR015').length, 0);
  });
});

describe('the add-queue fix', () => {
  it('GR028 inserts NAME.queue(max_size=20) on its own line, with the indentation of the launch', () => {
    const src = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\nif __name__ == "__main__":\n    demo.launch(share=True)\n';
    assert.equal(fixed(src, 'GR028', /queue/),
      'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\nif __name__ == "__main__":\n    demo.queue(max_size=20)\n    demo.launch(share=True)\n');
  });

  it('GR028 chains the queue when the launch is part of another statement, or adds max_size to queue()', () => {
    const assigned = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\n_, url, _ = demo.launch(share=True)\n';
    assert.match(fixed(assigned, 'GR028', /queue/), /_, url, _ = demo\.queue\(max_size=20\)\.launch\(share=True\)/);
    const queued = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.queue(api_open=False)\ndemo.launch(server_name="0.0.0.0")\n';
    assert.match(fixed(queued, 'GR028', /max_size/), /demo\.queue\(api_open=False, max_size=20\)\ndemo\.launch/);
  });

  it('GR028 fires on a Space without share=, but not on ZeroGPU', () => {
    const src = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.launch()\n';
    assert.equal(findings(src, 'GR028').length, 0);
    assert.match(findings(src, 'GR028', { isSpace: true })[0].message, /Hugging Face Space/);
    assert.equal(findings(`import spaces\n${src}`, 'GR028', { isSpace: true }).length, 0);
  });

  it('GR001 offers the queue, outside fix-all, when only a generator event needs it', () => {
    const src = 'import gradio as gr\ndef gen(x):\n    yield x\nwith gr.Blocks() as demo:\n    t = gr.Textbox()\n    t.submit(gen, t, t)\ndemo.launch()\n';
    const [f] = findings(src, 'GR001', { targetVersion: '3.50' });
    assert.equal(f.fixes[0].safe, false);
    assert.match(applyFix(src, f.fixes[0]), /\ndemo\.queue\(\)\ndemo\.launch\(\)/);
    assert.equal(findings(src, 'GR001', { targetVersion: '3.50', isSpace: true }).length, 0);
    assert.equal(findings(src, 'GR001', { targetVersion: '4.0' }).length, 0);
  });
});

describe('launch options on and off Spaces', () => {
  const src = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.launch(share=True, auth=lambda u, p: False)\n';

  it('GR018 needs a Space; GR029 stays silent on one', () => {
    assert.equal(findings(src, 'GR018').length, 0);
    assert.equal(findings(src, 'GR018', { isSpace: true }).length, 1);
    assert.equal(findings(src, 'GR029', { isSpace: true }).length, 0);
  });

  it('GR029 gives the share link lifetime of the target version', () => {
    assert.match(findings(src, 'GR029', { targetVersion: '5.25.1' })[0].message, /up to 1 week/);
    assert.match(findings(src, 'GR029', { targetVersion: '4.44' })[0].message, /72 hours/);
  });
});

describe('GR021: poll with gr.Timer', () => {
  it('turns demo.load(..., every=N) into a timer and its tick', () => {
    const src = 'import gradio as gr\nwith gr.Blocks() as demo:\n    out = gr.Textbox()\n    demo.load(lambda: "x", None, out, every=2)\n';
    assert.equal(fixed(src, 'GR021', /Timer/),
      'import gradio as gr\nwith gr.Blocks() as demo:\n    out = gr.Textbox()\n    timer = gr.Timer(2)\n    timer.tick(lambda: "x", None, out)\n');
  });

  it('starts the timer from any other event, as Gradio 4.38-4.44 did, keeping the listener\'s other arguments', () => {
    const src = 'import gradio as gr\nwith gr.Blocks() as demo:\n    out = gr.Textbox()\n    go = gr.Button()\n    dep = go.click(str, None, out, every=1, api_name="poll")\n';
    assert.equal(fixed(src, 'GR021', /Timer/),
      'import gradio as gr\nwith gr.Blocks() as demo:\n    out = gr.Textbox()\n    go = gr.Button()\n'
      + '    timer = gr.Timer(1, active=False)\n    go.click(lambda: gr.Timer(active=True), None, timer)\n    dep = timer.tick(str, None, out, api_name="poll")\n');
    const built = 'import gradio as gr\nwith gr.Blocks() as demo:\n    out = gr.Textbox()\n    gr.Button().click(str, None, out, every=1)\n';
    assert.deepEqual(findings(built, 'GR021')[0].fixes, []);
  });

  it('uses a fresh name and the imported Timer', () => {
    const src = 'from gradio import Blocks, Textbox, Timer\nwith Blocks() as demo:\n    timer = Timer(9)\n    out = Textbox()\n    demo.load(str, None, out, every=2)\n';
    assert.match(fixed(src, 'GR021', /Timer/), /timer_2 = Timer\(2\)\n {4}timer_2\.tick\(str, None, out\)/);
  });
});

describe('other unsafe fixes', () => {
  it('GR003 states the concurrency limit on the listener', () => {
    const src = 'import gradio as gr\nfrom transformers import pipeline\npipe = pipeline("ner")\ndef f(t):\n    return pipe(t)\nwith gr.Blocks() as demo:\n    t = gr.Textbox()\n    t.submit(f, t, t)\n';
    assert.match(fixed(src, 'GR003', /2 runs/), /t\.submit\(f, t, t, concurrency_limit=2\)/);
  });

  it('GR016 removes either keyword', () => {
    const src = 'import gradio as gr\ndemo = gr.Interface(str, "text", "text")\ndemo.launch(auth=f, auth_dependency=g)\n';
    assert.match(fixed(src, 'GR016', /auth_dependency/), /demo\.launch\(auth=f\)/);
    assert.match(fixed(src, 'GR016', /`auth=`/), /demo\.launch\(auth_dependency=g\)/);
  });

  it('GR022 offers the closest mode first', () => {
    const src = 'import gradio as gr\nwith gr.Blocks() as demo:\n    t = gr.Textbox()\n    t.change(str, t, t, trigger_mode="alwayslast")\n';
    const [f] = findings(src, 'GR022');
    assert.match(f.fixes[0].title, /always_last/);
  });

  it('GR027 can switch batching on instead', () => {
    const src = 'import gradio as gr\nwith gr.Blocks() as demo:\n    t = gr.Textbox()\n    t.submit(str, t, t, max_batch_size=8)\n';
    assert.match(fixed(src, 'GR027', /batch=True/), /t\.submit\(str, t, t, max_batch_size=8, batch=True\)/);
  });
});
