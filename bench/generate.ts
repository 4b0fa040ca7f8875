// Deterministic generator of realistic Gradio apps of a given size, for the benchmark. The same (lines, seed) always
// gives the same text. An app is: imports and settings, plain Python helpers (a class, utilities), one handler
// function per section (typed, with docstrings, branches, generators with progress), some tabs built by builder
// functions, one big `gr.Blocks` with a tab per section (rows, columns, accordions, components of many kinds,
// `.click`/`.submit`/`.change` listeners with `.then` chains, decorator listeners, `gr.on`, `gr.render`), module-level
// `gr.Interface`s gathered in a `gr.TabbedInterface`, and the usual `launch()`. A few sections carry a mistake a
// user would make (a misspelled keyword), so the rules have something to report.
//
// Usage: npx tsx bench/generate.ts 10000 [seed] > app.py

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const TOPICS = ['summary', 'translation', 'caption', 'sentiment', 'ranking', 'search', 'upscale', 'speech', 'tagging',
  'forecast', 'cleanup', 'report', 'detector', 'palette', 'quiz', 'recipe', 'lyrics', 'invoice', 'weather', 'notes'] as const;
const LABELS = ['Prompt', 'Input text', 'Query', 'Your name', 'Source', 'Description', 'Question', 'Keywords', 'Message'];
const MODELS = ['small', 'base', 'large', 'distilled', 'multilingual'];
const LANGS = ['English', 'French', 'German', 'Spanish', 'Japanese'];

interface Section {
  /** Module-level code (handlers, helpers), unindented. */
  defs: string[];
  /** UI code, indented for the body of `with gr.Tabs():` inside the main Blocks. */
  ui: string[];
  /** Module-level Interfaces (their variable names). */
  interfaces: string[];
}

const I = (n: number) => '    '.repeat(n);

function textTool(r: Rng, i: number, topic: string, mistake: boolean): Section {
  const fn = `run_${topic}_${i}`;
  const label = r.pick(LABELS);
  const defs = [
    `def ${fn}(text: str, strength: float, model: str, language: str = "English") -> tuple[str, dict]:`,
    `    """Produce a ${topic} of the text with the chosen model (section ${i})."""`,
    `    if not text or not text.strip():`,
    `        raise gr.Error("Please enter some text first.")`,
    `    words = text.split()`,
    `    limit = max(1, int(len(words) * strength))`,
    `    picked = [w for w in words if len(w) > 2][:limit]`,
    `    if model == "large":`,
    `        picked = sorted(picked, key=len, reverse=True)`,
    `    elif model == "distilled":`,
    `        picked = picked[: max(1, limit // 2)]`,
    `    result = " ".join(picked)`,
    `    stats = {"words": len(words), "kept": len(picked), "language": language, "model": model}`,
    `    logger.info("${topic} %d: kept %d of %d words", ${i}, len(picked), len(words))`,
    `    return result, stats`,
    ``,
    ``,
  ];
  const v = (s: string) => `${s}_${i}`;
  const ui = [
    `${I(2)}with gr.Tab("${topic[0].toUpperCase()}${topic.slice(1)} ${i}"):`,
    `${I(3)}gr.Markdown("## ${topic} tool ${i}\\nPaste text on the left and press **Run**.")`,
    `${I(3)}with gr.Row(equal_height=True):`,
    `${I(4)}with gr.Column(scale=2):`,
    `${I(5)}${v('text')} = gr.Textbox(`,
    `${I(6)}${mistake ? 'lable' : 'label'}="${label}",`,
    `${I(6)}placeholder="Type or paste here...",`,
    `${I(6)}lines=${r.int(3, 8)},`,
    `${I(6)}max_lines=${r.int(10, 30)},`,
    `${I(5)})`,
    `${I(5)}with gr.Accordion("Settings", open=${r.chance(0.5) ? 'True' : 'False'}):`,
    `${I(6)}${v('strength')} = gr.Slider(0.1, 1.0, value=${(r.int(1, 9) / 10).toFixed(1)}, step=0.1, label="Strength")`,
    `${I(6)}${v('model')} = gr.Dropdown(${JSON.stringify(MODELS)}, value="${r.pick(MODELS)}", label="Model")`,
    `${I(6)}${v('language')} = gr.Radio(${JSON.stringify(LANGS)}, value="English", label="Language")`,
    `${I(4)}with gr.Column(scale=3):`,
    `${I(5)}${v('result')} = gr.Textbox(label="Result", interactive=False, buttons=["copy"])`,
    `${I(5)}${v('stats')} = gr.JSON(label="Statistics")`,
    `${I(3)}with gr.Row():`,
    `${I(4)}${v('run')} = gr.Button("Run", variant="primary")`,
    `${I(4)}${v('clear')} = gr.ClearButton([${v('text')}, ${v('result')}, ${v('stats')}])`,
    `${I(3)}${v('run')}.click(`,
    `${I(4)}${fn},`,
    `${I(4)}inputs=[${v('text')}, ${v('strength')}, ${v('model')}, ${v('language')}],`,
    `${I(4)}outputs=[${v('result')}, ${v('stats')}],`,
    `${I(4)}api_name="${topic}_${i}",`,
    `${I(3)})`,
    `${I(3)}${v('text')}.submit(${fn}, [${v('text')}, ${v('strength')}, ${v('model')}, ${v('language')}], [${v('result')}, ${v('stats')}]).then(`,
    `${I(4)}lambda: gr.update(interactive=True), None, ${v('run')}`,
    `${I(3)})`,
    ``,
  ];
  return { defs, ui, interfaces: [] };
}

