// The JavaScript copy of a tree (syntax.ts) must answer every question exactly as web-tree-sitter's own nodes do:
// both ways of copying (the module's cursor functions, the public TreeCursor) are compared node by node with the
// tree-sitter tree, on the rule fixtures, a generated app, broken code and random text.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Node as TsNode, Tree } from 'web-tree-sitter';
import { initParser, parse, SyntaxTree, type SyntaxNode } from '../../server/src/engine';
import { generateApp } from '../../bench/generate';

before(() => initParser());

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Every node of the tree-sitter tree in pre-order, with the field name it has in its parent. */
function treeSitterNodes(tree: Tree): { node: TsNode; field: string | null }[] {
  const out: { node: TsNode; field: string | null }[] = [];
  const c = tree.walk();
  for (let done = false; !done; ) {
    out.push({ node: c.currentNode, field: c.currentFieldName });
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) { done = true; break; }
  }
  c.delete();
  return out;
}

const same = (a: TsNode | null, b: SyntaxNode | null, what: string) => {
  assert.equal(b === null, a === null, what);
  if (a && b) assert.deepEqual([b.type, b.startIndex, b.endIndex], [a.type, a.startIndex, a.endIndex], what);
};

/** Siblings: tree-sitter passes over a zero-width sibling (a MISSING node or an empty block in broken code) that
 *  the copy returns; the engine never relies on either. */
const sameSibling = (a: TsNode | null, b: SyntaxNode | null, what: string) => {
  if (b && b.startIndex === b.endIndex && (a === null || a.startIndex !== b.startIndex || a.type !== b.type)) return;
  same(a, b, what);
};

/** Compares a copy of `text`'s tree with the tree, node by node (all nodes up to `limit`). */
function check(text: string, viaPublicApi: boolean, limit = Infinity): void {
  const tree = parse(text);
  try {
    const copy = SyntaxTree.copy(tree, text, viaPublicApi);
    const nodes = treeSitterNodes(tree);
    assert.equal(copy.count, nodes.length, 'node count');
    nodes.slice(0, limit).forEach(({ node: t, field }, i) => {
      const s = copy.node(i);
      const at = `node ${i} (${t.type} ${t.startIndex}-${t.endIndex}) in ${JSON.stringify(text.slice(0, 60))}`;
      same(t, s, at);
      assert.deepEqual(
        [s.isNamed, s.isError, s.isMissing, s.text, s.childCount, s.namedChildCount],
        [t.isNamed, t.isError, t.isMissing, t.text, t.childCount, t.namedChildCount], at);
      // An ERROR leaf (an unexpected character) has an error for the copy, not for tree-sitter's `hasError`.
      if (!(t.isError && t.childCount === 0)) assert.equal(s.hasError, t.hasError, `${at}: hasError`);
      same(t.parent, s.parent, `${at}: parent`);
      sameSibling(t.nextSibling, s.nextSibling, `${at}: next sibling`);
      sameSibling(t.previousSibling, s.previousSibling, `${at}: previous sibling`);
      sameSibling(t.nextNamedSibling, s.nextNamedSibling, `${at}: next named sibling`);
      same(t.firstNamedChild, s.firstNamedChild, `${at}: first named child`);
      if (field) {
        same(t.parent!.childForFieldName(field), s.parent!.childForFieldName(field), `${at}: field ${field}`);
        assert.equal(s.parent!.childrenForFieldName(field).length, t.parent!.childrenForFieldName(field).length, `${at}: ${field}s`);
      }
      if (i > 0) same(tree.rootNode.childWithDescendant(t), copy.rootNode.childWithDescendant(s), `${at}: top-level`);
    });
    for (const offset of [0, text.length >> 2, text.length >> 1, text.length - 1, text.length].filter((o) => o >= 0)) {
      same(tree.rootNode.descendantForIndex(offset, offset), copy.rootNode.descendantForIndex(offset, offset), `descendant at ${offset}`);
    }
    // (one type per call: web-tree-sitter 0.27 finds nothing when 'ERROR' is one of several types)
    for (const type of ['call', 'ERROR']) {
      assert.deepEqual(copy.rootNode.descendantsOfType(type).map((n) => n.startIndex),
        tree.rootNode.descendantsOfType(type).map((n) => n!.startIndex), `${type} nodes`);
    }
  } finally {
    tree.delete();
  }
}

const BROKEN = [
  'with gr.Blocks() as demo:\n    btn = gr.Button(\n    btn.click(fn, inputs=[a, b\n',
  'def f(:\n  return )\n\n\nx = [1, 2\n',
  'import gradio as gr\nif True:\n\tx = gr.Textbox(label="a"\r\n  y = 1\r\n',
  'gr.Interface(fn=lambda x: x, inputs="text", outputs=)\n',
  '"""unterminated\n',
  '\u00e9\u4e2d\ud83d\ude00 = gr.Textbox("\ud83d\ude00")\n',
];

describe('syntax tree copy', () => {
  for (const viaPublicApi of [false, true]) {
    const how = viaPublicApi ? 'public TreeCursor' : 'wasm cursor';
    it(`matches tree-sitter on every rule fixture (${how})`, () => {
      for (const dir of readdirSync(FIXTURES)) {
        for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.py'))) {
          check(readFileSync(join(FIXTURES, dir, f), 'utf8'), viaPublicApi);
        }
      }
    });
    it(`matches tree-sitter on broken code (${how})`, () => {
      for (const text of BROKEN) check(text, viaPublicApi);
    });
    it(`matches tree-sitter on random text (${how})`, () => {
      const alphabet = fc.constantFrom(...'gr.Blocks() as demo: with def f(x, y=1): return [x]\n\t\r"\'#{}=,:;\\ab\u00e9');
      fc.assert(fc.property(fc.array(alphabet, { maxLength: 200 }).map((cs) => cs.join('')), (text) => check(text, viaPublicApi)),
        { seed: 42, numRuns: 150 });
    });
  }
  it('matches tree-sitter on a generated 1k-line app', () => check(generateApp(1000), false, 20000));
});
