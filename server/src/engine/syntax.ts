// A JavaScript copy of a tree-sitter tree, made in one pass over it. Every question web-tree-sitter's `Node`
// answers (`type`, `text`, a field, a child, the parent) is a call into its wasm module that allocates a new object
// per answer; the model and the rules ask hundreds of thousands of them, which cost several times the parse. The
// copy costs about a third of the parse, and after it every question is an array lookup.
//
// The copy is the nodes in document (pre-)order in typed arrays: node i's subtree is [i, after[i]), its first child
// (if any) is i + 1, its next sibling is after[i] (when that is still inside the parent).
import type { Language, Tree } from 'web-tree-sitter';

/** tree-sitter's symbol for ERROR nodes. */
const ERROR_SYMBOL = 0xffff;

const NAMED = 1;
const MISSING = 2;
/** The node is an ERROR or MISSING node or contains one. */
const HAS_ERROR = 4;

/** What a language's symbols are called and whether they are named, looked up once per language. */
interface Symbols {
  names: string[];
  named: Uint8Array;
  fieldIds: Map<string, number>;
}
const symbolsOf = new WeakMap<Language, Symbols>();

function symbols(language: Language): Symbols {
  let s = symbolsOf.get(language);
  if (!s) {
    const names = language.types.map((t) => t ?? '');
    const named = new Uint8Array(names.length);
    for (let id = 0; id < names.length; id++) named[id] = language.nodeTypeIsNamed(id) ? 1 : 0;
    const fieldIds = new Map<string, number>();
    language.fields.forEach((f, id) => { if (f) fieldIds.set(f, id); });
    symbolsOf.set(language, (s = { names, named, fieldIds }));
  }
  return s;
}

/** The steps of one walk over a tree: move (1 when moved), then read the node the cursor is on. Each takes the
 *  tree's address in the wasm module (the public cursor ignores it). */
interface Cursor {
  tree: number;
  first(tree: number): number;
  next(tree: number): number;
  up(tree: number): number;
  typeId(tree: number): number;
  fieldId(tree: number): number;
  start(tree: number): number;
  end(tree: number): number;
  missing(tree: number): number;
  close(): void;
}

/** The wasm functions of web-tree-sitter's module that the fast cursor calls. */
interface WasmCursorApi {
  _ts_init(): number;
  HEAP32: Int32Array;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
}
const WASM_FUNCTIONS = [
  '_ts_init', '_ts_tree_cursor_goto_first_child_wasm', '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm', '_ts_tree_cursor_current_node_type_id_wasm', '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm', '_ts_tree_cursor_end_index_wasm', '_ts_tree_cursor_current_node_is_missing_wasm',
] as const;

let wasm: WasmCursorApi | null = null;

/** Hands over web-tree-sitter's emscripten module (the options object given to `Parser.init` becomes it). With it
 *  the walk calls the cursor functions directly: web-tree-sitter's `TreeCursor` copies the cursor in and out of the
 *  module's transfer buffer around every call, which made the walk several times slower. Without it (a
 *  web-tree-sitter whose internals differ) the walk uses the public `TreeCursor`, same result. */
export function useWasmModule(module: object | null): void {
  const m = module as Partial<Record<string, unknown>> | null;
  wasm = m && WASM_FUNCTIONS.every((f) => typeof m[f] === 'function') && m.HEAP32 instanceof Int32Array
    ? m as unknown as WasmCursorApi : null;
}

/** The public TreeCursor. */
function publicCursor(tree: Tree): Cursor {
  const c = tree.walk();
  return {
    tree: 0,
    first: () => +c.gotoFirstChild(), next: () => +c.gotoNextSibling(), up: () => +c.gotoParent(),
    typeId: () => c.nodeTypeId, fieldId: () => c.currentFieldId, start: () => c.startIndex, end: () => c.endIndex,
    missing: () => +c.nodeIsMissing, close: () => c.delete(),
  };
}

/** The same cursor driven through the module's functions. They read the cursor from the transfer buffer and the
 *  moves write it back there, so it is copied in once, out once, and nothing else may use the buffer meanwhile
 *  (the walk is synchronous). The functions are looked up once: the module object has hundreds of properties (a
 *  slow dictionary). */
