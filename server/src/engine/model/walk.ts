// The one walk over the syntax tree. It records imports, scopes and bindings, functions, calls with their
// `with` context, and references to gradio names; `link.ts` then turns these facts into the Gradio model.
import type { Node } from '../parse';
import type { SyntaxTree } from '../syntax';
import { dottedName } from '../tree';
import type { Assignment, Binding, CallArgs, CallSite, FunctionInfo, Param, Scope, WithFrame } from './types';

export interface Facts {
  /** Local name -> gradio path ('' is the gradio module itself, 'components' a namespace, 'Textbox' a name). */
  aliases: Map<string, string>;
  /** `from gradio import NAME` entries: the imported name node and its namespace. */
  fromImports: { namespace: string; name: string; nameNode: Node }[];
  module: Scope;
  calls: CallSite[];
  functions: FunctionInfo[];
  /** Attribute nodes whose object is a name imported from gradio (candidates for `gr.NAME`). */
  attributes: Node[];
  /** Submodules imported explicitly (`import gradio.networking`): they exist whatever `gradio/__init__` exports. */
  submodules: Set<string>;
}

const GRADIO_NAMESPACES = new Set(['components', 'layouts', 'themes', 'templates', 'inputs', 'outputs', 'mix']);

/** Parses an argument list once into positional and keyword arguments. */
export function readArgs(list: Node | null): CallArgs {
  const args: CallArgs = { list, positional: [], keywords: new Map(), starArgs: false, starKwargs: false };
  if (!list) return args;
  // `namedChildren`, not `nextNamedSibling`: tree-sitter finds a sibling through the parent, costly in deep trees.
  for (const c of list.namedChildren) {
    if (!c) continue;
    switch (c.type) {
      case 'keyword_argument': {
        const nameNode = c.childForFieldName('name');
        const value = c.childForFieldName('value');
        if (nameNode && value) args.keywords.set(nameNode.text, { name: nameNode.text, node: c, nameNode, value });
        break;
      }
      case 'list_splat': args.starArgs = true; break;
      case 'dictionary_splat': args.starKwargs = true; break;
      case 'comment': break;
      default: args.positional.push(c);
    }
  }
  return args;
}

/** What a node is visited in: its scope, innermost function, open `with` items and whether it is in a class body. */
interface Context { scope: Scope; fn: FunctionInfo | null; withs: WithFrame[]; inClass: boolean }

/** Pending work of the walk: visit the acted-on nodes [from, to) of the flat list (each with what it contains), or
 *  run a step, in the context it was scheduled in. */
type Task = { ctx: Context; from: number; to: number; run?: undefined } | { ctx: Context; from?: undefined; to?: undefined; run: () => void };

/** The node types the walk acts on. Everything else matters only for the acted-on nodes it contains. */
const ACTED_ON: ReadonlySet<string> = new Set([
  'import_statement', 'import_from_statement', 'function_definition', 'decorated_definition', 'class_definition', 'lambda',
  'with_statement', 'call', 'assignment', 'augmented_assignment', 'global_statement', 'nonlocal_statement',
  'return_statement', 'yield', 'for_statement', 'for_in_clause', 'attribute',
]);

/** Per symbol table of a language: 1 for the symbols the walk acts on. */
const actedOnIds = new WeakMap<readonly string[], Uint8Array>();

function actedOn(names: readonly string[]): Uint8Array {
  let ids = actedOnIds.get(names);
  if (!ids) {
    ids = new Uint8Array(names.length);
    names.forEach((n, id) => { if (ACTED_ON.has(n)) ids![id] = 1; });
    actedOnIds.set(names, ids);
  }
  return ids;
}

/** The acted-on nodes of a tree in document (pre-)order, picked from the tree's copy with one pass over its type
 *  array. Entry k is the node of index `at[k]` in the copy; it contains the entries [k + 1, after[k]). */
class Flat {
  /** Entry k is node `at[k]` of the copy. */
  private readonly at: number[] = [];
  readonly after: Int32Array;
  private readonly tree: SyntaxTree;

  constructor(root: Node) {
    const tree = (this.tree = root.tree);
    const { types, after: subtreeEnd, names } = tree;
    const acted = actedOn(names);
    for (let j = root.id + 1, end = subtreeEnd[root.id]; j < end; j++) {
      if (!acted[types[j]]) continue;
      // `lambda` and `yield` are keywords too: only the named nodes are expressions.
      const type = tree.typeOf(j);
      if ((type === 'lambda' || type === 'yield') && !tree.node(j).isNamed) continue;
      this.at.push(j);
    }
    this.after = new Int32Array(this.at.length);
    for (let k = 0; k < this.at.length; k++) this.after[k] = this.lowerBound(subtreeEnd[this.at[k]]);
  }

