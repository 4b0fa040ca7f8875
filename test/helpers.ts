// Shared test helpers: an in-memory file host, syntax-error counting, and fixture expectations.
import { parse, type FileHost } from '../server/src/engine';
import type { Node } from 'web-tree-sitter';

/** A FileHost over a map of absolute paths to contents; directories are implied by the paths. */
export function memoryHost(files: Record<string, string> = {}): FileHost {
  return {
    readFile: (p) => files[p],
    readDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      return names.size ? [...names] : undefined;
    },
  };
}

/** Number of ERROR and MISSING nodes: "parses no worse than before" compares these counts. */
export function syntaxErrors(text: string): number {
  const tree = parse(text);
  let n = 0;
  // A cursor, not recursion: fuzzed files nest thousands of levels deep. Subtrees without errors are skipped.
  const cursor = tree.walk();
  for (let done = false; !done; ) {
    const node: Node = cursor.currentNode;
    if (node.isError || node.isMissing) n++;
    if ((node.hasError || node.isMissing) && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) { done = true; break; }
  }
  cursor.delete();
  tree.delete();
  return n;
}

/** `# expect: GR001, GR002` markers: code -> sorted 0-based lines. */
export function expectations(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)/.exec(line);
    if (!m) return;
    for (const code of m[1].split(',').map((s) => s.trim())) {
      if (!out.has(code)) out.set(code, []);
      out.get(code)!.push(i);
    }
  });
  return out;
}
