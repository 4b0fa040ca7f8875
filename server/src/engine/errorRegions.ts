// Fixes never make a file parse worse. In a file with syntax errors a rule's fix may land where the parser had to
// guess (an ERROR or MISSING node), or change how it recovers (a quote added next to an unbalanced one): such fixes
// are checked by parsing their result, and dropped when it has more syntax errors than the file has now.
import type { Node } from 'web-tree-sitter';
import { editFor, parse, type Tree } from './parse';
import type { LineIndex } from './text';
import type { Finding, TextEdit } from './types';

/** Syntax errors of a tree: its ERROR and MISSING nodes (nested ones too). No recursion: trees can be deep. */
export function syntaxErrorCount(tree: Tree): number {
  return errorNodes(tree).length;
}

/** ERROR and MISSING nodes as [start, end] offsets, outermost first; only subtrees with an error are visited. */
function errorNodes(tree: Tree): [number, number][] {
  const out: [number, number][] = [];
  if (!tree.rootNode.hasError) return out;
  const cursor = tree.walk();
  for (let done = false; !done; ) {
    const node: Node = cursor.currentNode;
    if (node.isError || node.isMissing) out.push([node.startIndex, node.endIndex]);
    if ((node.hasError || node.isMissing) && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) { done = true; break; }
  }
  cursor.delete();
  return out;
}

/** Fixes checked by parsing, per analysis: enough for any real file; the rest are dropped. */
export const MAX_CHECKED_FIXES = 40;
/** Larger broken files get no fixes. */
export const MAX_CHECKED_TEXT = 2_000_000;

/** Parses `text` and counts its syntax errors. */
export function syntaxErrorsOf(text: string): number {
  const tree = parse(text);
  try { return syntaxErrorCount(tree); } finally { tree.delete(); }
}

/** Syntax errors of `text` with the fix's edits applied: an incremental re-parse of a copy of `tree` (a few
 *  milliseconds less per fix than a full parse, and a broken file is what is being typed). */
export function errorsAfter(text: string, lines: LineIndex, tree: Tree, edits: readonly TextEdit[]): number {
  const offs = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  const copy = tree.copy();
  let out = text;
  // From the last edit to the first: each one's positions are still those of the original text.
  for (const e of offs) {
    copy.edit(editFor(out, e.start, e.end, e.text, { start: lines.treePoint(e.start), oldEnd: lines.treePoint(e.end) }));
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  const next = parse(out, copy);
  try { return syntaxErrorCount(next); } finally { next.delete(); copy.delete(); }
}

/** In a file with syntax errors, keeps only the fixes that touch no error and whose result parses no worse. */
export function screenFixes(findings: Finding[], text: string, lines: LineIndex, tree: Tree) {
  const regions = errorNodes(tree);
  if (!regions.length) return;
  const base = regions.length;
  let budget = text.length <= MAX_CHECKED_TEXT ? MAX_CHECKED_FIXES : 0;
  const touches = (edits: readonly TextEdit[]) => edits.some((e) => {
    const start = lines.offsetAt(e.range.start), end = lines.offsetAt(e.range.end);
    return regions.some(([s, t]) => s <= end && start <= t);
  });
  for (const f of findings) {
    f.fixes = f.fixes.filter((fix) => {
      if (touches(fix.edits) || budget <= 0) return false;
      budget--;
      return errorsAfter(text, lines, tree, fix.edits) <= base;
    });
  }
}