  /** The node of entry k. */
  node(k: number): Node { return this.tree.node(this.at[k]); }

  get length(): number { return this.at.length; }

  /** The first entry whose node index is at or after `index`. */
  private lowerBound(index: number): number {
    let lo = 0, hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < index) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** The entries [from, to) that `node` consists of: the node itself when it is acted on, else the acted-on nodes
   *  in it. Kept within `bounds` (the subtree of the entry being visited), so a visit never climbs out of it. */
  rangeOf(node: Node, bounds: [number, number]): [number, number] {
    const from = Math.max(this.lowerBound(node.id), bounds[0]);
    const to = Math.min(this.lowerBound(this.tree.after[node.id]), bounds[1]);
    return [from, Math.max(from, to)];
  }

  /** The entry of an acted-on node, if it is in the list. */
  indexOf(node: Node, bounds: [number, number]): number {
    const k = this.lowerBound(node.id);
    return k >= bounds[0] && k < bounds[1] && this.at[k] === node.id ? k : -1;
  }
}

class Walker {
  readonly facts: Facts;
  private ctx: Context;
  private readonly flat: Flat;
  /** Work waiting to run, the next task on top. An explicit stack: deeply nested code cannot overflow the JS stack. */
  private readonly stack: Task[] = [];
  /** Tasks scheduled by the step that is running, in source order. */
  private readonly queued: Task[] = [];
  /** The subtree of the entry whose step is running: everything it schedules lies in it. */
  private bounds: [number, number] = [0, 0];
  /** Attribute chains already looked down: inner link id -> whether the chain's head is a gradio alias. */
  private readonly chainHeads = new Map<number, boolean>();

  constructor(root: Node) {
    const module: Scope = { kind: 'module', node: root, parent: null, bindings: new Map(), fn: null };
    this.ctx = { scope: module, fn: null, withs: [], inClass: false };
    this.facts = { aliases: new Map(), fromImports: [], module, calls: [], functions: [], attributes: [], submodules: new Set() };
    this.flat = new Flat(root);
  }

  private get scope(): Scope { return this.ctx.scope; }
  private get fn(): FunctionInfo | null { return this.ctx.fn; }
  private get withs(): WithFrame[] { return this.ctx.withs; }
  private get inClass(): boolean { return this.ctx.inClass; }

  /** Walks the acted-on nodes depth-first. Each step schedules its sub-walks in source order and they run right after
   *  it, before anything scheduled earlier: the order of facts of a recursive walk over every node, without
   *  recursion. */
  run() {
    this.stack.push({ ctx: this.ctx, from: 0, to: this.flat.length });
    for (let task = this.stack.pop(); task; task = this.stack.pop()) {
      this.ctx = task.ctx;
      if (task.run) task.run();
      else {
        const i = task.from!;
        if (i >= task.to!) continue;
        // The rest of the range waits below what this entry schedules.
        const next = this.flat.after[i];
        if (next < task.to!) this.stack.push({ ctx: task.ctx, from: next, to: task.to! });
        this.bounds = [i + 1, next];
        this.step(i);
      }
      for (let k = this.queued.length - 1; k >= 0; k--) this.stack.push(this.queued[k]);
      this.queued.length = 0;
    }
  }

  /** Schedules a visit of `node` (a part of the entry being visited) in the current context (or in `ctx`). */
  private visit(node: Node, ctx: Context = this.ctx) {
    const [from, to] = this.flat.rangeOf(node, this.bounds);
    if (from < to) this.queued.push({ ctx, from, to });
  }

  /** Schedules a visit of everything the entry being visited contains. */
  private visitInside(ctx: Context = this.ctx) {
    const [from, to] = this.bounds;
    if (from < to) this.queued.push({ ctx, from, to });
  }

  /** Schedules `run` in the current context (or in `ctx`), after the visits scheduled before it. */
  private later(run: () => void, ctx: Context = this.ctx) {
    this.queued.push({ ctx, run });
  }