function imageTool(r: Rng, i: number, topic: string): Section {
  const fn = `process_image_${i}`;
  const v = (s: string) => `${s}_${i}`;
  const defs = [
    `def ${fn}(image, brightness, flip):`,
    `    if image is None:`,
    `        return None, "No image"`,
    `    height = len(image)`,
    `    width = len(image[0]) if height else 0`,
    `    out = [[min(255, int(px * brightness)) for px in row] for row in image]`,
    `    if flip:`,
    `        out = out[::-1]`,
    `    return out, f"{width}x{height} image, brightness {brightness:.2f}"`,
    ``,
    ``,
  ];
  const ui = [
    `${I(2)}with gr.Tab("Image ${topic} ${i}"):`,
    `${I(3)}with gr.Row():`,
    `${I(4)}${v('img_in')} = gr.Image(type="numpy", label="Input image", height=${r.pick([256, 320, 400])})`,
    `${I(4)}${v('img_out')} = gr.Image(label="Output", interactive=False)`,
    `${I(3)}with gr.Row():`,
    `${I(4)}${v('bright')} = gr.Slider(0.5, 2.0, value=1.0, label="Brightness")`,
    `${I(4)}${v('flip')} = gr.Checkbox(label="Flip vertically", value=${r.chance(0.3) ? 'True' : 'False'})`,
    `${I(3)}${v('info')} = gr.Markdown()`,
    `${I(3)}${v('bright')}.change(${fn}, [${v('img_in')}, ${v('bright')}, ${v('flip')}], [${v('img_out')}, ${v('info')}], show_progress="hidden")`,
    `${I(3)}${v('img_in')}.upload(${fn}, inputs=[${v('img_in')}, ${v('bright')}, ${v('flip')}], outputs=[${v('img_out')}, ${v('info')}])`,
    `${I(3)}gr.Examples(`,
    `${I(4)}examples=[["examples/${topic}_${i}_a.png", 1.2, False], ["examples/${topic}_${i}_b.png", 0.8, True]],`,
    `${I(4)}inputs=[${v('img_in')}, ${v('bright')}, ${v('flip')}],`,
    `${I(3)})`,
    ``,
  ];
  return { defs, ui, interfaces: [] };
}

function chatTool(r: Rng, i: number, topic: string): Section {
  const v = (s: string) => `${s}_${i}`;
  const defs = [
    `async def respond_${i}(message: str, history: list[dict]):`,
    `    """Streams a canned answer about ${topic}, word by word."""`,
    `    history = history + [{"role": "user", "content": message}]`,
    `    answer = f"You asked about {message!r}. Here is what I know about ${topic}."`,
    `    history.append({"role": "assistant", "content": ""})`,
    `    for word in answer.split():`,
    `        await asyncio.sleep(0.01)`,
    `        history[-1]["content"] += word + " "`,
    `        yield "", history`,
    ``,
    ``,
  ];
  const ui = [
    `${I(2)}with gr.Tab("Chat ${i}"):`,
    `${I(3)}${v('chatbot')} = gr.Chatbot(height=${r.int(300, 500)}, label="Assistant")`,
    `${I(3)}with gr.Row():`,
    `${I(4)}${v('msg')} = gr.Textbox(show_label=False, placeholder="Ask about ${topic}...", scale=4)`,
    `${I(4)}${v('send')} = gr.Button("Send", scale=1)`,
    `${I(3)}${v('msg')}.submit(respond_${i}, [${v('msg')}, ${v('chatbot')}], [${v('msg')}, ${v('chatbot')}])`,
    `${I(3)}${v('send')}.click(respond_${i}, [${v('msg')}, ${v('chatbot')}], [${v('msg')}, ${v('chatbot')}], queue=True)`,
    ``,
    `${I(3)}@${v('chatbot')}.like(inputs=None, outputs=None)`,
    `${I(3)}def on_like_${i}(data: gr.LikeData):`,
    `${I(4)}logger.info("feedback on %s: %s", data.index, data.liked)`,
    ``,
  ];
  return { defs, ui, interfaces: [] };
}

