// Re-analysis after an edit (incremental.ts): whether it reuses the previous analysis or not, its findings must be
// those of a fresh analysis of the new text. Random edits, biased towards string contents and comments (where
// reuse happens), applied through the server's document store, are compared with `analyze()` after every step.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, initParser, LineIndex, type AnalysisState, type AnalyzeOptions } from '../../server/src/engine';
import { Doc } from '../../server/src/lsp/documents';
import { analyzeDoc } from '../../server/src/lsp/analysis';
import { generateApp } from '../../bench/generate';

before(() => initParser());

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets inside string literals and comments: where typing usually leaves the tree's shape alone. */
function quietOffsets(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/"([^"\n\\{}]+)"|#([^\n]*)/g)) {
    const inner = m.index + 1;
    const len = (m[1] ?? m[2]).length;
    for (let k = 0; k <= len; k++) out.push(inner + k);
  }
  return out;
}

const QUIET_CHARS = ['a', 'Z', '7', ' ', '_', '.', '-', 'é'];
const CHARS = ['a', 'Z', '7', ' ', '_', '.', '-', 'é', '"', "'", '(', ')', '#', ',', '=', ':', '\n', '\t', '{'];

interface Run { steps: number; reused: number }

/** Applies `steps` random one-character edits to `text` and checks every analysis against a fresh one. */
function check(text: string, seed: number, steps: number, opts: AnalyzeOptions = {}, quietShare = 0.7): Run {
  const rnd = random(seed);
  const doc = new Doc('file:///t/app.py', text, 1);
  let prev: { state: AnalysisState; generation: number } | undefined = { state: analyzeDoc(doc, undefined, opts), generation: doc.generation };
  let reused = 0;
  for (let step = 0; step < steps; step++) {
    const quiet = quietOffsets(doc.text);
    const isQuiet = quiet.length > 0 && rnd() < quietShare;
    const at = isQuiet ? quiet[Math.floor(rnd() * quiet.length)] : Math.floor(rnd() * (doc.text.length + 1));
    const lines = new LineIndex(doc.text);
    const del = rnd() < 0.35 && at < doc.text.length;
    const range = { start: lines.positionAt(at), end: lines.positionAt(del ? at + 1 : at) };
    const chars = isQuiet && rnd() < 0.8 ? QUIET_CHARS : CHARS;
    const typed = del ? '' : chars[Math.floor(rnd() * chars.length)];
    doc.applyChanges([{ range, text: typed }], step + 2);
    const before = prev.state.model;
    const state: AnalysisState = analyzeDoc(doc, prev, opts);
    if (before && state.model === before) reused++;
    prev = { state, generation: doc.generation };
    assert.deepEqual(state.findings, analyze(doc.text, opts),
      `step ${step} (seed ${seed}): ${del ? 'deleted' : `typed ${JSON.stringify(typed)}`} at ${at}: ${JSON.stringify(doc.text.slice(Math.max(0, at - 30), at + 30))}`);
  }
  doc.dispose();
  return { steps, reused };
}

describe('re-analysis after an edit', () => {
  it('equals a fresh analysis on every rule fixture with findings, edit after edit', () => {
    let total: Run = { steps: 0, reused: 0 };
    let seed = 1;
    for (const dir of readdirSync(FIXTURES)) {
      for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.py') && !f.includes('.fixed') && !f.includes('.unsafe'))) {
        const r = check(readFileSync(join(FIXTURES, dir, f), 'utf8'), seed++, 12);
        total = { steps: total.steps + r.steps, reused: total.reused + r.reused };
      }
    }
    // The quiet edits must take the reuse path often enough for this to test it.
    assert.ok(total.reused > total.steps / 10, `reused ${total.reused} of ${total.steps}`);
  });

  it('equals a fresh analysis on a generated app, at another target version', () => {
    const r = check(generateApp(400, 3), 99, 150, { targetVersion: '4.44' }, 0.9);
    assert.ok(r.reused > 20, `reused ${r.reused} of ${r.steps}`);
  });

  it('equals a fresh analysis after blanks typed or deleted between tokens', () => {
    let reused = 0, steps = 0;
    const texts = [generateApp(200, 5), ...['GR005', 'GR013', 'GR101', 'GR199'].flatMap((dir) =>
      readdirSync(join(FIXTURES, dir)).filter((f) => /^[^.]+\.py$/.test(f)).map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')))];
    texts.forEach((text, n) => {
      const rnd = random(1000 + n);
      const doc = new Doc('file:///t/blank.py', text, 1);
      let prev = { state: analyzeDoc(doc, undefined, {}), generation: doc.generation };
      for (let step = 0; step < 40; step++) {
        // A blank after a token in the middle of a line (not indentation): doubled, or a doubled one taken back.
        const spots = [...doc.text.matchAll(/[^\s] /g)].map((m) => m.index + 1);
        if (!spots.length) break;
        const at = spots[Math.floor(rnd() * spots.length)];
        const lines = new LineIndex(doc.text);
        const del = doc.text[at + 1] === ' ' || doc.text[at + 1] === '\t';
        const range = { start: lines.positionAt(at), end: lines.positionAt(del ? at + 1 : at) };
        doc.applyChanges([{ range, text: del ? '' : rnd() < 0.8 ? ' ' : '\t' }], step + 2);
        const state: AnalysisState = analyzeDoc(doc, prev, {});
        if (state.model && state.model === prev.state.model) reused++;
        steps++;
        prev = { state, generation: doc.generation };
        assert.deepEqual(state.findings, analyze(doc.text), `file ${n} step ${step} at ${at}: ${JSON.stringify(doc.text.slice(Math.max(0, at - 30), at + 30))}`);
      }
      doc.dispose();
    });
    assert.ok(reused > steps / 4, `reused ${reused} of ${steps}`);
  });

  it('keeps the analysis for typing in a label, a new model on the moved copy for a value a rule reads', () => {
    const text = 'import gradio as gr\n\n\ndef gray(img):\n    return img.convert("L")\n\n\nwith gr.Blocks() as demo:\n'
      + '    box = gr.Image(label="Name", type="numpy")\n    out = gr.Image()\n    gr.Button("Go").click(gray, box, out)\n\ndemo.launch()\n';
    const doc = new Doc('file:///t/a.py', text, 1);
    let prev = { state: analyzeDoc(doc, undefined, {}), generation: doc.generation };
    const typeAt = (offset: number, v: number) => {
      const p = new LineIndex(doc.text).positionAt(offset);
      doc.applyChanges([{ range: { start: p, end: p }, text: 'x' }], v);
      const next = { state: analyzeDoc(doc, prev, {}), generation: doc.generation };
      assert.deepEqual(next.state.findings, analyze(doc.text));
      const before = prev;
      prev = next;
      return { kept: next.state.model === before.state.model, sameCopy: next.state.syntax === before.state.syntax };
    };
    assert.deepEqual(typeAt(text.indexOf('Name'), 2), { kept: true, sameCopy: true }, 'a label edit keeps the analysis');
    assert.deepEqual(typeAt(doc.text.indexOf('numpy') + 2, 3), { kept: false, sameCopy: true }, 'type= is read: new model, same copy');
    assert.equal(typeAt(doc.text.indexOf('box ='), 4).kept, false, 'renaming a variable analyzes afresh');
    doc.dispose();
  });
});