  private bind(name: string, target: Node, value: Node | null, kind: Binding['kind'], scope = this.scope) {
    let list = scope.bindings.get(name);
    if (!list) scope.bindings.set(name, (list = []));
    list.push({ name, target, value, kind });
    // A module-level rebinding of a gradio alias to something else (`gr = Foo()`) ends the alias.
    if (kind !== 'import' && scope.kind === 'module' && this.facts.aliases.has(name)) this.facts.aliases.delete(name);
  }

  private step(i: number): void {
    const node = this.flat.node(i);
    switch (node.type) {
      case 'import_statement': return this.importStatement(node);
      case 'import_from_statement': return this.importFrom(node);
      case 'function_definition': this.functionDef(node, []); return;
      case 'decorated_definition': return this.decorated(node);
      case 'class_definition': return this.classDef(node);
      case 'lambda': return this.lambda(node);
      case 'with_statement': return this.withStatement(node);
      case 'call': return this.call(node, null, null);
      case 'assignment': case 'augmented_assignment': this.assignment(node); break;
      case 'global_statement': case 'nonlocal_statement':
        if (this.fn) for (let c = node.firstNamedChild; c; c = c.nextNamedSibling) if (c.type === 'identifier') this.fn.globals.add(c.text);
        return;
      case 'return_statement':
        if (this.fn) this.fn.returns.push({ node, value: node.firstNamedChild });
        break;
      case 'yield':
        if (this.fn) this.fn.yields.push(node);
        break;
      case 'for_statement': case 'for_in_clause': {
        const left = node.childForFieldName('left');
        if (left) this.bindTargets(left, null, 'loop');
        break;
      }
      case 'attribute': {
        // One look down a chain serves all its links: `gr.a.b` visits `gr.a` right after, with the same aliases.
        let known = this.chainHeads.get(node.id);
        if (known === undefined) {
          const links: number[] = [];
          let head = node.childForFieldName('object');
          while (head?.type === 'attribute') { links.push(head.id); head = head.childForFieldName('object'); }
          known = head?.type === 'identifier' && this.facts.aliases.has(head.text);
          for (const id of links) this.chainHeads.set(id, known);
        } else this.chainHeads.delete(node.id);
        if (known) this.facts.attributes.push(node);
        break;
      }
    }
    this.visitInside();
  }

  private importStatement(node: Node) {
    for (let c = node.firstNamedChild; c; c = c.nextNamedSibling) {
      const dotted = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
      const alias = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : undefined;
      if (!dotted || dotted.type !== 'dotted_name') continue;
      const parts = dotted.text.split('.');
      if (parts[0] !== 'gradio') continue;
      if (parts.length > 1) this.facts.submodules.add(parts[1]);
      if (alias) {
        this.facts.aliases.set(alias, parts.slice(1).join('.'));
        this.bind(alias, c, null, 'import');
      } else {
        // `import gradio.components` binds `gradio`.
        this.facts.aliases.set('gradio', '');
        this.bind('gradio', c, null, 'import');
      }
    }
  }

  private importFrom(node: Node) {
    const mod = node.childForFieldName('module_name');
    if (!mod || mod.type !== 'dotted_name') return;
    const parts = mod.text.split('.');
    if (parts[0] !== 'gradio') return;
    const sub = parts.slice(1);
    // `from gradio.components.textbox import Textbox`: the file module is below a namespace; keep the namespace.
    const namespace = sub.length === 0 ? '' : GRADIO_NAMESPACES.has(sub[0]) ? sub[0] : null;
    for (let c = mod.nextNamedSibling; c; c = c.nextNamedSibling) {
      const nameNode = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
      if (!nameNode || nameNode.type !== 'dotted_name') continue;
      const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text ?? nameNode.text : nameNode.text;
      if (namespace === null) { this.bind(local, c, null, 'import'); continue; }
      const name = nameNode.text;
      const path = namespace === '' ? name : sub.length === 1 ? `${namespace}.${name}` : name;
      this.facts.aliases.set(local, path);
      if (sub.length <= 1) this.facts.fromImports.push({ namespace, name, nameNode });
      this.bind(local, c, null, 'import');
    }
  }

