// Every snippet in snippets/gradio.json, expanded the way VS Code would with its defaults (and with each choice),
// is valid Python with no finding for the newest Gradio. Fragments (snippets without `import gradio`) are checked
// where they are meant to be typed: inside `with gr.Blocks() as demo:`, or after the app for launch snippets.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, initParser, NEWEST_VERSION, parse } from '../../server/src/engine';

interface Snippet { prefix: string; body: string[]; description: string }
const SNIPPETS: Record<string, Snippet> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'gradio.json'), 'utf8'));

/** The snippets SPEC section 9 asks for. */
const REQUIRED = [
  'gr-blocks', 'gr-row', 'gr-tabs', 'gr-chatbot', 'gr-chatinterface', 'gr-state', 'gr-stream', 'gr-then', 'gr-auth',
  'gr-launch-prod', 'gr-upload', 'gr-image', 'gr-timer', 'gr-render', 'gr-examples', 'gr-progress',
];

// ---- a small expander for the VS Code snippet syntax ------------------------------------------------------------
// Supports $1, ${1}, ${1:default with ${2:nested}}, ${1|a,b|}, $0, and the escapes \$ \} \\ (and \, \| in choices).
// A tab stop repeated later mirrors the first one's text. Variables ($TM_...) are not used by our snippets: an error.

interface Expand { choices: Map<number, number> }
class Expander {
  private i = 0;
  readonly stops = new Map<number, string>();
  readonly choiceStops = new Map<number, string[]>();
  constructor(private readonly src: string, private readonly opts: Expand) {}

  run(): string { return this.seq(false); }

  private seq(inPlaceholder: boolean): string {
    let out = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === '\\' && '$}\\'.includes(this.src[this.i + 1] ?? '')) { out += this.src[this.i + 1]; this.i += 2; continue; }
      if (c === '}' && inPlaceholder) return out;
      if (c === '$') { out += this.dollar(); continue; }
      out += c;
      this.i++;
    }
    if (inPlaceholder) throw new Error('unclosed placeholder');
    return out;
  }

  private dollar(): string {
    const rest = this.src.slice(this.i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) { this.i += m[0].length; return this.stops.get(Number(m[1])) ?? ''; }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) { this.i += m[0].length; return this.stops.get(Number(m[1])) ?? ''; }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const options: string[] = [];
      let cur = '';
      for (;;) {
        const c = this.src[this.i];
        if (c === undefined) throw new Error('unclosed choice');
        if (c === '\\' && ',|\\'.includes(this.src[this.i + 1])) { cur += this.src[this.i + 1]; this.i += 2; continue; }
        if (c === ',') { options.push(cur); cur = ''; this.i++; continue; }
        if (c === '|' && this.src[this.i + 1] === '}') { options.push(cur); this.i += 2; break; }
        cur += c;
        this.i++;
      }
      const n = Number(m[1]);
      this.choiceStops.set(n, options);
      const text = options[this.opts.choices.get(n) ?? 0];
      if (!this.stops.has(n)) this.stops.set(n, text);
      return this.stops.get(n)!;
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const text = this.seq(true);
      this.i++; // the closing brace
      const n = Number(m[1]);
      if (!this.stops.has(n)) this.stops.set(n, text);
      return this.stops.get(n)!;
    }
    if (/^\$(\{)?[A-Z_]/.test(rest)) throw new Error(`variables are not used in our snippets: ${rest.slice(0, 20)}`);
    this.i++;
    return '$';
  }
}

/** Expands a snippet body with its defaults; `\t` becomes four spaces as VS Code does with that indentation. */
export function expandSnippet(body: string[], choices = new Map<number, number>()): { text: string; choiceStops: Map<number, string[]> } {
  const e = new Expander(body.join('\n'), { choices });
  const text = e.run().replace(/\t/g, '    ');
  return { text, choiceStops: e.choiceStops };
}

/** Where a snippet is meant to be typed, and the program that puts it there. */
function placed(text: string): { kind: string; program: string } {
  if (/^import gradio as gr$/m.test(text)) return { kind: 'app', program: text };
  if (/^demo\./m.test(text)) {
    return { kind: 'after the app', program: `import gradio as gr\n\nwith gr.Blocks() as demo:\n    gr.Markdown("An app")\n\n${text}` };
  }
  const body = text.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
  return { kind: 'inside Blocks', program: `import gradio as gr\n\nwith gr.Blocks() as demo:\n${body}\n\ndemo.launch()\n` };
}

describe('snippets', () => {
  before(() => initParser());

  it('cover every snippet SPEC 9 lists, with unique gr- prefixes and descriptions', () => {
    const prefixes = Object.values(SNIPPETS).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const s of Object.values(SNIPPETS)) {
      assert.match(s.prefix, /^gr-[a-z-]+$/);
      assert.ok(s.description.length > 10, s.prefix);
      assert.ok(s.body.at(-1)!.includes('$0'), `${s.prefix} ends at $0`);
    }
    for (const p of REQUIRED) assert.ok(prefixes.includes(p), `missing ${p}`);
  });

  it('the expander follows VS Code: defaults, mirrors, choices, escapes', () => {
    const { text } = expandSnippet(['${1:a} ${2|x,y|} ${1} \\$x ${3:f"{v\\}"} $0']);
    assert.equal(text, 'a x a $x f"{v}" ');
    assert.equal(expandSnippet(['${1|x,y|}'], new Map([[1, 1]])).text, 'y');
    assert.equal(expandSnippet(['${1:outer ${2:inner}} $2']).text, 'outer inner inner');
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    it(`${s.prefix} (${name}) expands to valid Python with no findings`, () => {
      const first = expandSnippet(s.body);
      // The defaults, then each option of each choice on its own.
      const variants = [first.text];
      for (const [n, options] of first.choiceStops) {
        for (let k = 1; k < options.length; k++) variants.push(expandSnippet(s.body, new Map([[n, k]])).text);
      }
      for (const text of variants) {
        const { kind, program } = placed(text);
        const tree = parse(program);
        try {
          assert.equal(tree.rootNode.hasError, false, `${s.prefix} (${kind}) has a syntax error:\n${program}`);
        } finally {
          tree.delete();
        }
        const findings = analyze(program, { targetVersion: NEWEST_VERSION });
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), [], `${s.prefix} (${kind}):\n${program}`);
      }
    });
  }
});
