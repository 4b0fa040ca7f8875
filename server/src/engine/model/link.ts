// Turns the facts of the walk into the Gradio model: apps, components, listeners and their handlers.
// Works over the recorded facts only; the tree is not walked again.
import type { Node } from '../parse';
import { resolveAnyVersion, ALL_EVENT_NAMES } from '../knowledge';
import { unwrap } from '../tree';
import { walk, type Facts } from './walk';
import type {
  App, AppKind, Binding, CallSite, Component, FunctionInfo, GradioCall, GradioRef, IO, IOItem, Listener, MethodCall, Scope,
  WithFrame,
} from './types';

const APP_KINDS: ReadonlySet<string> = new Set<AppKind>(['Blocks', 'Interface', 'ChatInterface', 'TabbedInterface']);
const MAX_DEPTH = 6;

/** `x.method(...)`: the attribute name (and its node) and the receiver `x`, when the tree has them. */
export type MethodOf = NonNullable<CallSite['method']>;

export type Entity =
  | { kind: 'component'; component: Component }
  | { kind: 'app'; app: App }
  | { kind: 'listener'; listener: Listener }
  | { kind: 'function'; fn: FunctionInfo };

export class Model {
  readonly aliases: Map<string, string>;
  readonly apps: App[] = [];
  readonly components: Component[] = [];
  readonly listeners: Listener[] = [];
  readonly gradioCalls: GradioCall[] = [];
  readonly refs: GradioRef[] = [];
  /** Submodules imported explicitly (`import gradio.networking`). */
  readonly submodules: ReadonlySet<string>;
  readonly functions: FunctionInfo[];
  readonly calls: CallSite[];
  readonly module: Scope;
  private readonly byCall = new Map<number, Entity>();
  private readonly fnByNode = new Map<number, FunctionInfo>();
  /** pathOf answers by node id: the same callees are asked about by the linking steps and by many rules. */
  private readonly paths = new Map<number, string | undefined>();
  /** Names that some call grows in place (`x.append(...)`), collected on first need. */
  private grown: Set<string> | undefined;

  constructor(readonly root: Node, facts: Facts = walk(root)) {
    this.aliases = facts.aliases;
    this.functions = facts.functions;
    this.calls = facts.calls;
    this.module = facts.module;
    this.submodules = facts.submodules;
    for (const f of facts.functions) this.fnByNode.set(f.node.id, f);
    this.collectRefs(facts);
    this.classifyCalls();
    this.linkListeners();
    this.linkAppMethods();
    this.nameThings();
  }

  /** True when the file imports gradio in any form. */
  get usesGradio(): boolean { return this.aliases.size > 0; }

  /** The gradio path of a name or attribute chain (`gr.Textbox` -> `Textbox`), undefined when not gradio. */
  pathOf(node: Node): string | undefined {
    const id = node.id;
    let path = this.paths.get(id);
    if (path === undefined && !this.paths.has(id)) this.paths.set(id, (path = this.resolvePath(unwrap(node))));
    return path;
  }


  /** `pathOf(call.callee)`, kept on the call site: linking asks it of every call several times. */
  calleePath(call: CallSite): string | undefined {
    if (call.path === undefined) call.path = this.pathOf(call.callee) ?? null;
    return call.path ?? undefined;
  }

  /** `gradioPath` in one look down the chain; the attribute names are read only when its head is a gradio alias. */
  private resolvePath(node: Node): string | undefined {
    const attrs: Node[] = [];
    let n = node;
    for (let type = n.type; type !== 'identifier'; type = n.type) {
      if (type !== 'attribute') return undefined;
      const obj = n.childForFieldName('object');
      const attr = n.childForFieldName('attribute');
      if (!obj || !attr) return undefined;
      attrs.push(attr);
      n = unwrap(obj);
    }
    const base = this.aliases.get(n.text);
    if (base === undefined) return undefined;
    let rest = '';
    for (let i = attrs.length - 1; i >= 0; i--) rest += (rest ? '.' : '') + attrs[i].text;
    return base && rest ? `${base}.${rest}` : base || rest;
  }

  /** The method name and receiver of a call whose callee is an attribute (`x.click(...)`), else null. Looked up once
   *  per call and shared by the linking and the rules (each look is several calls into wasm). */
  methodOf(call: CallSite): MethodOf | null {
    if (call.method === undefined) {
      if (call.callee.type === 'attribute') {
        const nameNode = call.callee.childForFieldName('attribute');
        call.method = { name: nameNode?.text, nameNode, receiver: call.callee.childForFieldName('object') };
      } else call.method = null;
    }
    return call.method;
  }

