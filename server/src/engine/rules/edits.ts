// Edit builders shared by the rules' fixes. Offsets are UTF-16 code units into the file text.
import type { Node } from '../parse';
import type { Model } from '../model/link';
import { indentAt, lineStartAt } from '../tree';
import type { OffsetEdit } from './types';

/** Removes one argument from its argument list together with the comma that separates it. Comments between
 *  arguments stay: only the argument, its comma and the spaces after it go. */
export function removeArgument(arg: Node): OffsetEdit {
  const list = arg.parent;
  const siblings = list ? list.namedChildren.filter((c) => c && c.type !== 'comment') as Node[] : [arg];
  const i = siblings.findIndex((c) => c.id === arg.id);
  const next = siblings[i + 1];
  const prev = siblings[i - 1];
  if (next) {
    const commented = list!.namedChildren.some((c) => c?.type === 'comment' && c.startIndex >= arg.endIndex && c.endIndex <= next.startIndex);
    if (!commented) return { start: arg.startIndex, end: next.startIndex, text: '' };
    const comma = list!.children.find((c) => c?.type === ',' && c.startIndex >= arg.endIndex);
    let end = comma ? comma.endIndex : arg.endIndex;
    const src = list!.text, base = list!.startIndex;
    while (src[end - base] === ' ' || src[end - base] === '\t') end++;
    return { start: arg.startIndex, end, text: '' };
  }
  if (prev) return { start: prev.endIndex, end: arg.endIndex, text: '' };
  return { start: arg.startIndex, end: arg.endIndex, text: '' };
}

/** Appends `text` (e.g. `max_size=20`) as the last argument of an argument list. */
export function appendArgument(source: string, list: Node, text: string): OffsetEdit {
  const close = list.endIndex - 1; // the `)`
  const args = list.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  if (!args.length) return { start: list.startIndex + 1, end: close, text };
  const last = args[args.length - 1];
  // A trailing comma already separates: `f(a, )` -> `f(a, text)`.
  const between = source.slice(last.endIndex, close);
  const comma = between.indexOf(',');
  if (comma >= 0) {
    const multiline = /\n/.test(between);
    if (multiline) {
      const indent = indentAt(source, last.startIndex);
      return { start: last.endIndex + comma + 1, end: last.endIndex + comma + 1, text: `\n${indent}${text},` };
    }
    return { start: last.endIndex + comma + 1, end: close, text: ` ${text}` };
  }
  return { start: last.endIndex, end: last.endIndex, text: `, ${text}` };
}

/** Inserts a whole line before the statement that contains `node`, with the statement's indentation. */
export function insertLineBefore(source: string, node: Node, line: string, eol: string): OffsetEdit {
  let stmt: Node = node;
  while (stmt.parent && !isStatementContainer(stmt.parent.type)) stmt = stmt.parent;
  const start = lineStartAt(source, stmt.startIndex);
  const indent = indentAt(source, stmt.startIndex);
  return { start, end: start, text: `${indent}${line}${eol}` };
}

function isStatementContainer(type: string): boolean {
  return type === 'module' || type === 'block';
}

/** The statement node (direct child of a module or block) that contains `node`. */
export function statementOf(node: Node): Node {
  let stmt: Node = node;
  while (stmt.parent && !isStatementContainer(stmt.parent.type)) stmt = stmt.parent;
  return stmt;
}

/** The local name that refers to the gradio module (`gr` in `import gradio as gr`), if any. */
export function gradioModuleName(model: Model): string | undefined {
  for (const [name, path] of model.aliases) if (path === '') return name;
  return undefined;
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The one candidate close to `name` (case-insensitive equal, or within a small edit distance), if unique. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const list = [...candidates].filter((c) => c !== name);
  const sameCase = list.filter((c) => c.toLowerCase() === lower);
  if (sameCase.length === 1) return sameCase[0];
  const limit = name.length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestD = limit + 1;
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d < bestD) { bestD = d; best = [c]; } else if (d === bestD) best.push(c);
  }
  return best.length === 1 ? best[0] : undefined;
}
