// Inputs for the fuzz suite: the seed apps, the rule fixtures, random edits of them (fast-check arbitraries), junk
// of every kind an editor can hand over (NUL, U+FFFD from invalid UTF-8, lone surrogates, CR, tabs), and
// deterministic pathological files (deep nesting, huge files, huge lines).
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_VERSIONS } from '../../server/src/engine';

export interface Sample { name: string; text: string }

const TEST_DIR = join(__dirname, '..');

/** The seed apps (test/fuzz/seeds/*.py) and every rule fixture (test/fixtures/GRxxx/*.py, fixed results included). */
export function loadSamples(): Sample[] {
  const out: Sample[] = [];
  const add = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.py')) out.push({ name: `${prefix}${f}`, text: readFileSync(join(dir, f), 'utf8') });
  };
  add(join(__dirname, 'seeds'), 'seeds/');
  const fixtures = join(TEST_DIR, 'fixtures');
  for (const d of readdirSync(fixtures).sort()) if (/^GR\d{3}$/.test(d)) add(join(fixtures, d), `fixtures/${d}/`);
  return out;
}

/** Indentation levels of the nested-block cases: more than Python allows (100), fewer than the parser guard's cap. */
export const BLOCK_LEVELS = 250;

/** Files of one deep construct each, `n` levels deep; all import gradio so that every rule runs. */
export const DEEP: Record<string, (n: number) => string> = {
  parentheses: (n) => `import gradio as gr\nx = ${'('.repeat(n)}1${')'.repeat(n)}\n`,
  lists: (n) => `import gradio as gr\nx = ${'['.repeat(n)}1${']'.repeat(n)}\n`,
  dicts: (n) => `import gradio as gr\nx = ${'{1: '.repeat(n)}1${'}'.repeat(n)}\n`,
  calls: (n) => `import gradio as gr\nx = ${'f('.repeat(n)}1${')'.repeat(n)}\n`,
  'gradio calls': (n) => `import gradio as gr\nwith gr.Blocks() as demo:\n    x = ${'gr.Row('.repeat(n)}${')'.repeat(n)}\n`,
  'keyword arguments': (n) => `import gradio as gr\ngr.Textbox(${'label=gr.Textbox('.repeat(n)}${')'.repeat(n)})\n`,
  'attribute chain': (n) => `import gradio as gr\nx = gr${'.a'.repeat(n)}\n`,
  'binary operators': (n) => `import gradio as gr\nx = 1${' + 1'.repeat(n)}\n`,
  'string concatenation': (n) => `import gradio as gr\ngr.Markdown("a"${' + "b"'.repeat(n)})\n`,
  lambdas: (n) => `import gradio as gr\nx = ${'lambda: '.repeat(n)}1\n`,
  'lambda handlers': (n) => `import gradio as gr\nwith gr.Blocks() as demo:\n    b = gr.Button()\n    b.click(${'lambda: '.repeat(n)}1, None, b)\n`,
  'unary minus': (n) => `import gradio as gr\nx = ${'-'.repeat(n)}1\n`,
  'not operators': (n) => `import gradio as gr\nx = ${'not '.repeat(n)}True\n`,
  subscripts: (n) => `import gradio as gr\nx = a${'[0]'.repeat(n)}\n`,
  'listener chain': (n) => `import gradio as gr\nwith gr.Blocks() as demo:\n    b = gr.Button()\n    b${'.click(f).then(f)'.repeat(n / 2)}\n`,
  'tuple targets': (n) => `import gradio as gr\n${'('.repeat(n)}a,${'),'.repeat(n - 1)}) = 1\n`,
  'unclosed brackets': (n) => `import gradio as gr\nx = ${'(['.repeat(n / 2)}\n`,
  'nested with blocks': () => `import gradio as gr\nwith gr.Blocks() as demo:\n${Array.from({ length: BLOCK_LEVELS }, (_, i) => `${' '.repeat(i + 1)}with gr.Row():\n`).join('')}${' '.repeat(BLOCK_LEVELS + 1)}gr.Textbox(lable="x").click(lambda a: a, None, None)\n`,
  'nested functions': () => `import gradio as gr\n${Array.from({ length: BLOCK_LEVELS }, (_, i) => `${' '.repeat(i)}def f${i}(x=gr.Textbox()):\n`).join('')}${' '.repeat(BLOCK_LEVELS)}return x\n`,
};

