// What each handler parameter receives: which component feeds it, through which listener, and as what Python
// type for the target version. Used by the parameter hover and the inlay hints; computed from the model only.
import type { Model } from './model/link';
import type { Component, FunctionInfo, Listener, Param } from './model/types';
import type { Node } from './parse';
import { apisAround, NEWEST_VERSION, type Api, type ParamInfo } from './knowledge';
import { callParams } from './knowledge/signatures';
import { COMPONENTS, type Receives } from './knowledge/hovers';
import { isSpecialParam } from './rules/handlers';
import { literalValue, stringValue, unwrap, type Literal } from './tree';
import { normalizeVersion, versionIn } from './version';

/** What one input of one listener (or of a ChatInterface) gives a parameter. */
export interface Feed {
  /** The listener, or null for what a ChatInterface passes its `fn`. */
  listener: Listener | null;
  /** How it is shown: `btn.click`, `gr.ChatInterface`; and the node whose line is shown. */
  via: { label: string; node: Node };
  /** The input expression in `inputs=` (a component variable, a constructor call, or a string like "image"). */
  node: Node;
  component: Component | null;
  /** Class of the feeding component (after aliases), when known. */
  className: string | undefined;
  /** What the handler receives, when known for the target version. */
  received: Received | undefined;
}

export interface Received extends Receives {
  /** The effective `type=` value, for components that have one. */
  typeValue?: string | null;
  /** False when the Python type depends on something not visible (a non-literal keyword): no inlay hint. */
  exact: boolean;
}

export interface ParamFeeds {
  fn: FunctionInfo;
  param: Param;
  /** The parameter's name node. */
  nameNode: Node;
  feeds: Feed[];
  /** Some listener using this handler passes inputs that cannot be resolved (a set, a variable, `*args`). */
  uncertain: boolean;
}

const cache = new WeakMap<Model, Map<string, ParamFeeds[]>>();

/** Every handler parameter fed by at least one resolvable listener input. */
export function handlerParams(model: Model, version: string): ParamFeeds[] {
  version = normalizeVersion(version) ?? NEWEST_VERSION;
  let byVersion = cache.get(model);
  if (!byVersion) cache.set(model, (byVersion = new Map()));
  let out = byVersion.get(version);
  if (!out) byVersion.set(version, (out = computeFeeds(model, version)));
  return out;
}

/** The API table that best describes the target: the known release nearest to it (of the ones around it). */
export function nearestApi(version: string): Api {
  const around = apisAround(version);
  const n = (v: string) => v.split('.').reduce((acc, x) => acc * 1000 + Number(x), 0);
  const target = n(version);
  return around.reduce((best, a) => (Math.abs(n(a.version) - target) < Math.abs(n(best.version) - target) ? a : best));
}

function computeFeeds(model: Model, version: string): ParamFeeds[] {
  const api = nearestApi(version);
  const byParam = new Map<number, ParamFeeds>();
  const order: ParamFeeds[] = [];
  const uncertainFns = new Set<FunctionInfo>();
  for (const l of model.listeners) {
    const fn = l.handler;
    if (!fn) continue;
    const params = inputParams(model, fn);
    if (l.inputs.kind === 'set' || l.inputs.kind === 'unknown') { uncertainFns.add(fn); continue; }
    const items = l.inputs.kind === 'single' || l.inputs.kind === 'list' ? l.inputs.items : [];
    items.forEach((item, i) => {
      const param = params[i];
      if (!param) return;
      const nameNode = param.node.type === 'identifier' ? param.node : param.node.childForFieldName('name') ?? param.node.firstNamedChild;
      if (!nameNode) return;
      let pf = byParam.get(nameNode.id);
      if (!pf) {
        pf = { fn, param, nameNode, feeds: [], uncertain: false };
        byParam.set(nameNode.id, pf);
        order.push(pf);
      }
      const className = item.component ? plainClassName(item.component.className) : shortcutClass(api, item.node);
      pf.feeds.push({
        listener: l, via: { label: unwrap(l.call.callee).text, node: l.call.decorator ?? l.call.node },
        node: item.node, component: item.component, className,
        received: className ? receivedBy(model, api, version, className, item.component) : undefined,
      });
    });
  }
  chatInterfaceFeeds(model, api, version, (fn, param, feed) => {
    const nameNode = param.node.type === 'identifier' ? param.node : param.node.childForFieldName('name') ?? param.node.firstNamedChild;
    if (!nameNode) return;
    let pf = byParam.get(nameNode.id);
    if (!pf) {
      pf = { fn, param, nameNode, feeds: [], uncertain: false };
      byParam.set(nameNode.id, pf);
      order.push(pf);
    }
    pf.feeds.push(feed);
  });
  for (const pf of order) if (uncertainFns.has(pf.fn)) pf.uncertain = true;
  return order.sort((a, b) => a.nameNode.startIndex - b.nameNode.startIndex);
}

