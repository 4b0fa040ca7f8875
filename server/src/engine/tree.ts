// Small helpers over tree-sitter nodes, shared by the model and the rules.
import type { Node } from './parse';

/** Unwraps parentheses: `((x))` is `x`. */
export function unwrap(node: Node): Node {
  while (node.type === 'parenthesized_expression' && node.namedChildCount === 1) node = node.namedChild(0)!;
  return node;
}

/** The value of a plain string literal (no f-string interpolation, no implicit concatenation), else undefined. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  node = unwrap(node);
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') out += child.text;
    else if (child.type === 'interpolation') return undefined;
    else if (child.type === 'escape_sequence') out += unescape(child.text);
  }
  const start = node.child(0)?.text ?? '';
  if (/[bB]/.test(start)) return undefined;
  return out;
}

function unescape(seq: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  return map[seq[1]] ?? seq;
}

export type Literal = string | number | boolean | null | Literal[];

/** A literal value (str, int, float, bool, None, list/tuple of those), else undefined. */
export function literalValue(node: Node | null | undefined): Literal | undefined {
  if (!node) return undefined;
  node = unwrap(node);
  switch (node.type) {
    case 'string': return stringValue(node);
    case 'integer': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'float': return Number(node.text.replace(/_/g, ''));
    case 'true': return true;
    case 'false': return false;
    case 'none': return null;
    case 'unary_operator': {
      const v = literalValue(node.namedChild(0));
      return typeof v === 'number' && node.child(0)?.type === '-' ? -v : undefined;
    }
    case 'list': case 'tuple': {
      const out: Literal[] = [];
      for (const c of node.namedChildren) {
        const v = c && literalValue(c);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
  }
  return undefined;
}

/** Dotted name of an identifier/attribute chain (`a.b.c`), else undefined. */
export function dottedName(node: Node): string | undefined {
  node = unwrap(node);
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const obj = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    if (!obj || !attr) return undefined;
    const left = dottedName(obj);
    return left === undefined ? undefined : `${left}.${attr.text}`;
  }
  return undefined;
}

/** True when `inner` lies within `outer` (inclusive). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Leading whitespace of the line that contains `offset`. */
export function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Start offset of the line containing `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}