/** Pieces of Python and Gradio that broken edits are made of. */
const TOKENS = [
  'import gradio as gr\n', 'import gradio\n', 'from gradio import *\n', 'from gradio import Textbox, Button\n', 'import gradio.components as grc\n',
  'gr.', 'gradio.', 'Blocks', 'Interface', 'ChatInterface', 'Textbox', 'Button', 'Chatbot', 'State', 'Dropdown', 'Row', 'Column', 'Tab',
  'with gr.Blocks() as demo:\n    ', 'demo', 'btn', 'out', 'fn', 'x', '.click(', '.then(', '.change(', '.submit(', '.launch(', '.queue(',
  '.style(', '.update(', 'gr.update(', 'gr.on(', '@', 'fn=', 'inputs=', 'outputs=', 'label=', 'lable=', 'value=', 'type=', 'every=',
  'concurrency_count=', 'share=True', 'api_name=False', 'show_api=False', '_js=', 'None', 'True', 'False', '[', ']', '(', ')', '{', '}',
  ':', ',', '.', '=', '==', '*', '**', '->', ' ', '    ', '\t', '\n', '\n    ', '\\\n', '"', "'", '"""', "'''", 'f"{', '}"', 'b"', 'r"',
  '#', '# noqa', '# noqa: GR199', '# gradio-lint: target-version=4.0\n', '# gradio-lint: target-version=9.9\n', 'def ', 'async def ',
  'lambda ', 'lambda: ', 'return ', 'yield ', 'yield from ', 'await ', 'class ', 'if ', 'else:', 'elif ', 'for ', ' in ', 'while ',
  'try:', 'except:', 'finally:', 'global ', 'nonlocal ', 'del ', 'pass', 'import ', 'from ', ' as ', 'match ', 'case ', ':=', '...',
  '0', '1', '3.14', '1_000', '0x', '"text"', "'t'", 'print(', 'self', 'cls', 'super()', 'gr.Request', 'gr.Progress()',
];

/** Characters editors hand over that parsers and offset arithmetic trip on. */
const SPECIAL = [
  '\0', '\uFFFD', '\uFFFD\uFFFD', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '😀', '👩‍💻', 'é', 'e\u0301', '\u00A0',
  '\uFEFF', '\u2028', '\u2029', '\u0085', '\f', '\v', '\r', '\r\n', '\n\r', '\x1b', '\x7f', '\u200B', '\u202E', 'ﬁ', 'Ⅻ', '𝔤𝔯',
];

const piece = fc.constantFrom(...TOKENS, ...SPECIAL);

/** Junk to insert: token soup, arbitrary code points, invalid UTF-8 as an editor decodes it, lone surrogates. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 24 }).map((b) => Buffer.from(b).toString('utf8')) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 }).map((c) => String.fromCharCode(...c)) },
);

/** A file that only looks like a Gradio app: token soup, with or without an import of gradio. */
export const lookalike: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('import gradio as gr\n', 'from gradio import *\n', '# gradio\n', ''),
  fc.array(piece, { maxLength: 300 }),
).map(([head, body]) => head + body.join(''));

export type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteLines' | 'duplicateLines'; line: number; count: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'eol'; style: '\r\n' | '\r' | 'mixed'; seed: number }
  | { kind: 'indent'; line: number; count: number; with: string }
  | { kind: 'dedent'; line: number; count: number; chars: number }
  | { kind: 'longLine'; line: number; size: number; shape: number };

const pos = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: pos, len: fc.nat({ max: 120 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: pos }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: pos, text: junk }) },
  fc.record({ kind: fc.constantFrom('deleteLines' as const, 'duplicateLines' as const), line: pos, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: pos, b: pos }),
  fc.record({ kind: fc.constant('eol' as const), style: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const), seed: pos }),
  fc.record({ kind: fc.constant('indent' as const), line: pos, count: fc.integer({ min: 1, max: 10 }), with: fc.constantFrom('\t', ' ', '    ', ' \t', '\t    ', '\f') }),
  fc.record({ kind: fc.constant('dedent' as const), line: pos, count: fc.integer({ min: 1, max: 10 }), chars: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('longLine' as const), line: pos, size: fc.integer({ min: 1_000, max: 12_000 }), shape: fc.nat({ max: 4 }) }),
);

