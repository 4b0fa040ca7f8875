// The Gradio model of one file: aliases, apps, components, listeners (decorators, gr.on, chains), handlers.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initParser, parse, syntaxOf } from '../../server/src/engine';
import { Model } from '../../server/src/engine/model/link';

before(() => initParser());

function model(src: string): Model {
  return new Model(syntaxOf(parse(src), src).rootNode);
}

describe('imports', () => {
  it('resolves every import form through the alias table', () => {
    const m = model(`import gradio as g
import gradio.components as C
from gradio import Textbox as T, Blocks
from gradio.themes import Soft
a = g.Textbox()
b = C.Image()
c = T()
d = Soft()
`);
    assert.deepEqual(m.gradioCalls.map((x) => x.path), ['Textbox', 'components.Image', 'Textbox', 'themes.Soft']);
    assert.deepEqual(m.components.map((x) => [x.className, x.name]), [['Textbox', 'a'], ['Image', 'b'], ['Textbox', 'c']]);
  });

  it('does not treat a look-alike name as gradio', () => {
    const m = model('from reducers import GradientReducer\ngr = GradientReducer()\nx = gr.Textbox()\nimport gradio\n');
    assert.equal(m.gradioCalls.length, 0);
  });

  it('ends an alias rebound at module level', () => {
    const m = model('import gradio as gr\ngr = object()\ngr.Textbox()\n');
    assert.equal(m.components.length, 0);
  });
});

describe('apps and listeners', () => {
  const src = `import gradio as gr

def build():
    with gr.Blocks() as inner:
        box = gr.Textbox()
        box.submit(echo, box, box)
    return inner

def echo(t):
    return t

demo = build()

with gr.Blocks() as app:
    with gr.Row():
        a = gr.Textbox()
        b = gr.Textbox()
    btn = gr.Button()
    ev = btn.click(echo, a, b)
    ev.then(lambda x: x, b, a).success(echo, inputs=[a], outputs=[b])

    @btn.click(inputs=a, outputs=b)
    def decorated(x):
        return x

    gr.on(triggers=[a.submit, b.submit], fn=echo, inputs=a, outputs=b)
    app.load(echo, a, b)

iface = gr.Interface(echo, "text", "text")
demo.queue(max_size=5).launch(share=True)
iface.launch()
`;
  let m: Model;
  before(() => { m = model(src); });

  it('finds apps, including one built and returned by a function', () => {
    assert.deepEqual(m.apps.map((a) => [a.kind, a.names.sort().join(',')]), [['Blocks', 'demo,inner'], ['Blocks', 'app'], ['Interface', 'iface']]);
    const built = m.apps[0];
    assert.equal(built.launches.length, 1);
    assert.equal(built.queues.length, 1, 'queue() in a chain counts as a queue call');
    assert.equal(m.apps[2].launches.length, 1);
  });

  it('links listeners with their trigger, handler and io', () => {
    const events = m.listeners.map((l) => l.event);
    assert.deepEqual(events, ['submit', 'click', 'then', 'success', 'click', 'on', 'load', 'Interface']);
    const click = m.listeners[1];
    assert.equal(click.trigger?.component?.name, 'btn');
    assert.equal(click.handler?.name, 'echo');
    assert.equal(click.inputs.kind, 'single');
    assert.equal(click.outputs.items[0].component?.name, 'b');
    assert.equal(m.listeners[2].trigger?.listener, click, '.then on a variable bound to a listener');
    assert.equal(m.listeners[3].trigger?.listener, m.listeners[2], 'chained .success');
    assert.equal(m.listeners[2].handler?.kind, 'lambda');
    const deco = m.listeners[4];
    assert.equal(deco.handler?.name, 'decorated');
    assert.ok(deco.call.decorator);
    assert.equal(m.listeners[5].handler?.name, 'echo');
    assert.equal(m.listeners[6].trigger?.app, m.apps[1]);
  });

  it('knows which Blocks context each component lives in', () => {
    const a = m.components.find((c) => c.name === 'a')!;
    assert.equal(a.app, m.apps[1], 'Row inside Blocks still belongs to the Blocks');
    const box = m.components.find((c) => c.name === 'box')!;
    assert.equal(box.app, m.apps[0]);
  });

  it('records handler facts', () => {
    const fn = m.functions.find((f) => f.name === 'echo')!;
    assert.deepEqual(fn.params.map((p) => [p.name, p.kind]), [['t', 'positional']]);
    assert.equal(fn.returns.length, 1);
  });
});

describe('parameters', () => {
  it('reads every parameter kind', () => {
    const m = model('import gradio as gr\ndef f(a, /, b: int = 1, *args, c, d=2, progress=gr.Progress(), **kw):\n    yield a\n');
    const fn = m.functions[0];
    assert.deepEqual(fn.params.map((p) => p.kind), ['positional_only', 'positional', 'var_positional', 'keyword_only', 'keyword_only', 'keyword_only', 'var_keyword']);
    assert.equal(fn.yields.length, 1);
  });
});