/** `gr.ChatInterface(fn, ...)`: `fn(message, history, *additional_inputs)`. */
function chatInterfaceFeeds(model: Model, api: Api, version: string, add: (fn: FunctionInfo, p: Param, f: Feed) => void) {
  for (const app of model.apps) {
    if (app.kind !== 'ChatInterface' || !app.call) continue;
    const args = app.call.args;
    const fnNode = args.keywords.get('fn')?.value ?? args.positional[0];
    const e = fnNode ? model.entityOf(fnNode, app.call.scope) : undefined;
    if (e?.kind !== 'function') continue;
    const params = inputParams(model, e.fn);
    const pseudo: Component = { call: app.call, path: 'ChatInterface', className: 'ChatInterface', name: null, app: null };
    const via = { label: unwrap(app.call.callee).text, node: app.call.node };
    const feed = (node: Node, received: Received | undefined, component: Component | null, className: string | undefined): Feed =>
      ({ listener: null, via, node, component, className, received });
    const multimodal = constructorArg(model, api, pseudo, 'multimodal');
    if (params[0]) {
      const received: Received = multimodal === true
        ? { py: 'dict', text: 'the message as a dict `{"text": str, "files": list[str]}` (`multimodal=True`)', exact: true }
        : { py: 'str', text: 'the message the user typed', exact: multimodal !== 'dynamic' };
      add(e.fn, params[0], feed(app.call.callee, received, null, undefined));
    }
    if (params[1]) add(e.fn, params[1], feed(app.call.callee, historyOf(model, api, version, pseudo), null, undefined));
    const extra = args.keywords.get('additional_inputs')?.value;
    const io = extra ? model.ioOf(extra, app.call.scope) : undefined;
    if (io && (io.kind === 'single' || io.kind === 'list')) {
      io.items.forEach((item, i) => {
        const param = params[2 + i];
        if (!param) return;
        const className = item.component ? plainClassName(item.component.className) : shortcutClass(api, item.node);
        add(e.fn, param, feed(item.node, className ? receivedBy(model, api, version, className, item.component) : undefined, item.component, className));
      });
    }
  }
}

/** The chat history a ChatInterface passes: messages in 6.x, else per its `type=` (tuples before 4.x's messages). */
function historyOf(model: Model, api: Api, version: string, pseudo: Component): Received | undefined {
  const tp = typeParam(api, 'ChatInterface');
  if (!tp) {
    return versionIn(version, '>=6.0.0')
      ? { py: 'list[dict]', text: 'the history in messages format: a list of `{"role", "content"}` dicts', exact: true }
      : { py: 'list[list]', text: 'the history as `[user, bot]` pairs', exact: true };
  }
  const given = constructorArg(model, api, pseudo, 'type');
  if (given === 'dynamic') return undefined;
  const value = given === undefined ? defaultValue(tp.d) : given;
  const r = pick(COMPONENTS.ChatInterface.types?.[value === null ? 'None' : String(value)], version);
  return r ? { ...r, text: r.text.replace(/^`fn` gets /, ''), exact: true } : undefined;
}

/** Positional parameters that take inputs, in order: those Gradio fills itself (gr.Request, EventData, a
 *  `gr.Progress()` default) are skipped, as Gradio skips them. Stops at `*args`. */
