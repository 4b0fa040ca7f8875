// Open documents with their text and their incrementally maintained syntax tree. Edits are applied to the old
// tree as they arrive (cheap); the re-parse happens once, when the document is next analyzed.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { editFor, LineIndex, parse, type Tree, type TreeChange } from '../engine';

type Edit = Omit<TreeChange, 'changed'>;

export class Doc {
  private tree: Tree | null = null;
  /** The tree matches `text` (no edits pending since the last parse). */
  private treeFresh = false;
  private lineIndex: LineIndex | null = null;
  /** Edits since the last parse; null once the whole text was replaced. */
  private edits: Edit[] | null = [];
  /** Parses so far: the tree of generation g + 1 is the tree of generation g re-parsed after `lastChange`. */
  generation = 0;
  /** What changed between the previous tree and the current one, when it was one edit (see incremental.ts). */
  lastChange: TreeChange | undefined;

  constructor(readonly uri: string, public text: string, public version: number) {}

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  applyChanges(changes: TextDocumentContentChangeEvent[], version: number) {
    for (const change of changes) {
      if (!('range' in change)) {
        this.edits = null;
        this.text = change.text;
        this.tree?.delete();
        this.tree = null;
        this.lineIndex = null;
        continue;
      }
      const lines = this.lines;
      const start = lines.offsetAt(change.range.start);
      const end = Math.max(start, lines.offsetAt(change.range.end));
      // The points come from the line index the offsets were computed with: no scan of the text per keystroke.
      this.tree?.edit(editFor(this.text, start, end, change.text, { start: lines.treePoint(start), oldEnd: lines.treePoint(end) }));
      this.edits?.push({ start, oldEnd: end, inserted: change.text, removed: this.text.slice(start, end) });
      this.text = this.text.slice(0, start) + change.text + this.text.slice(end);
      this.lineIndex = null;
    }
    this.treeFresh = false;
    this.version = version;
  }

  /** The tree for the current text: one (incremental) parse per change, however many edits it had. */
  currentTree(): Tree {
    if (!this.tree || !this.treeFresh) {
      const next = parse(this.text, this.tree);
      const one = this.tree && this.edits?.length === 1 ? this.edits[0] : undefined;
      this.lastChange = one && { ...one, changed: this.tree!.getChangedRanges(next) };
      this.tree?.delete();
      this.tree = next;
      this.treeFresh = true;
      this.edits = [];
      this.generation++;
    }
    return this.tree;
  }

  dispose() {
    this.tree?.delete();
    this.tree = null;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, Doc>();

  open(uri: string, text: string, version: number): Doc {
    this.docs.get(uri)?.dispose();
    const doc = new Doc(uri, text, version);
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[], version: number): Doc | undefined {
    const doc = this.docs.get(uri);
    // Out-of-order or stale notifications are ignored rather than corrupting the text.
    if (!doc || version < doc.version) return doc;
    doc.applyChanges(changes, version);
    return doc;
  }

  close(uri: string) {
    this.docs.get(uri)?.dispose();
    this.docs.delete(uri);
  }

  get(uri: string): Doc | undefined { return this.docs.get(uri); }
  all(): Doc[] { return [...this.docs.values()]; }
}
