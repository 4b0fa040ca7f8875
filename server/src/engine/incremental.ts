// Re-analysis after an edit. Most keystrokes land inside a token nobody looked at (a label, a docstring, a
// comment) and leave the tree's shape as it was: then every question the model and the rules asked gets the same
// answer, so their conclusions stand and only move with the text. The copy of the tree is shifted in place and the
// findings are rebuilt from the same reports. When the shape held but something read the edited text, the shifted copy
// gets a new model and every rule (copying the tree again would give the same arrays); anything else is analyzed
// afresh.
//
// "Nobody looked at": the copy notes every text read through a node, and any read of the whole text (syntax.ts).
// "Same shape": as many nodes as before, tree-sitter reports no changed range outside the edit, and either the edited
// token is a leaf of the same type where it was, longer or shorter by what was typed, or the edit typed or deleted
// blanks between tokens and the next token moved by as much.
import type { Tree } from './parse';
import { analyzeWithState, findingsOf, forgetModel, optionsKey, runRules, sameOptions, type AnalysisState, type AnalyzeOptions } from './analyze';
import { RULES } from './rules';
import { LineIndex } from './text';
import { adoptCopy, type SyntaxTree } from './syntax';

/** One edit between the previous analysis's text and this one, as the document store saw it. */
export interface TreeChange {
  /** [start, oldEnd) of the old text was replaced by `inserted` (offsets in UTF-16 code units). */
  start: number;
  oldEnd: number;
  inserted: string;
  removed: string;
  /** tree-sitter's changed ranges between the old tree and the re-parsed one (offsets of the new text). */
  changed: readonly { startIndex: number; endIndex: number }[];
}

/** The analysis of `tree` (parsed from `text`), reusing `previous` when `change` is all that happened since. */
export function analyzeChange(previous: AnalysisState | undefined, change: TreeChange | undefined, tree: Tree, text: string,
  opts: AnalyzeOptions = {}): AnalysisState {
  const shape = sameShape(previous, change, tree);
  if (!shape) return analyzeWithState(tree, text, opts);
  return carryOver(previous!, shape, tree, text, opts) ?? reanalyze(shape, tree, text, opts);
}

/** The previous analysis carried over to `tree`, when `change` cannot have changed it; else undefined (and nothing
 *  was changed). */
export function reuseAnalysis(prev: AnalysisState | undefined, change: TreeChange | undefined, tree: Tree, text: string,
  opts: AnalyzeOptions = {}): AnalysisState | undefined {
  const shape = sameShape(prev, change, tree);
  return shape && carryOver(prev!, shape, tree, text, opts);
}

/** The previous copy and the part of its text the change replaced, when the re-parsed tree has the same shape. */
interface Shape { syntax: SyntaxTree; start: number; end: number; delta: number }

function sameShape(prev: AnalysisState | undefined, change: TreeChange | undefined, tree: Tree): Shape | undefined {
  const syntax = prev?.syntax;
  if (!syntax || !change) return undefined;
  // Line breaks typed or deleted move lines: positions of everything after would change in two ways.
  if (/[\r\n]/.test(change.inserted) || /[\r\n]/.test(change.removed)) return undefined;
  const delta = change.inserted.length - change.removed.length;
  const root = tree.rootNode;
  if (syntax.rootNode.hasError || root.hasError || root.descendantCount !== syntax.count) return undefined;
  const region = editedRegion(syntax, change, tree, delta);
  if (!region) return undefined;
  const [start, end] = region;
  if (change.changed.some((r) => r.startIndex < start || r.endIndex > end + delta)) return undefined;
  return { syntax, start, end, delta };
}

