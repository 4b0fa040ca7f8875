// What the handler-body rules need beyond the model: which parameter each input feeds, where a name occurs in a
// handler's own body, what a dotted name means through the file's Python imports, and the literal keywords of a
// gradio call. All computed from the model plus small local looks at a handler body or the module's top level;
// results are cached per function / model.
import type { Model } from '../model/link';
import type { CallSite, Component, FunctionInfo, GradioCall, IOItem, Listener, Param, Scope } from '../model/types';
import type { Node } from '../parse';
import type { Api } from '../knowledge';
import { resolveAnyVersion } from '../knowledge';
import { callParams } from '../knowledge/signatures';
import { dottedName, stringValue, unwrap } from '../tree';
import { isSpecialParam, isTrueKeyword, signatureIsReliable } from './handlers';

export interface BoundParam {
  param: Param;
  /** Position in `inputs`. */
  index: number;
  item: IOItem;
}

/** The handler parameters fed by the listener's inputs, in order (input i feeds the i-th positional parameter that
 *  Gradio does not fill itself). Undefined when the mapping is not knowable: no handler, a method, a decorator that
 *  may change the signature, inputs given as a set or a variable, or `batch=True` (parameters receive lists). */
export function boundParams(model: Model, l: Listener): BoundParam[] | undefined {
  const fn = l.handler;
  if (!fn || fn.isMethod || !signatureIsReliable(model, fn)) return undefined;
  if (l.inputs.kind !== 'single' && l.inputs.kind !== 'list') return l.inputs.kind === 'absent' || l.inputs.kind === 'none' ? [] : undefined;
  if (isTrueKeyword(l, 'batch')) return undefined;
  const positional: Param[] = [];
  for (const p of fn.params) {
    if (p.kind === 'var_positional') break;
    if (p.kind !== 'positional' && p.kind !== 'positional_only') continue;
    if (isSpecialParam(model, p)) continue;
    positional.push(p);
  }
  const out: BoundParam[] = [];
  l.inputs.items.forEach((item, index) => {
    const param = positional[index];
    // `x: gr.Image` receives the component itself (its props, Gradio 6): not the value the rules reason about.
    if (param && !annotatedWithComponent(model, param)) out.push({ param, index, item });
  });
  return out;
}

/** True when the parameter is annotated with a gradio component class (`def f(img: gr.Image)`). */
export function annotatedWithComponent(model: Model, p: Param): boolean {
  if (!p.annotation) return false;
  const ann = p.annotation.type === 'type' ? p.annotation.firstNamedChild : p.annotation;
  const path = ann ? model.pathOf(ann) : undefined;
  if (path === undefined) return false;
  const r = resolveAnyVersion(path);
  return r?.kind === 'class' && r.info.mro.includes('Block');
}

const namesCache = new WeakMap<Node, Map<string, Node[]>>();

/** Occurrences of each name (read or written) in the function's own body: nested functions, lambdas and classes
 *  are left out, and so are attribute names (`x.name`), keyword names (`f(name=...)`) and `global`/import lines. */
export function bodyNames(fn: FunctionInfo): Map<string, Node[]> {
  let out = namesCache.get(fn.node);
  if (out) return out;
  out = new Map();
  const stack: Node[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'identifier': {
        let list = out.get(n.text);
        if (!list) out.set(n.text, (list = []));
        list.push(n);
        continue;
      }
      case 'function_definition': case 'class_definition': case 'global_statement': case 'nonlocal_statement':
      case 'import_statement': case 'import_from_statement':
        continue;
      case 'lambda':
        if (n.id !== fn.body.id) continue;
        break;
      case 'decorated_definition': {
        for (const d of n.namedChildren) if (d?.type === 'decorator') stack.push(d);
        continue;
      }
      case 'attribute': {
        const obj = n.childForFieldName('object');
        if (obj) stack.push(obj);
        continue;
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        if (v) stack.push(v);
        continue;
      }
    }
    // The list once: `namedChild(i)` looks from the first child each time.
    const kids = n.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  // Source order.
  for (const list of out.values()) list.sort((a, b) => a.startIndex - b.startIndex);
  namesCache.set(fn.node, out);
  return out;
}

/** Occurrences of `name` in the handler's own body, in source order. */
export function usesOf(fn: FunctionInfo, name: string): Node[] {
  return bodyNames(fn).get(name) ?? [];
}

