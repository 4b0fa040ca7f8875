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

/** Nesting beyond which a list/tuple is not read as a literal (keeps the recursion far from the stack limit). */
const MAX_LITERAL_DEPTH = 100;

/** A literal value (str, int, float, bool, None, list/tuple of those), else undefined. */
export function literalValue(node: Node | null | undefined): Literal | undefined {
  return literalAt(node, 0);
}

function literalAt(node: Node | null | undefined, depth: number): Literal | undefined {
  if (!node || depth > MAX_LITERAL_DEPTH) return undefined;
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
      const v = literalAt(node.namedChild(0), depth + 1);
      return typeof v === 'number' && node.child(0)?.type === '-' ? -v : undefined;
    }
    case 'list': case 'tuple': {
      const out: Literal[] = [];
      for (const c of node.namedChildren) {
        const v = c && literalAt(c, depth + 1);
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
  // Down the chain with a loop, not recursion: a generated `a.b.c...` may be thousands of links long.
  const attrs: string[] = [];
  for (let n: Node = unwrap(node); ; ) {
    if (n.type === 'identifier') return attrs.length ? `${n.text}.${attrs.reverse().join('.')}` : n.text;
    if (n.type !== 'attribute') return undefined;
    const obj = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute');
    if (!obj || !attr) return undefined;
    attrs.push(attr.text);
    n = unwrap(obj);
  }
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
