// Applying fixes: edits to text, and fix-all (safe fixes only, repeated until nothing changes).
import { analyze, type AnalyzeOptions } from './analyze';
import { syntaxErrorsOf } from './errorRegions';
import { LineIndex } from './text';
import type { Finding, Fix, TextEdit } from './types';

interface OffsetEdit { start: number; end: number; text: string }

function toOffsets(lines: LineIndex, edits: TextEdit[]): OffsetEdit[] {
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // Two insertions at the same point also conflict: their order would be arbitrary. So does an insertion right
  // where another edit's text ends: it was written against text that edit changes (`f(a)`: deleting `a` and
  // appending `, b` after it would give `f(, b)`); the next pass redoes it on the new text.
  return a.start < b.end && b.start < a.end || a.start === b.start
    || (a.start === a.end && a.start === b.end) || (b.start === b.end && b.start === a.end);
}

function applyOffsets(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies one fix's edits (which never overlap each other) to `text`. */
export function applyFix(text: string, fix: Fix): string {
  return applyOffsets(text, toOffsets(new LineIndex(text), fix.edits));
}

/** Applies as many of `fixes` as do not overlap, in order; returns the new text and how many were applied. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const lines = new LineIndex(text);
  const taken: OffsetEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const edits = toOffsets(lines, fix.edits);
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied++;
  }
  return { text: applyOffsets(text, taken), applied };
}

export const MAX_FIX_PASSES = 10;

/** The first safe fix of each finding: what fix-all applies. */
export function safeFixes(findings: Finding[]): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (fix) out.push(fix);
  }
  return out;
}

/** Applies safe fixes until no finding has one left (at most MAX_FIX_PASSES passes). */
export function fixAll(text: string, opts: AnalyzeOptions = {}): { text: string; applied: number; findings: Finding[] } {
  let applied = 0;
  let findings = analyze(text, opts);
  let errors: number | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = safeFixes(findings);
    if (!fixes.length) break;
    let r = applyFixes(text, fixes);
    if (!r.applied || r.text === text) break;
    // Together the fixes must not make the file parse worse either: else keep those that do not alone, if that helps.
    errors ??= syntaxErrorsOf(text);
    let after = syntaxErrorsOf(r.text);
    if (after > errors) {
      const base = text, limit = errors;
      r = applyFixes(text, fixes.filter((f) => syntaxErrorsOf(applyFix(base, f)) <= limit));
      if (!r.applied || r.text === text || (after = syntaxErrorsOf(r.text)) > errors) break;
    }
    errors = after;
    text = r.text;
    applied += r.applied;
    findings = analyze(text, opts);
  }
  return { text, applied, findings };
}