/** A line of about `size` characters in one of the shapes real files have: a long string, a long list of
 *  components, a long call with keywords, a long attribute chain, a long comment. */
export function longLine(size: number, shape: number): string {
  const fill = (unit: string) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
  switch (shape) {
    case 0: return `PROMPT = "${fill('lorem ipsum ')}"`;
    case 1: return `inputs = [${fill('gr.Textbox(), ')}]`;
    case 2: return `gr.Textbox(${fill('lable="x", ')})`;
    case 3: return `x = gr${fill('.a')}.b()`;
    default: return `# ${fill('é😀 ')}`;
  }
}

const splitLines = (text: string) => text.split(/(?<=\n)/);

/** Applies one random edit; positions wrap around the text's length, so any mutation fits any text. */
export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.kind) {
    case 'delete': { const at = m.at % (n + 1); return text.slice(0, at) + text.slice(at + m.len); }
    case 'duplicate': { const at = m.at % (n + 1); return text.slice(0, at + m.len) + text.slice(at); }
    case 'truncate': return text.slice(0, m.at % (n + 1));
    case 'insert': { const at = m.at % (n + 1); return text.slice(0, at) + m.text + text.slice(at); }
    case 'deleteLines': case 'duplicateLines': {
      const lines = splitLines(text);
      const at = m.line % (lines.length + 1);
      if (m.kind === 'deleteLines') lines.splice(at, m.count);
      else lines.splice(at, 0, ...lines.slice(at, at + m.count));
      return lines.join('');
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length, b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'eol': {
      if (m.style !== 'mixed') return text.replace(/\r\n|\r|\n/g, m.style);
      let i = m.seed;
      return text.replace(/\r\n|\r|\n/g, () => ['\n', '\r\n', '\r'][(i = (i * 1103515245 + 12345) >>> 0) % 3]);
    }
    case 'indent': case 'dedent': {
      const lines = splitLines(text);
      const at = m.line % (lines.length + 1);
      for (let i = at; i < Math.min(lines.length, at + m.count); i++) {
        lines[i] = m.kind === 'indent' ? m.with + lines[i] : lines[i].replace(new RegExp(`^[ \\t]{0,${m.chars}}`), '');
      }
      return lines.join('');
    }
    case 'longLine': {
      const lines = splitLines(text);
      lines.splice(m.line % (lines.length + 1), 0, `${longLine(m.size, m.shape)}\n`);
      return lines.join('');
    }
  }
}

/** The versions a file is checked against: every release the knowledge base knows, and the default. */
export const targetVersion: fc.Arbitrary<string | undefined> = fc.constantFrom(undefined, ...KNOWN_VERSIONS);

/** A realistic file broken by a few random edits. */
export function editedSample(samples: Sample[]) {
  return fc.record({
    sample: fc.nat({ max: samples.length - 1 }),
    mutations: fc.array(mutation, { maxLength: 6 }),
    version: targetVersion,
    isSpace: fc.boolean(),
  }).map((r) => ({ ...r, name: samples[r.sample].name, text: r.mutations.reduce(mutate, samples[r.sample].text) }));
}

/** A big app of about `lines` lines: the seed apps, each inside its own function so names do not collide, repeated. */
export function bigFile(samples: Sample[], lines: number): string {
  const seeds = samples.filter((s) => s.name.startsWith('seeds/'));
  const body = seeds.map((s, i) =>
    `def build_${i}():\n${s.text.split(/\r\n|\r|\n/).map((l) => (l ? `    ${l}` : l)).join('\n')}\n    return locals()\n\n`).join('');
  const perCopy = body.split('\n').length - 1;
  const out = ['import gradio as gr\n'];
  for (let k = 0; k * perCopy < lines; k++) out.push(body.replace(/def build_(\d+)/g, `def build_$1_${k}`));
  return out.join('');
}