export function inputParams(model: Model, fn: FunctionInfo): Param[] {
  const out: Param[] = [];
  for (const p of fn.params) {
    if (p.kind !== 'positional' && p.kind !== 'positional_only') break;
    if (isSpecialParam(model, p)) continue;
    if (p.default && unwrap(p.default).type === 'call') {
      const callee = unwrap(p.default).childForFieldName('function');
      if (callee && model.pathOf(callee) === 'Progress') continue;
    }
    out.push(p);
  }
  return out;
}

/** `gradio.inputs.Image` -> `Image`. */
function plainClassName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** Interface string shortcuts: `"image"`, `"text"`, `"number"` name a component class (lower-case, no underscores). */
function shortcutClass(api: Api, node: Node): string | undefined {
  const s = stringValue(node);
  if (!s) return undefined;
  const key = s.replace(/_/g, '').toLowerCase();
  for (const ns of ['components', '']) {
    for (const name of api.names(ns)) {
      if (name.toLowerCase() !== key) continue;
      const r = api.resolve(ns ? `${ns}.${name}` : name);
      if (r?.kind === 'class') return r.info.name;
    }
  }
  return undefined;
}

/** The value of a constructor argument: by keyword, or by position when the parameter can be positional.
 *  `undefined`: not passed; `'dynamic'`: passed but not a literal (or hidden behind `**kwargs`). */
export function constructorArg(model: Model, api: Api, component: Component, name: string): Literal | undefined | 'dynamic' {
  const args = component.call.args;
  const kw = args.keywords.get(name);
  if (kw) return literalOrName(model, kw.value, component);
  const params = callParams(api, component.path) ?? api.classByName(component.className)?.init ?? [];
  const index = params.filter((p: ParamInfo) => p.k === 'p' || p.k === '/').findIndex((p) => p.n === name);
  if (index >= 0 && index < args.positional.length) return literalOrName(model, args.positional[index], component);
  if (args.starKwargs || (args.starArgs && index >= 0)) return 'dynamic';
  return undefined;
}

/** A literal, or the literal a module-level name is bound to once (`CHOICES = [...]`). */
function literalOrName(model: Model, node: Node, component: Component): Literal | 'dynamic' {
  const v = literalValue(node);
  if (v !== undefined) return v;
  const n = unwrap(node);
  if (n.type === 'identifier') {
    const b = model.lookup(n.text, component.call.scope, n.startIndex);
    const list = model.module.bindings.get(n.text);
    if (b?.kind === 'assign' && b.value && list?.length === 1 && list[0] === b) {
      const lv = literalValue(b.value);
      if (lv !== undefined) return lv;
    }
  }
  return 'dynamic';
}

function pick(r: Receives | Receives[] | undefined, version: string): Receives | undefined {
  if (!r) return undefined;
  if (!Array.isArray(r)) return r.versions && !versionIn(version, r.versions) ? undefined : r;
  return r.find((x) => !x.versions || versionIn(version, x.versions));
}

/** The `type=` parameter of a class in this release, if it has one. */
export function typeParam(api: Api, className: string): ParamInfo | undefined {
  return api.classByName(className)?.init?.find((p) => p.n === 'type' && (p.k === 'p' || p.k === 'k'));
}

/** Parses a default as written in the API tables (`"numpy"`, `None`). */
export function defaultValue(d: string | undefined): string | null | undefined {
  if (d === undefined) return undefined;
  if (d === 'None') return null;
  const m = /^"(.*)"$/.exec(d) ?? /^'(.*)'$/.exec(d);
  return m ? m[1] : undefined;
}