/** True when the occurrence is where a value is stored (assignment target, loop target, `with ... as`, `except as`,
 *  walrus, `del`), not where it is read. */
export function isStore(id: Node): boolean {
  let n = id;
  for (let p = n.parent; p; n = p, p = p.parent) {
    switch (p.type) {
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'list_splat_pattern': continue;
      case 'tuple': case 'list': case 'expression_list': case 'parenthesized_expression':
        // `a, b = ...` parses the left side as a pattern; these only matter inside a target.
        continue;
      case 'assignment': case 'augmented_assignment': return p.childForFieldName('left')?.id === n.id;
      case 'for_statement': case 'for_in_clause': return p.childForFieldName('left')?.id === n.id;
      case 'named_expression': return p.childForFieldName('name')?.id === n.id;
      case 'as_pattern_target': case 'delete_statement': return true;
      default: return false;
    }
  }
  return false;
}

/** True when the handler assigns to `name` anywhere in its own body (so its type may no longer be the input's). */
export function isRebound(fn: FunctionInfo, name: string): boolean {
  return usesOf(fn, name).some(isStore);
}

const importsCache = new WeakMap<Model, Map<string, string>>();

/** Python imports of the module (top level, including inside `if`/`try` blocks): local name -> dotted origin,
 *  e.g. `np` -> `numpy`, `Image` -> `PIL.Image`, `pipeline` -> `transformers.pipeline`. */
export function pythonImports(model: Model): Map<string, string> {
  let out = importsCache.get(model);
  if (out) return out;
  out = new Map();
  const stack: Node[] = [model.root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'import_statement' || c.type === 'import_from_statement') readImport(c, out);
      else if (c.type === 'if_statement' || c.type === 'try_statement' || c.type === 'block' || c.type === 'else_clause'
        || c.type === 'except_clause' || c.type === 'finally_clause' || c.type === 'elif_clause') stack.push(c);
    }
  }
  importsCache.set(model, out);
  return out;
}

/** Records the names an import statement binds. */
export function readImport(node: Node, into: Map<string, string>): void {
  if (node.type === 'import_statement') {
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'aliased_import') {
        const name = c.childForFieldName('name')?.text, alias = c.childForFieldName('alias')?.text;
        if (name && alias) into.set(alias, name);
      } else if (c.type === 'dotted_name') {
        const head = c.text.split('.')[0];
        into.set(head, head);
      }
    }
    return;
  }
  const mod = node.childForFieldName('module_name');
  if (!mod || mod.type !== 'dotted_name') return;
  for (let c = mod.nextNamedSibling; c; c = c.nextNamedSibling) {
    const nameNode = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
    if (!nameNode || nameNode.type !== 'dotted_name') continue;
    const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text ?? nameNode.text : nameNode.text;
    into.set(local, `${mod.text}.${nameNode.text}`);
  }
}

/** The dotted origin of a name or attribute chain through the Python imports (`np.array` -> `numpy.array`), or
 *  undefined when its head is not an imported name or is shadowed by a local binding. Imports made inside the
 *  handler itself count too. */
export function qualifiedName(model: Model, node: Node, scope: Scope, fn?: FunctionInfo | null): string | undefined {
  const name = dottedName(node);
  if (!name) return undefined;
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const rest = dot < 0 ? '' : name.slice(dot);
  if (model.lookup(head, scope, node.startIndex)) return undefined;
  const origin = (fn && localImports(fn).get(head)) ?? pythonImports(model).get(head);
  return origin === undefined ? undefined : origin + rest;
}

const localImportsCache = new WeakMap<Node, Map<string, string>>();
/** Imports written inside the function's body (`def f(): from transformers import pipeline`). */
function localImports(fn: FunctionInfo): Map<string, string> {
  let out = localImportsCache.get(fn.node);
  if (out) return out;
  out = new Map();
  if (fn.kind === 'def') {
    const stack: Node[] = [fn.body];
    while (stack.length) {
      const n = stack.pop()!;
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === 'import_statement' || c.type === 'import_from_statement') readImport(c, out);
        else if (c.type === 'if_statement' || c.type === 'try_statement' || c.type === 'block' || c.type === 'else_clause'
          || c.type === 'except_clause' || c.type === 'finally_clause' || c.type === 'elif_clause' || c.type === 'with_statement'
          || c.type === 'for_statement' || c.type === 'while_statement') stack.push(c);
      }
    }
  }
  localImportsCache.set(fn.node, out);
  return out;
}