function wasmCursor(tree: Tree, m: WasmCursorApi): Cursor | null {
  const c = tree.walk();
  const words = c as unknown as Record<number, unknown>;
  const ptr = (tree as unknown as Record<number, unknown>)[0];
  if (typeof ptr !== 'number' || ![0, 1, 2, 3].every((k) => typeof words[k] === 'number')) { c.delete(); return null; }
  const buffer = m._ts_init() >> 2;
  for (let k = 0; k < 4; k++) m.HEAP32[buffer + k] = words[k] as number;
  return {
    tree: ptr,
    first: m._ts_tree_cursor_goto_first_child_wasm,
    next: m._ts_tree_cursor_goto_next_sibling_wasm,
    up: m._ts_tree_cursor_goto_parent_wasm,
    typeId: m._ts_tree_cursor_current_node_type_id_wasm,
    fieldId: m._ts_tree_cursor_current_field_id_wasm,
    start: m._ts_tree_cursor_start_index_wasm,
    end: m._ts_tree_cursor_end_index_wasm,
    missing: m._ts_tree_cursor_current_node_is_missing_wasm,
    close: () => {
      // The cursor's stack may have been reallocated: hand its current words back before it is freed.
      for (let k = 0; k < 4; k++) words[k] = m.HEAP32[buffer + k];
      c.delete();
    },
  };
}

export class SyntaxTree {
  readonly count: number;
  readonly types: Uint16Array;
  readonly fields: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly parents: Int32Array;
  /** Node i's subtree is the nodes [i, after[i]). */
  readonly after: Int32Array;
  readonly flags: Uint8Array;
  readonly names: readonly string[];
  private readonly fieldIds: ReadonlyMap<string, number>;

  /** The text the tree was parsed from (read through `text`, which counts as reading all of it). */
  private source: string;
  /** The text read through nodes, as [start, end) pairs, flat; `readAll` once something read the whole text. An
   *  edit inside text nobody read cannot change what was concluded from the tree (see incremental.ts). */
  private reads = new Int32Array(64);
  private readCount = 0;
  private readAll = false;
  /** Who reads the whole text now (a rule's code), and the rules that did: those can be run again after an edit.
   *  A whole-text read by anyone else (the model, a hover) counts as readAll. */
  private reader: string | null = null;
  readonly textReaders = new Set<string>();

  private constructor(text: string, count: number, sym: Symbols) {
    this.source = text;
    this.count = count;
    // One buffer for all the columns: 21 bytes a node.
    const buffer = new ArrayBuffer(count * 21);
    let at = 0;
    const int32 = () => { const a = new Int32Array(buffer, at, count); at += count * 4; return a; };
    this.starts = int32();
    this.ends = int32();
    this.parents = int32();
    this.after = int32();
    this.types = new Uint16Array(buffer, at, count); at += count * 2;
    this.fields = new Uint16Array(buffer, at, count); at += count * 2;
    this.flags = new Uint8Array(buffer, at, count);
    this.names = sym.names;
    this.fieldIds = sym.fieldIds;
  }

  /** Copies `tree`, parsed from `text` (through the public TreeCursor when asked: tests compare the two ways). */
  static copy(tree: Tree, text: string, viaPublicApi = false): SyntaxTree {
    const root = tree.rootNode;
    const count = root.descendantCount;
    const sym = symbols(tree.language);
    const broken = root.hasError;
    const fast = !viaPublicApi && wasm && wasmCursor(tree, wasm);
    let copy = new SyntaxTree(text, count, sym);
    // A fast walk that does not see exactly the tree's nodes (a web-tree-sitter that changed underneath) is redone
    // the public way.
    if (!fast || !copy.fill(fast, sym, broken)) {
      if (fast) copy = new SyntaxTree(text, count, sym);
      if (!copy.fill(publicCursor(tree), sym, broken)) throw new Error('syntax tree copy: node count mismatch');
    }
    return copy;
  }

  /** Records every node in pre-order; false when the walk did not see exactly `count` nodes. */
  private fill(c: Cursor, sym: Symbols, broken: boolean): boolean {
    const { types, fields, starts, ends, parents, after, flags, count } = this;
    const named = sym.named;
    // The steps as locals: called through the cursor object, the walk took a third longer.
    const { tree, first, next, up, typeId, fieldId, start, end, missing } = c;
    let i = 0;
    try {
      for (let parent = -1, done = false; !done; ) {
        if (i >= count) return false;
        const t = typeId(tree);
        types[i] = t;
        fields[i] = fieldId(tree);
        starts[i] = start(tree);
        ends[i] = end(tree);
        parents[i] = parent;
        flags[i] = (t === ERROR_SYMBOL || named[t] ? NAMED : 0) | (broken && missing(tree) === 1 ? MISSING : 0);
        const cur = i++;
        if (first(tree) === 1) { parent = cur; continue; }
        after[cur] = i;
        // No child: on to the next sibling, or up (closing each node left) to the nearest ancestor that has one.
        while (next(tree) !== 1) {
          if (up(tree) !== 1) { done = true; break; }
          after[parent] = i;
          parent = parents[parent];
        }
      }
    } finally {
      c.close();
    }
    if (i !== count) return false;
    if (broken) {
      for (let j = count - 1; j > 0; j--) {
        if (types[j] === ERROR_SYMBOL || flags[j] & (MISSING | HAS_ERROR)) flags[parents[j]] |= HAS_ERROR;
      }
    }
    return true;
  }