function formTool(r: Rng, i: number, topic: string): Section {
  const v = (s: string) => `${s}_${i}`;
  const fields = r.int(3, 6);
  const names = Array.from({ length: fields }, (_, k) => `field_${i}_${k}`);
  const defs = [
    `def validate_${i}(*values):`,
    `    missing = [n for n, val in zip(FIELD_NAMES, values) if val in (None, "", [])]`,
    `    if missing:`,
    `        gr.Warning("Missing: " + ", ".join(missing))`,
    `        return gr.update(value="Incomplete", visible=True)`,
    `    return gr.update(value="All good", visible=True)`,
    ``,
    ``,
  ];
  const ui = [
    `${I(2)}with gr.Tab("Form ${i}"):`,
    `${I(3)}with gr.Group():`,
  ];
  names.forEach((n, k) => {
    const kind = r.pick(['Textbox', 'Number', 'Dropdown', 'Checkbox', 'Slider']);
    const args = kind === 'Dropdown' ? `["a", "b", "c"], label="Choice ${k}"` : kind === 'Slider' ? `0, 100, value=${r.int(0, 100)}, label="Level ${k}"` : `label="${topic} ${k}"`;
    ui.push(`${I(4)}${n} = gr.${kind}(${args})`);
  });
  ui.push(
    `${I(3)}${v('status')} = gr.Label(visible=False)`,
    `${I(3)}${v('check')} = gr.Button("Validate")`,
    `${I(3)}gr.on(`,
    `${I(4)}triggers=[${v('check')}.click, ${names[0]}.change],`,
    `${I(4)}fn=validate_${i},`,
    `${I(4)}inputs=[${names.join(', ')}],`,
    `${I(4)}outputs=${v('status')},`,
    `${I(3)})`,
    ``,
  );
  return { defs, ui, interfaces: [] };
}

function progressTool(r: Rng, i: number, topic: string): Section {
  const v = (s: string) => `${s}_${i}`;
  const defs = [
    `def long_job_${i}(count, state, progress=gr.Progress()):`,
    `    state = state or []`,
    `    for step in progress.tqdm(range(int(count)), desc="Working on ${topic}"):`,
    `        time.sleep(0.001)`,
    `        state.append(step * ${r.int(2, 9)})`,
    `    return state, sum(state)`,
    ``,
    ``,
  ];
  const ui = [
    `${I(2)}with gr.Tab("Batch ${i}"):`,
    `${I(3)}${v('state')} = gr.State([])`,
    `${I(3)}with gr.Row():`,
    `${I(4)}${v('count')} = gr.Number(value=${r.int(5, 50)}, precision=0, label="Items")`,
    `${I(4)}${v('total')} = gr.Number(label="Total", interactive=False)`,
    `${I(3)}${v('start')} = gr.Button("Start")`,
    `${I(3)}${v('job')} = ${v('start')}.click(long_job_${i}, [${v('count')}, ${v('state')}], [${v('state')}, ${v('total')}])`,
    `${I(3)}${v('job')}.success(lambda t: gr.Info(f"Done: {t}"), ${v('total')}, None)`,
    ``,
    `${I(3)}@gr.render(inputs=${v('state')})`,
    `${I(3)}def show_items_${i}(items):`,
    `${I(4)}for k, item in enumerate(items[:5]):`,
    `${I(5)}gr.Textbox(value=str(item), label=f"Item {k}", key=f"item-${i}-{k}")`,
    ``,
  ];
  return { defs, ui, interfaces: [] };
}

function builderTab(r: Rng, i: number, topic: string): Section {
  const v = (s: string) => `${s}_${i}`;
  const defs = [
    `def build_${topic}_tab_${i}(default_lang: str = "${r.pick(LANGS)}"):`,
    `    """A reusable tab: called inside the main Blocks."""`,
    `    with gr.Tab("${topic} (shared) ${i}"):`,
    `        with gr.Row():`,
    `            source = gr.Textbox(label="Source", lines=4)`,
    `            target = gr.Textbox(label="Target", lines=4, interactive=False)`,
    `        lang = gr.Dropdown(${JSON.stringify(LANGS)}, value=default_lang, label="Target language")`,
    `        go = gr.Button("Translate")`,
    `        go.click(fn=lambda s, l: f"[{l}] {s}", inputs=[source, lang], outputs=target)`,
    `    return source, target`,
    ``,
    ``,
  ];
  const ui = [`${I(2)}${v('src')}, ${v('tgt')} = build_${topic}_tab_${i}()`, ``];
  return { defs, ui, interfaces: [] };
}

