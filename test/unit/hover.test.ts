// The engine's hover texts and parameter types (the LSP tests cover the protocol side).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, initParser, Model, parameterTypeHints, parse, syntaxOf } from '../../server/src/engine';

function model(text: string): Model {
  return new Model(syntaxOf(parse(text), text).rootNode);
}

/** `name: type` for every inlay hint of `text` at `version`. */
function hints(text: string, version = '6.25'): string[] {
  return parameterTypeHints(model(text), version).map((h) => `${h.param.param.name}${h.label}`);
}

function hover(text: string, needle: string, version = '6.25', delta = 1): string | undefined {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return hoverAt(model(text), text, at + delta, version)?.markdown;
}

describe('parameter types', () => {
  before(() => initParser());

  it('map inputs to parameters in order, skipping the ones Gradio fills itself', () => {
    const text = `import gradio as gr
def run(req: gr.Request, text, progress=gr.Progress(), count=1):
    return text
with gr.Blocks():
    t = gr.Textbox()
    n = gr.Number(precision=0)
    gr.Button().click(run, [t, n], t)
`;
    assert.deepEqual(hints(text), ['text: str', 'count: int']);
  });

  it('read Interface string shortcuts and the keyword values that change the type', () => {
    const text = `import gradio as gr
def f(img, names, many, one, pic):
    return img
CHOICES = ["a", "b"]
KIND = "pil"
gr.Interface(f, ["image", gr.Dropdown(CHOICES, multiselect=True), gr.File(file_count="directory"), gr.File(type="binary"), gr.Image(type=KIND)], "label")
`;
    assert.deepEqual(hints(text), ['img: np.ndarray', 'names: list[str]', 'many: list[str]', 'one: bytes', 'pic: PIL.Image.Image']);
  });

  it('stay quiet when the type depends on something not visible', () => {
    const text = `import gradio as gr
def f(a, b, c):
    return a
def g(x):
    return x
with gr.Blocks():
    a = gr.Image(type=KINDS[0])
    b = gr.Dropdown(load_choices())
    c = gr.State([])
    gr.Button().click(f, [a, b, c], a)
    gr.Button().click(g, [a], a)
    gr.Button().click(g, lambda_inputs(), a)
    gr.Button().click(lambda v: v, a, a)
`;
    assert.deepEqual(hints(text), []);
  });

  it('follow the version: 3.x File objects, 3.x sketch tools, Chatbot formats', () => {
    const text = `import gradio as gr
def f(doc, sketch, chat):
    return doc
with gr.Blocks():
    doc = gr.File()
    sketch = gr.Image(tool="sketch")
    chat = gr.Chatbot()
    gr.Button().click(f, [doc, sketch, chat], doc)
`;
    assert.deepEqual(hints(text, '3.50'), ['doc: tempfile._TemporaryFileWrapper', 'chat: list[list]']);
    assert.deepEqual(hints(text, '5.49'), ['doc: str', 'sketch: np.ndarray', 'chat: list[list]']);
    assert.deepEqual(hints(text, '6.25'), ['doc: str', 'sketch: np.ndarray', 'chat: list[dict]']);
  });
});

describe('ChatInterface handlers', () => {
  before(() => initParser());

  const text = `import gradio as gr

def respond(message, history, temperature):
    return message

demo = gr.ChatInterface(respond, additional_inputs=[gr.Slider(0, 1)], type="messages")
`;

  it('get the message, the history in the version\'s format, and the additional inputs', () => {
    assert.deepEqual(hints(text, '6.25'), ['message: str', 'history: list[dict]', 'temperature: float']);
    assert.deepEqual(hints(text, '5.49'), ['message: str', 'history: list[dict]', 'temperature: float']);
    assert.deepEqual(hints(text.replace(', type="messages"', ''), '5.49'), ['message: str', 'history: list[list]', 'temperature: float']);
    assert.deepEqual(hints(text.replace('additional_inputs', 'multimodal=True, additional_inputs'), '6.25'), ['message: dict', 'history: list[dict]', 'temperature: float']);
  });

  it('say where the values come from', () => {
    assert.match(hover(text, 'history,')!, /^\*\*history\*\* receives `list\[dict\]`\n\nFrom `gr\.ChatInterface` \(line 6\)/);
    assert.match(hover(text, 'temperature')!, /From `gr\.Slider\(0, 1\)` via `gr\.ChatInterface` \(line 6\)/);
  });
});