/** The previous analysis, moved to the new text, when nothing it read changed and it ran with the same options. */
function carryOver(prev: AnalysisState, shape: Shape, tree: Tree, text: string, opts: AnalyzeOptions): AnalysisState | undefined {
  const { model, reports, key } = prev;
  const { syntax, start, end, delta } = shape;
  // Only a full analysis of a file that uses gradio (the client-only check reads the whole text).
  if (!model?.usesGradio || !reports || !key) return undefined;
  if (!sameOptions(key, optionsKey(opts))) return undefined;
  if (syntax.wasRead(start, end)) return undefined;
  // Rules that read the text directly run again; the others' reports stand, moved with the text. An offset a rule
  // computed inside the change would need the rule again too (where blanks were typed, one at the very spot: it
  // cannot tell whether it meant before or after them).
  const again = syntax.textReaders;
  const kept = reports.filter(({ rule }) => !again.has(rule.code));
  const inside = (x: number | undefined) => x !== undefined && (start === end ? x === start : x > start && x < end);
  for (const { report } of kept) {
    if (inside(report.start) || inside(report.end)) return undefined;
    if (report.fixes?.some((f) => f.edits.some((e) => inside(e.start) || inside(e.end)))) return undefined;
  }
  const shift = (x: number) => (x >= end ? x + delta : x);
  for (const { report } of kept) {
    if (report.start !== undefined) report.start = shift(report.start);
    if (report.end !== undefined) report.end = shift(report.end);
    for (const f of report.fixes ?? []) for (const e of f.edits) { e.start = shift(e.start); e.end = shift(e.end); }
  }
  syntax.shift(start, end, delta, text);
  adoptCopy(tree, syntax);
  const lines = opts.lines?.text === text ? opts.lines : new LineIndex(text);
  const rerun = (opts.rules ?? RULES).filter((r) => again.has(r.code));
  const all = rerun.length ? [...kept, ...runRules(rerun, { lines, syntax, model, version: key.version, opts })] : kept;
  return { findings: findingsOf(all, text, lines, tree, opts.config ?? {}), syntax, model, reports: all, key };
}

/** Something read the changed text (a name, a keyword, a value a rule looks at): a new model and every rule, on the
 *  old copy moved to the new text (the tree has the same shape, so copying it again would give the same arrays). */
function reanalyze(shape: Shape, tree: Tree, text: string, opts: AnalyzeOptions): AnalysisState {
  const { syntax, start, end, delta } = shape;
  syntax.shift(start, end, delta, text);
  syntax.forgetReads();
  forgetModel(syntax);
  adoptCopy(tree, syntax);
  return analyzeWithState(tree, text, opts);
}

/** The part of the old text the edit changed, as the new tree confirms it: a token (a leaf of the same type, at the
 *  same start, `delta` longer; an insertion where two tokens meet could belong to either), or the blanks between two
 *  tokens (the token after them moved by `delta`). Undefined otherwise. */
function editedRegion(syntax: SyntaxTree, change: TreeChange, tree: Tree, delta: number): [number, number] | undefined {
  const { starts, ends, after, types } = syntax;
  const sameAs = (c: number, start: number, end: number) => {
    const n = tree.rootNode.descendantForIndex(start, end);
    return !!n && n.startIndex === start && n.endIndex === end && n.typeId === types[c] && n.childCount === 0;
  };
  const at = syntax.rootNode.descendantForIndex(change.start, change.oldEnd).id;
  for (const c of [at, at - 1]) {
    if (c < 0 || after[c] !== c + 1 || starts[c] > change.start || ends[c] < change.oldEnd || starts[c] === ends[c]) continue;
    if (sameAs(c, starts[c], ends[c] + delta)) return [starts[c], ends[c]];
  }
  // Blanks typed or deleted between tokens: no token overlaps the change, and the first one after it moved.
  if (!/^[ \t]*$/.test(change.inserted) || !/^[ \t]*$/.test(change.removed)) return undefined;
  let next = -1;
  for (let j = 0; j < syntax.count; j++) {
    if (after[j] !== j + 1) continue;
    if (starts[j] < change.oldEnd && ends[j] > change.start) return undefined;
    if (starts[j] >= change.oldEnd) { next = j; break; }
  }
  if (next < 0 || !sameAs(next, starts[next] + delta, ends[next] + delta)) return undefined;
  return [change.start, change.oldEnd];
}
