// The server's document store: edits applied to the old tree (points taken from the line index, not by scanning the
// text) must give the tree a fresh parse of the new text gives, whatever the line endings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initParser, parse, LineIndex } from '../../server/src/engine';
import { Doc } from '../../server/src/lsp/documents';
import type { Node } from 'web-tree-sitter';

/** Every node with its offsets and points. */
function dump(node: Node, out: string[] = []): string[] {
  out.push(`${node.type} ${node.startIndex}-${node.endIndex} ${node.startPosition.row}:${node.startPosition.column}-${node.endPosition.row}:${node.endPosition.column}`);
  for (const c of node.children) if (c) dump(c, out);
  return out;
}

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const SOURCES = [
  'import gradio as gr\n\nwith gr.Blocks() as demo:\n    name = gr.Textbox(label="Name")\n    out = gr.Textbox()\n    name.submit(lambda s: s.upper(), name, out)\n\ndemo.launch()\n',
  'import gradio as gr\r\n\r\ndef greet(n):\r\n    return "Hi " + n\r\n\r\ngr.Interface(greet, "text", "text").launch()\r\n',
  'import gradio as gr\rx = gr.Button("é ü 😀")\rx.click(None)\n# mixed\r\nprint(x)\n',
];
const INSERTS = ['x', '', '\n', '\r\n', '    ', '(', ')', '"', 'é', '😀', 'gr.Textbox()\n', ':\n    pass\r'];

test('Doc edits keep the tree equal to a fresh parse (any line endings)', async () => {
  await initParser();
  const next = rng(42);
  for (const source of SOURCES) {
    const doc = new Doc('file:///t.py', source, 1);
    doc.currentTree();
    for (let step = 0; step < 60; step++) {
      const lines = new LineIndex(doc.text);
      const a = Math.floor(next() * (doc.text.length + 1));
      const b = Math.min(doc.text.length, a + Math.floor(next() * 4));
      const text = INSERTS[Math.floor(next() * INSERTS.length)];
      doc.applyChanges([{ range: { start: lines.positionAt(a), end: lines.positionAt(b) }, text }], step + 2);
      const fresh = parse(doc.text);
      const tree = doc.currentTree();
      assert.deepEqual(dump(tree.rootNode), dump(fresh.rootNode), `step ${step}: ${JSON.stringify(doc.text)}`);
      fresh.delete();
    }
    doc.dispose();
  }
});

test('LineIndex.treePoint counts \\n only, as tree-sitter does', () => {
  const text = 'a\r\nb\rc\nd';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.treePoint(0), { row: 0, column: 0 });
  assert.deepEqual(lines.treePoint(3), { row: 1, column: 0 });
  assert.deepEqual(lines.treePoint(5), { row: 1, column: 2 });
  assert.deepEqual(lines.treePoint(7), { row: 2, column: 0 });
  assert.deepEqual(new LineIndex('ab\r\ncd').treePoint(5), { row: 1, column: 1 });
});
