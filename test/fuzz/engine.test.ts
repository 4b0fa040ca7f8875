// Generated inputs over the engine (analyze, applyFix, fixAll): realistic apps broken by random edits, files that only
// look like Gradio, junk of every kind, huge files and huge lines. See test/fuzz/README.md for the knobs.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { initParser, KNOWN_VERSIONS } from '../../server/src/engine';
import { checkText, TIME_BOUND_MS } from './invariants';
import { bigFile, editedSample, junk, loadSamples, longLine, lookalike, targetVersion } from './generators';

/** Cases per property: a fixed, CI-sized default; FUZZ_RUNS=20000 for a long run. FUZZ_SEED replays a failure. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
export const SEED = Number(process.env.FUZZ_SEED ?? 7_2024);

const samples = loadSamples();
const params = (runs = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs, endOnFailure: !!process.env.FUZZ_NO_SHRINK, includeErrorInReport: true });

before(() => initParser());

describe('engine fuzz', () => {
  it('the seed apps as written, at every known version', () => {
    // (The fixtures as written are checked the same way by test/fixtures.test.ts.)
    for (const s of samples.filter((x) => x.name.startsWith('seeds/'))) for (const v of KNOWN_VERSIONS) checkText(s.text, { targetVersion: v });
  });

  it('realistic apps broken by random edits', () => {
    fc.assert(fc.property(editedSample(samples), (c) => {
      const r = checkText(c.text, { targetVersion: c.version, isSpace: c.isSpace });
      assert.ok(r.analyzeMs < TIME_BOUND_MS, `analysis of ${c.name} took ${r.analyzeMs} ms`);
    }), params());
  });

  it('files that only look like Gradio', () => {
    fc.assert(fc.property(lookalike, targetVersion, (text, v) => { checkText(text, { targetVersion: v }); }), params());
  });

  it('pure junk: arbitrary code points, invalid UTF-8 decoded, lone surrogates', () => {
    fc.assert(fc.property(fc.array(junk, { maxLength: 40 }), (parts) => { checkText(`import gradio as gr\n${parts.join('')}`, {}); }), params(RUNS / 3));
  });

  it('empty and whitespace-only files, and files that are only a line break', () => {
    for (const text of ['', ' ', '\n', '\r', '\r\n', '\t', '\0', '\uFEFF', 'gradio', 'import gradio', 'import gradio as', 'from gradio import', '\uD800gradio']) {
      const r = checkText(text, {});
      assert.ok(Array.isArray(r.findings));
    }
  });
});

describe('huge inputs', () => {
  it('a 100,000-line app', () => {
    const text = bigFile(samples, 100_000);
    assert.ok(text.split('\n').length >= 100_000);
    const r = checkText(text, { targetVersion: '6.25' }, { maxFixes: 2, skipFixAll: true });
    assert.ok(r.findings.length > 100, 'the copies of the seed apps report their findings');
    assert.ok(r.analyzeMs < 3 * TIME_BOUND_MS, `analysis took ${r.analyzeMs} ms`);
  });

  it('10,000-character lines of every shape, with LF, CRLF and CR line breaks', () => {
    const app = samples.find((s) => s.name === 'seeds/mistakes.py')!.text;
    for (let shape = 0; shape < 5; shape++) {
      for (const eol of ['\n', '\r\n', '\r']) {
        const lines = app.split('\n');
        lines.splice(8, 0, longLine(10_000, shape));
        const text = lines.join('\n').replace(/\n/g, eol);
        const r = checkText(text, { targetVersion: '6.25' });
        assert.ok(r.analyzeMs < TIME_BOUND_MS, `analysis took ${r.analyzeMs} ms`);
      }
    }
  });

  it('one 1,000,000-character line', () => {
    checkText(`import gradio as gr\ngr.Textbox(value="${'x'.repeat(1_000_000)}", lable="a")\n`, {});
  });
});