describe('hovers', () => {
  before(() => initParser());

  it('explain lambda parameters too (no inlay hint there)', () => {
    const text = `import gradio as gr
with gr.Blocks():
    a = gr.Audio(type="filepath")
    a.change(lambda path: path, a, a)
`;
    assert.match(hover(text, 'path:')!, /^\*\*path\*\* receives `str`/);
  });

  it('on uses of a parameter, not on keywords or attributes of the same name', () => {
    const text = `import gradio as gr
def f(img):
    save(img=img)
    return cfg.img
with gr.Blocks():
    i = gr.Image()
    i.change(f, i, i)
`;
    assert.match(hover(text, 'img=img', '6.25', 5)!, /^\*\*img\*\* receives `np\.ndarray`/);
    assert.equal(hover(text, 'img=img'), undefined);
    assert.equal(hover(text, 'cfg.img', '6.25', 5), undefined);
  });

  it('name a removed keyword and when it was last seen', () => {
    const text = `import gradio as gr
with gr.Blocks() as demo:
    b = gr.Button()
    b.click(None, every=5)
demo.queue(concurrency_count=4)
`;
    assert.match(hover(text, 'every')!, /not a parameter of `\.click\(\.\.\.\)` in Gradio 6\.25 \(last seen in 4\.44\.1\)[\s\S]*gr\.Timer/);
    assert.match(hover(text, 'concurrency_count')!, /Removed in 5\.0/);
    assert.match(hover(text, 'concurrency_count', '3.50')!, /Number of worker threads/);
  });

  it('tell the queue story per version', () => {
    const text = `import gradio as gr\nwith gr.Blocks() as demo:\n    pass\ndemo.launch(max_file_size=1)\n`;
    assert.match(hover(text, 'launch', '3.50')!, /queue is off in 3\.x/);
    assert.match(hover(text, 'launch', '5.25')!, /expire after 72 hours/);
    assert.match(hover(text, 'launch', '5.26')!, /up to 1 week/);
    assert.match(hover(text, 'max_file_size', '4.10')!, /Not available before 4\.28/);
  });

  it('show ChatInterface type= values of 5.x with the None default', () => {
    const text = `import gradio as gr\ngr.ChatInterface(lambda m, h: m, type="messages")\n`;
    const md = hover(text, 'type=', '5.49')!;
    assert.match(md, /\*\*`"messages"`\*\*/);
    assert.match(md, /`None` \(default\)/);
  });

  it('work with other import styles', () => {
    const text = `from gradio import Image as Img\nimport gradio as g\nx = Img(type="filepath")\ng.update(value=1)\n`;
    assert.match(hover(text, 'Img(type')!, /^\*\*g\.Image\*\*[\s\S]*receives `str` \(`type="filepath"`\)/);
    assert.match(hover(text, 'update')!, /^\*\*g\.update\(\.\.\.\)\*\*/);
  });

  it('on the string value of type= as on the keyword', () => {
    const text = `import gradio as gr\nimg = gr.Image(type="pil")\n`;
    assert.match(hover(text, '"pil"', '6.25', 2)!, /^\*\*gr\.Image\*\* `type=`/);
  });

  it('ignore look-alikes that are not Gradio', () => {
    const text = `import gradio as gr\nclass App:\n    def launch(self, share=False):\n        pass\nApp().launch(share=True)\nImage = object\n`;
    assert.equal(hover(text, 'share=True'), undefined);
    assert.equal(hover(text, 'launch(share=True'), undefined);
  });
});