/** What a handler receives from a component of `className` for the target version, with its keywords applied. */
export function receivedBy(model: Model, api: Api, version: string, className: string, component: Component | null): Received | undefined {
  const facts = COMPONENTS[className];
  if (!facts) return undefined;
  const arg = (name: string) => (component ? constructorArg(model, api, component, name) : undefined);
  let base: Receives | undefined;
  let typeValue: string | null | undefined;
  let exact = true;
  const tp = typeParam(api, className);
  if (tp && facts.types) {
    const given = arg('type');
    if (given === 'dynamic') return undefined;
    typeValue = given === undefined ? defaultValue(tp.d) : given === null ? null : typeof given === 'string' ? given : undefined;
    if (typeValue === undefined) return undefined;
    base = pick(facts.types[typeValue ?? 'None'], version);
  } else {
    base = pick(facts.value, version);
  }
  if (!base) return undefined;
  let py = base.py;
  // Keywords that change the Python type.
  const many = (v: Literal | undefined | 'dynamic', fallback: boolean): boolean | undefined =>
    v === undefined ? fallback : v === 'dynamic' ? undefined : v === 'multiple' || v === 'directory' || v === true;
  switch (className) {
    case 'File': case 'UploadButton': {
      const m = many(arg('file_count'), false);
      if (m === undefined) exact = false; else if (m) return { ...base, py: `list[${py}]`, text: `a list, one item per file: ${base.text}`, typeValue, exact };
      break;
    }
    case 'FileExplorer': {
      const m = many(arg('file_count'), defaultValue(api.classByName(className)?.init?.find((p) => p.n === 'file_count')?.d) !== 'single');
      if (m === undefined) exact = false; else if (!m) py = 'str';
      break;
    }
    case 'Number': case 'Slider': {
      const p = arg('precision');
      if (p === 'dynamic') exact = false;
      else if (p === 0 && (className === 'Number' || typeParamOf(api, className, 'precision'))) py = 'int';
      break;
    }
    case 'Dropdown': case 'Radio': case 'CheckboxGroup': {
      if (typeValue === 'index') { if (className === 'Dropdown') exact = applyMulti(arg('multiselect'), (m) => { if (m) py = 'list[int]'; }); break; }
      const choiceType = choicesType(arg('choices'));
      if (!choiceType) { exact = false; break; }
      const multi = className === 'CheckboxGroup' || (className === 'Dropdown' && arg('multiselect') === true);
      if (className === 'Dropdown' && arg('multiselect') === 'dynamic') exact = false;
      py = multi ? `list[${choiceType}]` : choiceType;
      break;
    }
    case 'Image': {
      // 3.x: a sketch tool on an upload/webcam source gives a dict of image and mask.
      if (versionIn(version, '<4.0.0') && arg('tool') !== undefined) return undefined;
      break;
    }
    case 'State': case 'BrowserState':
      exact = false;
      break;
  }
  return { ...base, py, typeValue, exact };
}

function typeParamOf(api: Api, className: string, name: string): boolean {
  return !!api.classByName(className)?.init?.some((p) => p.n === name);
}

function applyMulti(v: Literal | undefined | 'dynamic', apply: (multi: boolean) => void): boolean {
  if (v === 'dynamic') return false;
  apply(v === true);
  return true;
}

/** `str` when every literal choice (or `(label, value)` pair's value) is a string, `int` for ints. */
function choicesType(choices: Literal | undefined | 'dynamic'): string | undefined {
  if (!Array.isArray(choices) || !choices.length) return undefined;
  const kinds = new Set<string>();
  for (const c of choices) {
    const v = Array.isArray(c) ? (c.length === 2 ? c[1] : undefined) : c;
    if (typeof v === 'string') kinds.add('str');
    else if (typeof v === 'number') kinds.add(Number.isInteger(v) ? 'int' : 'float');
    else return undefined;
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** The one Python type a parameter receives from every listener that feeds it, or undefined when ambiguous. */
export function agreedType(pf: ParamFeeds): string | undefined {
  if (pf.uncertain || !pf.feeds.length) return undefined;
  let py: string | undefined;
  for (const f of pf.feeds) {
    if (!f.received?.exact) return undefined;
    if (py !== undefined && py !== f.received.py) return undefined;
    py = f.received.py;
  }
  return py;
}

export interface TypeHint {
  /** Offset just after the parameter's name. */
  offset: number;
  /** `: PIL.Image.Image` */
  label: string;
  param: ParamFeeds;
}

/** Inlay hints for unannotated `def` handler parameters whose type every feeding listener agrees on. */
export function parameterTypeHints(model: Model, version: string): TypeHint[] {
  const out: TypeHint[] = [];
  for (const pf of handlerParams(model, version)) {
    if (pf.param.annotation || pf.fn.kind !== 'def') continue;
    const py = agreedType(pf);
    if (py && py !== 'Any') out.push({ offset: pf.nameNode.endIndex, label: `: ${py}`, param: pf });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