/** An argument of a gradio call by keyword, or by its position in the signature of every API around the target. */
export function argument(apis: Api[], g: GradioCall, name: string): Node | undefined {
  const kw = g.call.args.keywords.get(name);
  if (kw) return kw.value;
  let index: number | undefined;
  for (const a of apis) {
    const params = callParams(a, g.path);
    if (!params) return undefined;
    const i = params.filter((p) => p.k === 'p' || p.k === '/').findIndex((p) => p.n === name);
    if (i < 0 || (index !== undefined && index !== i)) return undefined;
    index = i;
  }
  return index === undefined ? undefined : g.call.args.positional[index];
}

/** The literal string of a keyword of a call (`type="pil"`), null when the keyword is absent, undefined when it is
 *  present but not a plain string. */
export function keywordString(call: CallSite, name: string): string | null | undefined {
  const kw = call.args.keywords.get(name);
  if (!kw) return null;
  return stringValue(kw.value);
}

/** The default of a constructor parameter in the API table, as a Python literal string unquoted (`"numpy"` -> `numpy`). */
export function defaultString(apis: Api[], path: string, name: string): string | undefined {
  let value: string | undefined;
  for (const a of apis) {
    const p = callParams(a, path)?.find((x) => x.n === name);
    const d = p?.d && /^["'](.*)["']$/.exec(p.d)?.[1];
    if (!d || (value !== undefined && value !== d)) return undefined;
    value = d;
  }
  return value;
}

/** The effective `type=` of a component (its literal keyword, or the default of the target version), or undefined
 *  when not knowable (a variable, `**kwargs`, a positional argument). */
export function componentType(apis: Api[], c: Component): string | undefined {
  const kw = keywordString(c.call, 'type');
  if (kw === undefined) return undefined;
  if (kw !== null) return kw;
  if (c.call.args.starKwargs || c.call.args.starArgs) return undefined;
  // `type` must not have been passed positionally.
  for (const a of apis) {
    const params = callParams(a, c.path);
    if (!params) return undefined;
    const i = params.filter((p) => p.k === 'p' || p.k === '/').findIndex((p) => p.n === 'type');
    if (i >= 0 && c.call.args.positional.length > i) return undefined;
  }
  return defaultString(apis, c.path, 'type');
}

/** The statement (child of a block or module) that contains `node`. */
export function statementNode(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}

/** True when `node` is the whole callee object or argument `x` in `x.attr` / `f(x)`; returns the parent relation. */
export function usageOf(id: Node): { kind: 'attribute'; attr: string; call: Node | null; node: Node }
  | { kind: 'subscript'; node: Node }
  | { kind: 'argument'; call: Node; index: number; node: Node }
  | { kind: 'unpack'; node: Node }
  | { kind: 'other'; node: Node } {
  const p = id.parent;
  if (!p) return { kind: 'other', node: id };
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id) {
    const attr = p.childForFieldName('attribute')?.text ?? '';
    const gp = p.parent;
    const call = gp?.type === 'call' && gp.childForFieldName('function')?.id === p.id ? gp : null;
    return { kind: 'attribute', attr, call, node: call ?? p };
  }
  if (p.type === 'subscript' && p.childForFieldName('value')?.id === id.id) return { kind: 'subscript', node: p };
  if (p.type === 'argument_list') {
    const call = p.parent;
    if (call?.type === 'call') {
      let index = 0;
      for (const c of p.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.id === id.id) return { kind: 'argument', call, index, node: call };
        if (c.type === 'keyword_argument') break;
        index++;
      }
    }
  }
  if (p.type === 'assignment' && p.childForFieldName('right')?.id === id.id) {
    const left = p.childForFieldName('left');
    if (left && (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern')) return { kind: 'unpack', node: p };
  }
  return { kind: 'other', node: id };
}

/** Where a handler-body finding's `related` points. */
export function wiredHere(l: Listener): { node: Node; message: string } {
  return { node: l.call.decorator ?? l.call.node, message: 'the listener that calls the handler' };
}

/** True for `None` written literally. */
export function isNone(node: Node | null | undefined): boolean {
  return !!node && unwrap(node).type === 'none';
}