function interfaceApp(r: Rng, i: number, topic: string): Section {
  const name = `${topic}_iface_${i}`;
  const defs = [
    `def classify_${i}(text, threshold):`,
    `    scores = {label: (hash((text, label)) % 100) / 100 for label in ("positive", "negative", "neutral")}`,
    `    return {k: s for k, s in scores.items() if s >= threshold}`,
    ``,
    ``,
    `${name} = gr.Interface(`,
    `    fn=classify_${i},`,
    `    inputs=[gr.Textbox(label="Text", lines=2), gr.Slider(0, 1, value=${(r.int(1, 5) / 10).toFixed(1)}, label="Threshold")],`,
    `    outputs=gr.Label(num_top_classes=3),`,
    `    title="${topic} classifier ${i}",`,
    `    examples=[["I love this", 0.2], ["Not great", 0.4]],`,
    `    flagging_mode="never",`,
    `)`,
    ``,
    ``,
  ];
  return { defs, ui: [], interfaces: [name] };
}

function helperClass(r: Rng, i: number, topic: string): Section {
  const defs = [
    `class ${topic[0].toUpperCase()}${topic.slice(1)}Store${i}:`,
    `    """Keeps recent ${topic} results in memory (plain Python, no Gradio)."""`,
    ``,
    `    def __init__(self, capacity: int = ${r.int(10, 100)}):`,
    `        self.capacity = capacity`,
    `        self.items: list[tuple[str, float]] = []`,
    ``,
    `    def add(self, key: str, score: float) -> None:`,
    `        self.items.append((key, score))`,
    `        if len(self.items) > self.capacity:`,
    `            self.items = self.items[-self.capacity :]`,
    ``,
    `    def best(self, n: int = 3) -> list[str]:`,
    `        return [k for k, _ in sorted(self.items, key=lambda kv: kv[1], reverse=True)[:n]]`,
    ``,
    `    def __len__(self) -> int:`,
    `        return len(self.items)`,
    ``,
    ``,
    `${topic}_store_${i} = ${topic[0].toUpperCase()}${topic.slice(1)}Store${i}()`,
    ``,
    ``,
  ];
  return { defs, ui: [], interfaces: [] };
}

const KINDS = [textTool, imageTool, chatTool, formTool, progressTool, builderTab, interfaceApp, helperClass] as const;

/** A Gradio app of about `lines` lines (within one section of the target), deterministic for (lines, seed). */
export function generateApp(lines: number, seed = 1): string {
  const r = rng(seed * 7919 + lines);
  const header = [
    `"""Generated benchmark app: a multi-tool Gradio workspace (${lines} lines target, seed ${seed})."""`,
    `import asyncio`,
    `import logging`,
    `import os`,
    `import time`,
    ``,
    `import gradio as gr`,
    `from gradio import Textbox`,
    ``,
    `logger = logging.getLogger(__name__)`,
    `FIELD_NAMES = ["name", "email", "age", "country", "consent", "notes"]`,
    `MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "50"))`,
    ``,
    ``,
  ];
  const defs: string[] = [];
  const ui: string[] = [];
  const interfaces: string[] = [];
  const trailerLines = 16;
  let textTools = 0;
  for (let i = 0; ; i++) {
    const topic = r.pick(TOPICS);
    const kind = i < KINDS.length ? KINDS[i] : r.pick(KINDS);
    // One text tool in ten has a misspelled keyword (`lable=`).
    const s = kind === textTool ? textTool(r, i, topic, ++textTools % 10 === 0) : kind(r, i, topic, false);
    if (header.length + defs.length + ui.length + s.defs.length + s.ui.length + 4 + trailerLines > lines && i > 0) break;
    defs.push(...s.defs);
    ui.push(...s.ui);
    interfaces.push(...s.interfaces);
  }
  const blocks = [
    `with gr.Blocks(title="Workspace", theme=gr.themes.Soft(), fill_height=True) as demo:`,
    `    gr.Markdown("# Workspace\\nEvery tool of the team in one place.")`,
    `    with gr.Tabs():`,
    ...ui,
    `    demo.load(lambda: gr.Info("Welcome back"), None, None)`,
    ``,
    `tools = gr.TabbedInterface(`,
    `    [${interfaces.length ? interfaces.join(', ') : 'demo'}],`,
    `    [${(interfaces.length ? interfaces : ['demo']).map((n) => JSON.stringify(n)).join(', ')}],`,
    `    title="Classifiers",`,
    `)`,
    ``,
    ``,
    `def main():`,
    `    demo.queue(default_concurrency_limit=4).launch(server_name="0.0.0.0", max_file_size=f"{MAX_UPLOAD_MB}mb")`,
    ``,
    ``,
    `if __name__ == "__main__":`,
    `    main()`,
  ];
  return [...header, ...defs, ...blocks].join('\n') + '\n';
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(generateApp(n, seed));
}
