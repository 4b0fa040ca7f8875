// web-tree-sitter setup and parsing. Knows nothing about Gradio.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, type Tree, type Edit } from 'web-tree-sitter';

export type { Tree, Node, Edit } from 'web-tree-sitter';

let parser: Parser | undefined;
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
    await Parser.init({ locateFile: () => locate('web-tree-sitter.wasm', 'web-tree-sitter') });
    const python = await Language.load(locate('tree-sitter-python.wasm', 'tree-sitter-python'));
    parser = new Parser();
    parser.setLanguage(python);
  })();
  return ready;
}

/** Parses `text`, reusing `oldTree` (already edited with `tree.edit`) for an incremental re-parse. */
export function parse(text: string, oldTree?: Tree | null): Tree {
  if (!parser) throw new Error('initParser() must complete before parse()');
  const tree = parser.parse(text, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
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