  private assignment(node: Node) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left) return;
    const op = node.type === 'assignment' ? '=' : node.child(1)?.type ?? '+=';
    if (this.fn) this.fn.assignments.push({ target: left, value: right, op, node } satisfies Assignment);
    if (node.type === 'assignment') {
      // Chained `a = b = value`: the right side is itself an assignment.
      let value = right;
      while (value?.type === 'assignment') value = value.childForFieldName('right');
      this.bindTargets(left, value, 'assign');
    }
  }

  private bindTargets(first: Node, firstValue: Node | null, kind: Binding['kind']) {
    // Left to right through nested patterns, with a stack of targets still to bind (next on top).
    const todo: { target: Node; value: Node | null }[] = [{ target: first, value: firstValue }];
    for (let item = todo.pop(); item; item = todo.pop()) {
      const { target, value } = item;
      switch (target.type) {
        case 'identifier': this.bind(target.text, target, value, kind); break;
        case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'expression_list': case 'tuple': case 'list': {
          const values = value && (value.type === 'expression_list' || value.type === 'tuple' || value.type === 'list')
            ? value.namedChildren : null;
          const targets = target.namedChildren;
          for (let i = targets.length - 1; i >= 0; i--) {
            const t = targets[i];
            if (t) todo.push({ target: t, value: values && values.length === targets.length ? values[i] : null });
          }
          break;
        }
        case 'list_splat_pattern': {
          const inner = target.firstNamedChild;
          if (inner) todo.push({ target: inner, value: null });
          break;
        }
      }
    }
  }

  private decorated(node: Node) {
    const def = node.childForFieldName('definition');
    const decorators: Node[] = [];
    for (let c = node.firstNamedChild; c; c = c.nextNamedSibling) if (c.type === 'decorator') decorators.push(c);
    if (def?.type === 'function_definition') {
      const info = this.functionDef(def, decorators);
      // After the function's body, as the decorators' calls were always recorded.
      for (const d of decorators) {
        const expr = d.firstNamedChild;
        if (expr?.type === 'call') this.laterCall(expr, d, info);
        else if (expr) this.visit(expr);
      }
    } else {
      for (const d of decorators) this.visit(d);
      if (def) this.visit(def);
    }
  }

  private newFunction(node: Node, kind: FunctionInfo['kind'], name: string | null, body: Node, decorators: Node[]): FunctionInfo {
    const scope: Scope = { kind: 'function', node, parent: this.scope, bindings: new Map(), fn: null };
    const info: FunctionInfo = {
      node, kind, name, params: [], isAsync: kind === 'def' && node.child(0)?.type === 'async', decorators, body, scope,
      isMethod: this.inClass && kind === 'def', returns: [], yields: [], globals: new Set(), calls: [], assignments: [],
    };
    scope.fn = info;
    this.facts.functions.push(info);
    return info;
  }

  private functionDef(node: Node, decorators: Node[]): FunctionInfo {
    const nameNode = node.childForFieldName('name');
    const bodyNode = node.childForFieldName('body');
    const body = bodyNode ?? node;
    if (nameNode) this.bind(nameNode.text, nameNode, node, 'def');
    const info = this.newFunction(node, 'def', nameNode?.text ?? null, body, decorators);
    const params = node.childForFieldName('parameters');
    // Defaults and annotations are evaluated in the enclosing scope.
    if (params) this.readParams(params, info);
    this.enterFunction(info, bodyNode);
    return info;
  }

  private lambda(node: Node) {
    const bodyNode = node.childForFieldName('body');
    const body = bodyNode ?? node;
    const info = this.newFunction(node, 'lambda', null, body, []);
    const params = node.childForFieldName('parameters');
    if (params) this.readParams(params, info);
    this.enterFunction(info, bodyNode, () => info.returns.push({ node: body, value: body }));
  }

  /** Schedules the function's body in its own scope, after its defaults and annotations. */
  private enterFunction(info: FunctionInfo, body: Node | null, first?: () => void) {
    const ctx: Context = { scope: info.scope, fn: info, withs: [], inClass: false };
    this.later(() => {
      for (const p of info.params) this.bind(p.name, p.node, null, 'param');
      first?.();
    }, ctx);
    if (body) this.visit(body, ctx);
  }

  private readParams(params: Node, info: FunctionInfo) {
    let kwOnly = false;
    const positionalOnlyUntil = [...params.namedChildren].findIndex((c) => c?.type === 'positional_separator');
    let index = 0;
    for (let c = params.firstNamedChild; c; c = c.nextNamedSibling, index++) {
      let name: Node | null = null, def: Node | null = null, ann: Node | null = null;
      let kind: Param['kind'] = kwOnly ? 'keyword_only' : 'positional';
      switch (c.type) {
        case 'identifier': name = c; break;
        case 'typed_parameter': {
          const inner = c.firstNamedChild;
          ann = c.childForFieldName('type');
          if (inner?.type === 'identifier') name = inner;
          else if (inner?.type === 'list_splat_pattern') { name = inner.firstNamedChild; kind = 'var_positional'; kwOnly = true; }
          else if (inner?.type === 'dictionary_splat_pattern') { name = inner.firstNamedChild; kind = 'var_keyword'; }
          break;
        }
        case 'default_parameter': case 'typed_default_parameter':
          name = c.childForFieldName('name'); def = c.childForFieldName('value'); ann = c.childForFieldName('type');
          break;
        case 'list_splat_pattern': name = c.firstNamedChild; kind = 'var_positional'; kwOnly = true; break;
        case 'dictionary_splat_pattern': name = c.firstNamedChild; kind = 'var_keyword'; break;
        case 'keyword_separator': kwOnly = true; continue;
        case 'positional_separator': continue;
        default: continue;
      }
      if (kind === 'positional' && index < positionalOnlyUntil) kind = 'positional_only';
      if (def) this.visit(def);
      if (ann) this.visit(ann);
      if (name?.type === 'identifier') info.params.push({ name: name.text, node: c, kind, default: def, annotation: ann });
    }
  }

  private classDef(node: Node) {
    const nameNode = node.childForFieldName('name');
    if (nameNode) this.bind(nameNode.text, nameNode, node, 'def');
    const sup = node.childForFieldName('superclasses');
    if (sup) this.visit(sup);
    const body = node.childForFieldName('body');
    if (!body) return;
    this.visit(body, { scope: { kind: 'class', node, parent: this.scope, bindings: new Map(), fn: null }, fn: this.fn, withs: [], inClass: true });
  }

  private withStatement(node: Node) {
    const clause = node.firstNamedChild?.type === 'with_clause' ? node.firstNamedChild : null;
    const frames: WithFrame[] = [];
    if (clause) {
      for (let item = clause.firstNamedChild; item; item = item.nextNamedSibling) {
        if (item.type !== 'with_item') continue;
        let value = item.childForFieldName('value');
        if (!value) continue;
        let alias: string | null = null;
        if (value.type === 'as_pattern') {
          const target = value.childForFieldName('alias')?.firstNamedChild ?? null;
          const expr = value.firstNamedChild;
          if (expr) {
            if (target?.type === 'identifier') {
              const name = target.text, bound = expr;
              alias = name;
              this.later(() => this.bind(name, target, bound, 'with'));
            }
            value = expr;
          }
        }
        this.visit(value);
        frames.push({ expr: value, alias });
      }
    }
    const body = node.childForFieldName('body');
    if (!body) return;
    this.visit(body, { ...this.ctx, withs: [...this.withs, ...frames] });
  }

  /** Records a call; its callee and arguments (all it contains) are visited next. */
  private call(node: Node, decorator: Node | null, decorates: FunctionInfo | null) {
    if (!this.record(node, decorator, decorates)) return;
    this.visitInside();
  }

  private record(node: Node, decorator: Node | null, decorates: FunctionInfo | null): boolean {
    const callee = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    if (!callee) return false;
    const site: CallSite = {
      node, callee, args: readArgs(argList?.type === 'argument_list' ? argList : null), scope: this.scope,
      withs: this.withs, fn: this.fn, inClass: this.inClass, decorator, decorates, path: undefined, method: undefined,
    };
    this.facts.calls.push(site);
    if (this.fn) this.fn.calls.push(site);
    return true;
  }

  /** A decorator's call, recorded after the decorated function's body (as a recursive walk records it). */
  private laterCall(expr: Node, decorator: Node, decorates: FunctionInfo) {
    const i = this.flat.indexOf(expr, this.bounds);
    const inside: [number, number] = i >= 0 ? [i + 1, this.flat.after[i]] : this.flat.rangeOf(expr, this.bounds);
    const ctx = this.ctx;
    this.later(() => {
      if (this.record(expr, decorator, decorates) && inside[0] < inside[1]) this.queued.push({ ctx, from: inside[0], to: inside[1] });
    });
  }
}

export function walk(root: Node): Facts {
  const w = new Walker(root);
  w.run();
  return w.facts;
}

/** The gradio path of a name or attribute chain, through the import aliases; undefined when not gradio. */
export function gradioPath(node: Node, aliases: Map<string, string>): string | undefined {
  const name = dottedName(node);
  if (name === undefined) return undefined;
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const base = aliases.get(head);
  if (base === undefined) return undefined;
  const rest = dot < 0 ? '' : name.slice(dot + 1);
  return base && rest ? `${base}.${rest}` : base || rest;
}