  get rootNode(): SyntaxNode {
    return this.node(0);
  }

  /** A node object for index i. A new one each time, as web-tree-sitter's: kept, every node asked for lived as long
   *  as the copy, and collecting them cost more than making them again. Compare nodes by `id`. */
  node(i: number): SyntaxNode {
    return new SyntaxNode(this, i);
  }

  fieldId(name: string): number {
    return this.fieldIds.get(name) ?? -1;
  }

  /** The type name of node i. */
  typeOf(i: number): string {
    const t = this.types[i];
    return t === ERROR_SYMBOL ? 'ERROR' : this.names[t] || 'ERROR';
  }

  /** True when the copy is of `text` (without counting it as read). */
  isOf(text: string): boolean {
    return this.source === text;
  }

  /** The whole text (as far as anyone can tell, all of it is read). */
  get text(): string {
    if (this.reader) this.textReaders.add(this.reader);
    else this.readAll = true;
    return this.source;
  }

  /** Forgets what was read (a new analysis of the copy starts). */
  forgetReads(): void {
    this.reads = new Int32Array(64);
    this.readCount = 0;
    this.readAll = false;
    this.textReaders.clear();
  }

  /** Whole-text reads from now on are by `reader` (null: by nobody in particular). */
  readingAs(reader: string | null): void {
    this.reader = reader;
  }

  /** The text of [start, end), noted as read. */
  textOf(start: number, end: number): string {
    this.noteRead(start, end);
    return this.source.slice(start, end);
  }

  private noteRead(start: number, end: number): void {
    let r = this.reads;
    const n = this.readCount;
    // Reads come mostly in document order: one that meets the last is merged into it.
    if (n > 0 && start <= r[n - 1] && end >= r[n - 2]) {
      if (start < r[n - 2]) r[n - 2] = start;
      if (end > r[n - 1]) r[n - 1] = end;
      return;
    }
    if (n === r.length) {
      if (n >= MAX_READS) { this.readAll = true; return; }
      const grown = new Int32Array(n * 2);
      grown.set(r);
      this.reads = r = grown;
    }
    r[n] = start;
    r[n + 1] = end;
    this.readCount = n + 2;
  }

  /** True when text in [start, end) may have been read (through a node or as the whole text). */
  wasRead(start: number, end: number): boolean {
    if (this.readAll) return true;
    const r = this.reads;
    for (let k = 0; k < this.readCount; k += 2) if (r[k] < end && r[k + 1] > start) return true;
    return false;
  }

  /** Moves the copy to a new text that differs from the old one only in [start, end), which became `delta` code
   *  units longer (a token's text, or the blanks between two tokens); the caller has checked that the tree kept its
   *  shape. What starts at or after `end` moves; what spans the change (or is the token) grows. Reads move too. */
  shift(start: number, end: number, delta: number, text: string): void {
    const { starts, ends, count } = this;
    for (let j = 0; j < count; j++) {
      if (starts[j] >= end) starts[j] += delta;
      if (ends[j] >= end && ends[j] > start) ends[j] += delta;
    }
    const r = this.reads;
    for (let k = 0; k < this.readCount; k += 2) if (r[k] >= end) { r[k] += delta; r[k + 1] += delta; }
    this.source = text;
  }
}

/** Read ranges kept per copy (two numbers each); past this the whole text counts as read. */
const MAX_READS = 1 << 24;

/** One node of a SyntaxTree, with the part of web-tree-sitter's `Node` interface the engine uses. `id` is the
 *  node's index: unique within its tree. */
export class SyntaxNode {
  constructor(readonly tree: SyntaxTree, readonly id: number) {}

  get type(): string { return this.tree.typeOf(this.id); }
  get isNamed(): boolean { return (this.tree.flags[this.id] & NAMED) !== 0; }
  get isError(): boolean { return this.tree.types[this.id] === ERROR_SYMBOL; }
  get isMissing(): boolean { return (this.tree.flags[this.id] & MISSING) !== 0; }
  get hasError(): boolean { return this.isError || (this.tree.flags[this.id] & (MISSING | HAS_ERROR)) !== 0; }
  get startIndex(): number { return this.tree.starts[this.id]; }
  get endIndex(): number { return this.tree.ends[this.id]; }
  get text(): string { return this.tree.textOf(this.tree.starts[this.id], this.tree.ends[this.id]); }

  get parent(): SyntaxNode | null {
    const p = this.tree.parents[this.id];
    return p < 0 ? null : this.tree.node(p);
  }