  private byDecorator: Map<number, Listener> | undefined;
  /** The listener a decorator registers (`@btn.click(...)`), if it is one. */
  listenerOfDecorator(decorator: Node): Listener | undefined {
    if (!this.byDecorator) {
      this.byDecorator = new Map();
      for (const l of this.listeners) if (l.call.decorator) this.byDecorator.set(l.call.decorator.id, l);
    }
    return this.byDecorator.get(decorator.id);
  }

  functionAt(node: Node): FunctionInfo | undefined { return this.fnByNode.get(node.id); }

  private siteById: Map<number, CallSite> | undefined;
  /** The call site of a `call` node (a map built on first use: searching `calls` per node is quadratic in big files). */
  callAt(node: Node): CallSite | undefined {
    if (!this.siteById) {
      this.siteById = new Map();
      for (const c of this.calls) this.siteById.set(c.node.id, c);
    }
    return this.siteById.get(node.id);
  }

  /** The binding of `name` visible from `scope` at `offset`: the last one before it, else the first after. */
  lookup(name: string, scope: Scope, offset: number): Binding | undefined {
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (s.fn?.globals.has(name)) { s = this.module; }
      if (s.kind === 'class' && s !== scope) continue;
      const list = s.bindings.get(name);
      if (!list?.length) { if (s === this.module) break; continue; }
      let best: Binding | undefined;
      for (const b of list) if (b.target.startIndex <= offset) best = b;
      return best ?? list[0];
    }
    return undefined;
  }

  /** What an expression denotes: a component, an app, a listener (its dependency) or a function. */
  entityOf(node: Node | null, scope: Scope, depth = 0): Entity | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    node = unwrap(node);
    switch (node.type) {
      case 'call': {
        const known = this.byCall.get(node.id);
        if (known) return known;
        const callee = node.childForFieldName('function');
        if (!callee) return undefined;
        // `demo.queue()` returns the app; a local builder function returns what its body returns.
        if (callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'queue') {
          const inner = this.entityOf(callee.childForFieldName('object'), scope, depth + 1);
          if (inner?.kind === 'app') return inner;
        }
        const target = this.entityOf(callee, scope, depth + 1);
        if (target?.kind === 'function' && target.fn.kind === 'def') {
          for (const r of target.fn.returns) {
            const e = r.value && this.entityOf(r.value, target.fn.scope, depth + 1);
            if (e?.kind === 'app') return e;
          }
        }
        return undefined;
      }
      case 'identifier': {
        const b = this.lookup(node.text, scope, node.startIndex);
        if (!b) return undefined;
        if (b.kind === 'def') {
          const fn = b.value && this.fnByNode.get(b.value.id);
          return fn ? { kind: 'function', fn } : undefined;
        }
        if (!b.value || (b.kind !== 'assign' && b.kind !== 'with')) return undefined;
        return this.entityOf(b.value, this.scopeOfBinding(b, scope), depth + 1);
      }
      case 'lambda': {
        const fn = this.fnByNode.get(node.id);
        return fn ? { kind: 'function', fn } : undefined;
      }
    }
    return undefined;
  }

  /** Resolves `inputs=`/`outputs=` expressions into components. */
  ioOf(node: Node | null, scope: Scope, depth = 0): IO {
    if (!node) return { node: null, kind: 'absent', items: [] };
    const n = unwrap(node);
    const type = n.type;
    if (type === 'none') return { node, kind: 'none', items: [] };
    if (type === 'list' || type === 'tuple' || type === 'set') {
      const items: IOItem[] = [];
      for (const c of n.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat' || c.type === 'parenthesized_list_splat') return { node, kind: 'unknown', items: [] };
        const e = this.entityOf(c, scope);
        items.push({ node: c, component: e?.kind === 'component' ? e.component : null });
      }
      if (type === 'set') return { node, kind: 'set', items };
      return { node, kind: items.length ? 'list' : 'none', items };
    }
    if (type === 'string') return { node, kind: 'single', items: [{ node: n, component: null }] };
    const e = this.entityOf(n, scope);
    if (e?.kind === 'component') return { node, kind: 'single', items: [{ node: n, component: e.component }] };
    if (type === 'identifier' && depth < MAX_DEPTH) {
      const b = this.lookup(n.text, scope, n.startIndex);
      if (b?.value && b.kind === 'assign' && !this.reassignedLater(b, scope)) {
        const inner = this.ioOf(b.value, this.scopeOfBinding(b, scope), depth + 1);
        return { ...inner, node };
      }
    }
    return { node, kind: 'unknown', items: [] };
  }

  /** A list bound once and then grown (`inputs.append(x)`) is not the literal it started as. */
  private reassignedLater(b: Binding, scope: Scope): boolean {
    const s = this.scopeOfBinding(b, scope);
    if ((s.bindings.get(b.name)?.length ?? 0) > 1) return true;
    if (!this.grown) {
      this.grown = new Set();
      for (const c of this.calls) {
        const m = this.methodOf(c);
        const obj = m?.receiver;
        if (obj && obj.type === 'identifier' && (m!.name === 'append' || m!.name === 'extend' || m!.name === 'insert' || m!.name === 'add')) this.grown.add(obj.text);
      }
    }
    return this.grown.has(b.name);
  }

  private scopeOfBinding(b: Binding, from: Scope): Scope {
    for (let s: Scope | null = from; s; s = s.parent) if (s.bindings.get(b.name)?.includes(b)) return s;
    return from;
  }

  private collectRefs(facts: Facts) {
    for (const node of facts.attributes) {
      const obj = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute');
      if (!obj || !attr) continue;
      // `gr.a.b.NAME` can only resolve to a dotted base: skip it without spelling out a long chain.
      const inner = unwrap(obj);
      if (inner.type === 'attribute' && unwrap(inner.childForFieldName('object') ?? inner).type === 'attribute') continue;
      const base = this.pathOf(obj);
      // Only `gradio.NAME` and `gradio.<namespace>.NAME`; `gr.Textbox.update` is the class's attribute.
      if (base === undefined || base.includes('.')) continue;
      const r = base === '' ? { kind: 'module' as const } : resolveAnyVersion(base);
      if (r?.kind !== 'module') continue;
      this.refs.push({ node, namespace: base, name: attr.text, nameNode: attr });
    }
    for (const f of facts.fromImports) {
      this.refs.push({ node: f.nameNode, namespace: f.namespace, name: f.nameNode.text, nameNode: f.nameNode });
    }
  }

  private classifyCalls() {
    for (const call of this.calls) {
      const path = this.calleePath(call);
      if (path === undefined) continue;
      this.gradioCalls.push({ call, path });
      const r = resolveAnyVersion(path);
      if (r?.kind !== 'class') continue;
      const cls = r.info;
      const appKind = APP_KINDS.has(cls.name) ? (cls.name as AppKind) : undefined;
      if (appKind) {
        const app: App = { kind: appKind, call, names: [], launches: [], queues: [] };
        this.apps.push(app);
        this.byCall.set(call.node.id, { kind: 'app', app });
      } else if (cls.mro.includes('Block') || cls.mro.includes('Component') || cls.mro.includes('BlockContext')) {
        const component: Component = { call, path, className: cls.name, name: null, app: null };
        this.components.push(component);
        this.byCall.set(call.node.id, { kind: 'component', component });
      }
    }
    // Components in one `with` block share its frames: resolve each frame once (nothing links in this loop).
    const frames = new Map<WithFrame, Map<Scope, Entity | undefined>>();
    for (const c of this.components) c.app = this.enclosingApp(c.call, frames);
  }

  /** The app of the innermost `with` around a call that denotes one. */
  enclosingApp(call: CallSite, frames?: Map<WithFrame, Map<Scope, Entity | undefined>>): App | null {
    for (let i = call.withs.length - 1; i >= 0; i--) {
      const w = call.withs[i];
      let byScope = frames?.get(w);
      if (frames && !byScope) frames.set(w, (byScope = new Map()));
      let e = byScope?.get(call.scope);
      if (e === undefined && !byScope?.has(call.scope)) {
        e = this.entityOf(w.expr, call.scope);
        byScope?.set(call.scope, e);
      }
      if (e?.kind === 'app') return e.app;
    }
    return null;
  }

  private linkListeners() {
    // The walk records an outer call before the calls inside it, so in `a.click(...).then(...)` the `.then` comes
    // first and finds its receiver unlinked: repeat until nothing new links.
    const pending: CallSite[] = [];
    for (const call of this.calls) {
      if (this.byCall.has(call.node.id)) {
        const e = this.byCall.get(call.node.id)!;
        if (e.kind === 'app' && e.app.kind === 'Interface') this.addListener(call, 'Interface', null, null);
        continue;
      }
      if (call.callee.type !== 'attribute' && this.calleePath(call) !== 'on') continue;
      // Only `gr.on(...)` and `x.<event>(...)` can ever link: the rest is left out of the passes below.
      if (this.calleePath(call) !== 'on') {
        const m = this.methodOf(call);
        if (!m?.name || !m.receiver || !ALL_EVENT_NAMES.has(m.name)) continue;
      }
      pending.push(call);
    }
    for (let progress = true, pass = 0; progress && pass < 8; pass++) {
      progress = false;
      for (const call of pending) {
        if (this.byCall.has(call.node.id)) continue;
        if (this.calleePath(call) === 'on') { this.addListener(call, 'on', null, null); progress = true; continue; }
        const { name: attr, receiver } = this.methodOf(call)!;
        if (!attr || !receiver) continue;
        const e = this.entityOf(receiver, call.scope);
        if (!e || e.kind === 'function') continue;
        const dependency = attr === 'then' || attr === 'success' || attr === 'failure';
        if (dependency !== (e.kind === 'listener')) continue;
        const trigger = e.kind === 'component' ? { component: e.component } : e.kind === 'app' ? { app: e.app } : { listener: e.listener };
        this.addListener(call, attr, receiver, trigger);
        progress = true;
      }
    }
    this.listeners.sort((a, b) => a.call.node.startIndex - b.call.node.startIndex);
  }

  private addListener(call: CallSite, event: string, receiver: Node | null, trigger: Listener['trigger']) {
    const a = call.args;
    // Positional layout: gr.on(triggers, fn, inputs, outputs); listeners and Interface(fn, inputs, outputs).
    const offset = event === 'on' ? 1 : 0;
    const arg = (name: string, index: number) => a.keywords.get(name)?.value ?? a.positional[index + offset] ?? null;
    const fnNode = call.decorates ? null : arg('fn', 0);
    let handler: FunctionInfo | null = call.decorates;
    if (fnNode) {
      const e = this.entityOf(fnNode, call.scope);
      handler = e?.kind === 'function' ? e.fn : null;
    }
    const listener: Listener = {
      call, event, receiver, trigger, fnNode, handler,
      inputs: this.ioOf(arg('inputs', 1), call.scope),
      outputs: this.ioOf(arg('outputs', 2), call.scope),
    };
    // Interface passes `additional_inputs` after `inputs`.
    const extra = event === 'Interface' ? a.keywords.get('additional_inputs')?.value : undefined;
    if (extra) {
      const more = this.ioOf(extra, call.scope);
      const base = listener.inputs;
      if (more.kind === 'unknown' || more.kind === 'set' || base.kind === 'unknown' || base.kind === 'set') listener.inputs = { ...base, kind: 'unknown' };
      else if (more.items.length) listener.inputs = { node: base.node ?? more.node, kind: 'list', items: [...base.items, ...more.items] };
    }
    this.listeners.push(listener);
    if (event !== 'Interface') this.byCall.set(call.node.id, { kind: 'listener', listener });
  }

  private linkAppMethods() {
    for (const call of this.calls) {
      const callee = this.methodOf(call);
      const method = callee?.name;
      if (method !== 'launch' && method !== 'queue') continue;
      const e = this.entityOf(callee!.receiver, call.scope);
      if (e?.kind !== 'app') continue;
      const m: MethodCall = { call, method, app: e.app };
      (method === 'launch' ? e.app.launches : e.app.queues).push(m);
    }
  }

  private nameThings() {
    const scopes = [this.module, ...this.functions.map((f) => f.scope)];
    for (const s of scopes) {
      for (const [name, list] of s.bindings) {
        for (const b of list) {
          if (!b.value || (b.kind !== 'assign' && b.kind !== 'with')) continue;
          const v = unwrap(b.value);
          const e = v.type === 'call' ? this.byCall.get(v.id) : undefined;
          if (e?.kind === 'component' && !e.component.name) e.component.name = name;
          else if (b.value.type === 'call' || b.value.type === 'identifier') {
            const app = this.entityOf(b.value, s);
            if (app?.kind === 'app' && !app.app.names.includes(name)) app.app.names.push(name);
          }
        }
      }
    }
  }

  /** True when the call runs with no open Blocks context for certain: module level, in no `with` but
   *  known non-Blocks gradio layouts. */
  definitelyOutsideBlocks(call: CallSite): boolean {
    if (call.fn || call.inClass) return false;
    for (const w of call.withs) {
      const e = this.entityOf(w.expr, call.scope);
      if (e?.kind === 'app') return false;
      if (e?.kind !== 'component') return false;
    }
    return true;
  }
}

export function buildModel(root: Node): Model {
  return new Model(root);
}
