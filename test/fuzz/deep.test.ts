// Regression tests for pathological inputs: deep nesting used to overflow the JS stack in the model walk
// (RangeError: Maximum call stack size exceeded from 5,000 nested calls or lambdas, 20,000 nested parentheses),
// and long attribute chains and deep trees took minutes (tree-sitter finds a node's next sibling through its
// parent, which costs the depth). Each case must analyze, offer only fixes that parse no worse, and fix-all
// idempotently, within a time bound.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initParser } from '../../server/src/engine';
import { checkText, TIME_BOUND_MS } from './invariants';
import { BLOCK_LEVELS, DEEP } from './generators';

/** Deeper than what used to overflow (5,000 nested calls; 20,000 parentheses), small enough for CI. */
const DEPTH: Record<string, number> = { parentheses: 20_000, lists: 20_000, 'binary operators': 20_000, 'unary minus': 20_000 };
const DEFAULT_DEPTH = 6_000;

before(() => initParser());

describe('deeply nested code', () => {
  for (const [name, make] of Object.entries(DEEP)) {
    const depth = DEPTH[name] ?? DEFAULT_DEPTH;
    const what = name.startsWith('nested ') ? `${BLOCK_LEVELS} indentation levels` : `${depth} levels`;
    it(`${name}, ${what}`, () => {
      const r = checkText(make(depth), { targetVersion: '6.25' });
      assert.ok(r.analyzeMs < TIME_BOUND_MS, `analysis took ${r.analyzeMs} ms`);
    });
  }
});

describe('indentation the parser cannot survive', () => {
  // tree-sitter-python's scanner overflows its state buffer with ~380+ indentation levels open around a string and
  // the parser stayed corrupt: every later parse threw "memory access out of bounds".
  const staircase = (levels: number, last: string) =>
    `import gradio as gr\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(levels)}${last}\n`;

  it('a 600-level staircase ending in a string is not analyzed, and the parser keeps working', () => {
    for (const last of ['gr.Textbox(lable="x")', "f'''x'''", 'f"{x!r}"']) {
      const r = checkText(staircase(600, last), { targetVersion: '6.25' });
      assert.deepEqual(r.findings, []);
    }
    const after = checkText('import gradio as gr\ngr.Textbox(lable="x")\n', { targetVersion: '6.25' });
    assert.deepEqual(after.findings.map((f) => f.code), ['GR199']);
  });

  it('nesting as deep as Python allows (100 levels) is analyzed as usual', () => {
    const r = checkText(staircase(100, 'gr.Textbox(lable="x")'), { targetVersion: '6.25' });
    assert.deepEqual(r.findings.map((f) => f.code), ['GR199']);
  });
});

describe('wide code', () => {
  // A node's i-th child is found by walking its first i children (syntax.ts): a loop over `namedChild(i)` of a
  // node with 50,000 children never finished. Wide handlers, lists and modules must analyze in time.
  const WIDTH = 50_000;
  const cases: Record<string, string> = {
    'a handler returning a list of 50,000 items': `import gradio as gr\n\ndef f(x):\n    return [${'x, '.repeat(WIDTH)}]\n\nwith gr.Blocks() as demo:\n    t = gr.Textbox()\n    t.change(f, t, t)\n`,
    'a handler of 50,000 statements, each after a comment': `import gradio as gr\n\ndef f(x):\n${'    # step\n    x = x + 1\n'.repeat(WIDTH)}    return x\n\ngr.Interface(f, "text", "text").launch()\n`,
    'a module of 50,000 commented statements': `import gradio as gr\n${'# note\nv = gr.Textbox()\n'.repeat(WIDTH)}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const r = checkText(text, { targetVersion: '6.25' });
      assert.ok(r.analyzeMs < TIME_BOUND_MS, `analysis took ${r.analyzeMs} ms`);
    });
  }
});
