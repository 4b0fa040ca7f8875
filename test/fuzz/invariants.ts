// The invariants every input must keep, whatever it is: no rule throws, every range lies inside the document,
// every offered fix leaves text that parses no worse, fix-all parses no worse and is idempotent.
import assert from 'node:assert/strict';
import { analyze, applyFix, fixAll, LineIndex, type AnalyzeOptions, type Finding, type Range } from '../../server/src/engine';
import { syntaxErrors } from '../helpers';

/** One analysis of a fuzzed file must finish within this (generous: CI shares 2 cores with other jobs). */
export const TIME_BOUND_MS = Number(process.env.FUZZ_TIME_BOUND_MS ?? 10_000);

export interface CheckOptions {
  /** Check at most this many offered fixes (each costs a parse of the whole file). */
  maxFixes?: number;
  /** Skip the fix-all checks (costly on huge files). */
  skipFixAll?: boolean;
}

export interface CheckResult { findings: Finding[]; analyzeMs: number; fixesChecked: number }

/** A short, printable excerpt for assertion messages (fuzzed files can be megabytes). */
export function excerpt(text: string, max = 600): string {
  const s = JSON.stringify(text);
  return s.length <= max ? s : `${s.slice(0, max / 2)} ... ${s.slice(-max / 2)} (${text.length} chars)`;
}

/** A range is inside the document: lines exist, characters are within their line, start <= end. */
export function assertRangeInside(lines: LineIndex, r: Range, what: string) {
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
    const len = lines.lineText(p.line).length;
    assert.ok(p.character >= 0 && p.character <= len, `${what}: character ${p.character} outside line ${p.line} of length ${len}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: start after end ${JSON.stringify(r)}`);
}

export function assertFindingsInside(text: string, findings: Finding[]) {
  const lines = new LineIndex(text);
  for (const f of findings) {
    assertRangeInside(lines, f.range, `${f.code} range`);
    for (const r of f.related ?? []) assertRangeInside(lines, r.range, `${f.code} related range`);
    for (const fix of f.fixes) for (const e of fix.edits) assertRangeInside(lines, e.range, `${f.code} fix "${fix.title}" edit`);
  }
}

/** Runs every invariant on one text; throws an AssertionError naming the broken one. */
export function checkText(text: string, opts: AnalyzeOptions, check: CheckOptions = {}): CheckResult {
  const ruleErrors: string[] = [];
  const options: AnalyzeOptions = { ...opts, onRuleError: (code, e) => ruleErrors.push(`${code}: ${(e as Error)?.stack ?? e}`) };
  const t0 = performance.now();
  const findings = analyze(text, options);
  const analyzeMs = Math.round(performance.now() - t0);
  assert.deepEqual(ruleErrors, [], `a rule threw on ${excerpt(text)}`);
  assertFindingsInside(text, findings);

  const base = syntaxErrors(text);
  let fixesChecked = 0;
  const max = check.maxFixes ?? Infinity;
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (fixesChecked >= max) break;
      fixesChecked++;
      const after = applyFix(text, fix);
      const errors = syntaxErrors(after);
      assert.ok(errors <= base, `${f.code} fix "${fix.title}" adds syntax errors (${base} -> ${errors}) in ${excerpt(text)}\nresult: ${excerpt(after)}`);
    }
  }

  if (!check.skipFixAll) {
    const once = fixAll(text, options);
    assert.deepEqual(ruleErrors, [], `a rule threw during fix-all of ${excerpt(text)}`);
    if (once.applied) {
      const errors = syntaxErrors(once.text);
      assert.ok(errors <= base, `fix-all adds syntax errors (${base} -> ${errors}) in ${excerpt(text)}\nresult: ${excerpt(once.text)}`);
      const twice = fixAll(once.text, options);
      assert.equal(twice.text, once.text, `fix-all is not idempotent on ${excerpt(text)}`);
    }
    assertFindingsInside(once.text, once.findings);
  }
  return { findings, analyzeMs, fixesChecked };
}