  // Children are listed anew on each call (not kept on the node: a kept list keeps its nodes alive as long as the
  // node, which the model keeps for the whole analysis).
  get children(): SyntaxNode[] {
    const { after } = this.tree;
    const out: SyntaxNode[] = [];
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) out.push(this.tree.node(j));
    return out;
  }
  get namedChildren(): SyntaxNode[] {
    const { after, flags } = this.tree;
    const out: SyntaxNode[] = [];
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) if (flags[j] & NAMED) out.push(this.tree.node(j));
    return out;
  }
  get childCount(): number { return this.countChildren(0); }
  get namedChildCount(): number { return this.countChildren(NAMED); }
  /** The i-th child: a walk over the first i children (take `children` once to visit them all). */
  child(i: number): SyntaxNode | null { return this.nthChild(i, 0); }
  namedChild(i: number): SyntaxNode | null { return this.nthChild(i, NAMED); }

  /** Children with all of `flag`'s bits (0: all children). */
  private countChildren(flag: number): number {
    const { after, flags } = this.tree;
    let n = 0;
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) if ((flags[j] & flag) === flag) n++;
    return n;
  }

  private nthChild(i: number, flag: number): SyntaxNode | null {
    const { after, flags } = this.tree;
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) if ((flags[j] & flag) === flag && i-- === 0) return this.tree.node(j);
    return null;
  }

  get firstNamedChild(): SyntaxNode | null {
    const { after, flags } = this.tree;
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) if (flags[j] & NAMED) return this.tree.node(j);
    return null;
  }

  get nextSibling(): SyntaxNode | null {
    const { after, parents } = this.tree;
    const p = parents[this.id], n = after[this.id];
    return p >= 0 && n < after[p] ? this.tree.node(n) : null;
  }
  get nextNamedSibling(): SyntaxNode | null {
    const { after, parents, flags } = this.tree;
    const p = parents[this.id];
    if (p < 0) return null;
    for (let j = after[this.id], end = after[p]; j < end; j = after[j]) if (flags[j] & NAMED) return this.tree.node(j);
    return null;
  }
  get previousSibling(): SyntaxNode | null {
    // The node before this one in document order lies in the previous sibling's subtree (or is the parent).
    const { parents } = this.tree;
    const p = parents[this.id];
    if (p < 0 || this.id - 1 === p) return null;
    let j = this.id - 1;
    while (parents[j] !== p) j = parents[j];
    return this.tree.node(j);
  }

  childForFieldName(name: string): SyntaxNode | null {
    const f = this.tree.fieldId(name);
    const { after, fields } = this.tree;
    for (let j = this.id + 1, end = after[this.id]; j < end; j = after[j]) if (fields[j] === f) return this.tree.node(j);
    return null;
  }
  childrenForFieldName(name: string): SyntaxNode[] {
    const f = this.tree.fieldId(name);
    return this.children.filter((c) => this.tree.fields[c.id] === f);
  }

  /** The child whose subtree holds `descendant` (the descendant itself when it is a child); null if none does. */
  childWithDescendant(descendant: SyntaxNode): SyntaxNode | null {
    if (descendant.tree !== this.tree) return null;
    const { after } = this.tree;
    const d = descendant.id;
    for (let j = this.id + 1, end = after[this.id]; j < end && j <= d; j = after[j]) if (d < after[j]) return this.tree.node(j);
    return null;
  }

  /** Nodes of the given types in this node's subtree (the node itself excluded), in document order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = new Set(typeof types === 'string' ? [types] : types);
    const out: SyntaxNode[] = [];
    for (let j = this.id + 1, end = this.tree.after[this.id]; j < end; j++) if (wanted.has(this.tree.typeOf(j))) out.push(this.tree.node(j));
    return out;
  }

  /** The smallest node in this subtree that spans [start, end], as tree-sitter's `descendantForIndex`. */
  descendantForIndex(start: number, end = start): SyntaxNode {
    const { after, starts, ends } = this.tree;
    let node = this.id;
    for (let descended = true; descended; ) {
      descended = false;
      for (let j = node + 1, stop = after[node]; j < stop; j = after[j]) {
        if (ends[j] < end || (ends[j] <= start && starts[j] !== ends[j])) continue;
        if (start < starts[j]) break;
        node = j;
        descended = true;
        break;
      }
    }
    return this.tree.node(node);
  }
}

const copies = new WeakMap<Tree, SyntaxTree>();

/** The copy of `tree` (parsed from `text`), made once per tree. */
export function syntaxOf(tree: Tree, text: string): SyntaxTree {
  let s = copies.get(tree);
  if (!s || !s.isOf(text)) copies.set(tree, (s = SyntaxTree.copy(tree, text)));
  return s;
}

/** Registers `copy` as the copy of `tree` (a copy shifted to a re-parsed tree of the same shape). */
export function adoptCopy(tree: Tree, copy: SyntaxTree): void {
  copies.set(tree, copy);
}
