// web-tree-sitter setup and parsing. Knows nothing about Gradio.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree, type Edit } from 'web-tree-sitter';

import { useWasmModule } from './syntax';

export type { Tree, Edit } from 'web-tree-sitter';
/** The engine reads nodes of the JavaScript copy of a tree (syntax.ts), never web-tree-sitter's. */
export type { SyntaxNode as Node } from './syntax';

let parser: Parser | undefined;
let language: Language | undefined;
let ready: Promise<void> | undefined;

/** Finds a wasm file next to the bundle (dist/) or, when running from source, in node_modules. */
function locate(file: string, pkg: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(`${pkg}/${file}`);
}

/** Loads the runtime and the Python grammar once; later calls share the same promise. */
export function initParser(): Promise<void> {
  ready ??= (async () => {
    // The options object becomes the emscripten module: syntax.ts calls its cursor functions directly.
    const module = { locateFile: () => locate('web-tree-sitter.wasm', 'web-tree-sitter') };
    await Parser.init(module);
    useWasmModule(module);
    const python = await Language.load(locate('tree-sitter-python.wasm', 'tree-sitter-python'));
    parser = new Parser();
    parser.setLanguage(python);
    language = python;
  })();
  return ready;
}

/** More distinct line indentations than Python could ever nest (it allows 100 levels). tree-sitter-python's scanner
 *  writes one byte past its 1 KiB state buffer once ~380 indentation levels are open around a string, and the parser
 *  is corrupt from then on: every later parse fails. Its indentation stack holds distinct widths, each the width of
 *  the spaces and tabs (8) that follow a line break, so fewer distinct widths than this cannot get there. */
export const MAX_INDENT_WIDTHS = 300;

/** True when `text` could open more indentation levels than the parser survives (see MAX_INDENT_WIDTHS). */
export function tooDeeplyIndented(text: string): boolean {
  const widths = new Set<number>();
  for (let i = -1; i < text.length; i++) {
    const c = i < 0 ? 10 : text.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== 12) continue;
    let w = 0;
    for (let j = i + 1; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 32) w++; else if (d === 9) w += 8; else break;
    }
    if (w > 0 && widths.add(w & 0xffff).size > MAX_INDENT_WIDTHS) return true;
  }
  return false;
}

/** Trees parsed from blanked text: an incremental re-parse must not reuse them. */
const blankTrees = new WeakSet<Tree>();

/** Parses `text`, reusing `oldTree` (already edited with `tree.edit`) for an incremental re-parse. A text the parser
 *  cannot survive is parsed as blank lines of the same length: an empty module, so no findings. */
export function parse(text: string, oldTree?: Tree | null): Tree {
  if (!parser) throw new Error('initParser() must complete before parse()');
  const blank = tooDeeplyIndented(text);
  if (oldTree && blankTrees.has(oldTree)) oldTree = null;
  let tree: Tree | null;
  try {
    tree = blank ? parser.parse(text.replace(/[^\r\n]/g, ' ')) : parser.parse(text, oldTree ?? null);
  } catch (e) {
    // A trap inside the wasm parser may leave it corrupt: later parses get a new one (the old one is abandoned,
    // not deleted, as its state cannot be trusted).
    if ((e as Error)?.name === 'RuntimeError' && language) { parser = new Parser(); parser.setLanguage(language); }
    throw e;
  }
  if (!tree) throw new Error('tree-sitter returned no tree');
  if (blank) blankTrees.add(tree);
  return tree;
}

export function isParserReady(): boolean {
  return parser !== undefined;
}

type Point = { row: number; column: number };

/** Row and column of `offset` in `text`: rows count \n only, columns are UTF-16 code units. */
function pointIn(text: string, offset: number): Point {
  let row = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { row++; lineStart = i + 1; }
  return { row, column: offset - lineStart };
}

/** The tree-sitter edit for replacing [start, oldEnd) by `newText`, offsets in UTF-16 code units. Pass the points of
 *  `start` and `oldEnd` when known (the server has them from the LSP range): otherwise the old text is scanned. */
export function editFor(oldText: string, start: number, oldEnd: number, newText: string, points?: { start: Point; oldEnd: Point }): Edit {
  const startPosition = points?.start ?? pointIn(oldText, start);
  const oldEndPosition = points?.oldEnd ?? pointIn(oldText, oldEnd);
  const inserted = pointIn(newText, newText.length);
  const newEndPosition = inserted.row === 0
    ? { row: startPosition.row, column: startPosition.column + inserted.column }
    : { row: startPosition.row + inserted.row, column: inserted.column };
  return {
    startIndex: start, oldEndIndex: oldEnd, newEndIndex: start + newText.length,
    startPosition, oldEndPosition, newEndPosition,
  } as Edit;
}
