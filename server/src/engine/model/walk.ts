// The one walk over the syntax tree. It records imports, scopes and bindings, functions, calls with their
// `with` context, and references to gradio names; `link.ts` then turns these facts into the Gradio model.
import type { Node } from '../parse';
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
  for (let c = list.firstNamedChild; c; c = c.nextNamedSibling) {
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

class Walker {
  readonly facts: Facts;
  private scope: Scope;
  private fn: FunctionInfo | null = null;
  private withs: WithFrame[] = [];
  private inClass = false;

  constructor(root: Node) {
    const module: Scope = { kind: 'module', node: root, parent: null, bindings: new Map(), fn: null };
    this.scope = module;
    this.facts = { aliases: new Map(), fromImports: [], module, calls: [], functions: [], attributes: [], submodules: new Set() };
  }

  private bind(name: string, target: Node, value: Node | null, kind: Binding['kind'], scope = this.scope) {
    let list = scope.bindings.get(name);
    if (!list) scope.bindings.set(name, (list = []));
    list.push({ name, target, value, kind });
    // A module-level rebinding of a gradio alias to something else (`gr = Foo()`) ends the alias.
    if (kind !== 'import' && scope.kind === 'module' && this.facts.aliases.has(name)) this.facts.aliases.delete(name);
  }

  visit(node: Node): void {
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
        let head = node.childForFieldName('object');
        while (head?.type === 'attribute') head = head.childForFieldName('object');
        if (head?.type === 'identifier' && this.facts.aliases.has(head.text)) this.facts.attributes.push(node);
        break;
      }
    }
    for (let c = node.firstNamedChild; c; c = c.nextNamedSibling) this.visit(c);
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

  private bindTargets(target: Node, value: Node | null, kind: Binding['kind']) {
    switch (target.type) {
      case 'identifier': this.bind(target.text, target, value, kind); break;
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': case 'expression_list': case 'tuple': case 'list': {
        const values = value && (value.type === 'expression_list' || value.type === 'tuple' || value.type === 'list')
          ? value.namedChildren : null;
        const targets = target.namedChildren;
        targets.forEach((t, i) => {
          if (t) this.bindTargets(t, values && values.length === targets.length ? values[i] : null, kind);
        });
        break;
      }
      case 'list_splat_pattern': {
        const inner = target.firstNamedChild;
        if (inner) this.bindTargets(inner, null, kind);
        break;
      }
    }
  }

  private decorated(node: Node) {
    const def = node.childForFieldName('definition');
    const decorators: Node[] = [];
    for (let c = node.firstNamedChild; c; c = c.nextNamedSibling) if (c.type === 'decorator') decorators.push(c);
    if (def?.type === 'function_definition') {
      const info = this.functionDef(def, decorators);
      for (const d of decorators) {
        const expr = d.firstNamedChild;
        if (expr?.type === 'call') this.call(expr, d, info);
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
    const body = node.childForFieldName('body') ?? node;
    if (nameNode) this.bind(nameNode.text, nameNode, node, 'def');
    const info = this.newFunction(node, 'def', nameNode?.text ?? null, body, decorators);
    const params = node.childForFieldName('parameters');
    // Defaults and annotations are evaluated in the enclosing scope.
    if (params) this.readParams(params, info);
    this.enterFunction(info, () => this.visit(body));
    return info;
  }

  private lambda(node: Node) {
    const body = node.childForFieldName('body') ?? node;
    const info = this.newFunction(node, 'lambda', null, body, []);
    const params = node.childForFieldName('parameters');
    if (params) this.readParams(params, info);
    this.enterFunction(info, () => {
      info.returns.push({ node: body, value: body });
      this.visit(body);
    });
  }

  private enterFunction(info: FunctionInfo, run: () => void) {
    const saved = { scope: this.scope, fn: this.fn, withs: this.withs, inClass: this.inClass };
    this.scope = info.scope;
    this.fn = info;
    this.withs = [];
    this.inClass = false;
    for (const p of info.params) this.bind(p.name, p.node, null, 'param');
    try { run(); } finally { Object.assign(this, saved); }
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
    const saved = { scope: this.scope, inClass: this.inClass, withs: this.withs };
    this.scope = { kind: 'class', node, parent: this.scope, bindings: new Map(), fn: null };
    this.inClass = true;
    this.withs = [];
    try { this.visit(body); } finally { Object.assign(this, saved); }
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
            if (target?.type === 'identifier') { alias = target.text; this.bind(alias, target, expr, 'with'); }
            value = expr;
          }
        }
        this.visit(value);
        frames.push({ expr: value, alias });
      }
    }
    const body = node.childForFieldName('body');
    if (!body) return;
    const saved = this.withs;
    this.withs = [...saved, ...frames];
    try { this.visit(body); } finally { this.withs = saved; }
  }

  private call(node: Node, decorator: Node | null, decorates: FunctionInfo | null) {
    const callee = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    if (!callee) return;
    const site: CallSite = {
      node, callee, args: readArgs(argList?.type === 'argument_list' ? argList : null), scope: this.scope,
      withs: this.withs, fn: this.fn, inClass: this.inClass, decorator, decorates,
    };
    this.facts.calls.push(site);
    if (this.fn) this.fn.calls.push(site);
    this.visit(callee);
    if (argList) this.visit(argList);
  }
}

export function walk(root: Node): Facts {
  const w = new Walker(root);
  w.visit(root);
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
