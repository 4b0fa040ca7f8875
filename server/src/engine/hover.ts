// Hover texts for a position in a Gradio file, for the target version: components and their `type=`, launch(),
// queue(), listener keywords, gr.State, gr.update, handler parameters, and rule codes in `# noqa:` comments.
// Pure: the language server turns the result into an LSP Hover.
import type { Model } from './model/link';
import type { App, Component, Listener } from './model/types';
import type { Node } from './parse';
import { api as apiOf, KNOWN_VERSIONS, NEWEST_VERSION, type Api, type ParamInfo } from './knowledge';
import { callParams, listenerParams } from './knowledge/signatures';
import {
  APPS, COMPONENTS, COMPONENT_SUMMARY, LAUNCH, LISTENER, LISTENER_SUMMARY, QUEUE, STATE, UPDATE,
  type ComponentFacts, type KeywordFacts, type Receives, type Versioned,
} from './knowledge/hovers';
import { constructorArg, defaultValue, handlerParams, nearestApi, receivedBy, typeParam, type Feed, type ParamFeeds } from './handlerTypes';
import { ruleByCode } from './rules';
import { LineIndex } from './text';
import { normalizeVersion, shortVersion, versionIn } from './version';

export interface HoverResult {
  markdown: string;
  /** UTF-16 offsets of the hovered word. */
  start: number;
  end: number;
}

interface Ctx { model: Model; text: string; version: string; api: Api; lines?: LineIndex }

/** The hover at `offset` (UTF-16) of `text`, or null when there is nothing Gradio-specific to say. */
export function hoverAt(model: Model, text: string, offset: number, version: string): HoverResult | null {
  const noqa = noqaHover(text, offset);
  if (noqa) return noqa;
  if (!model.usesGradio) return null;
  version = normalizeVersion(version) ?? NEWEST_VERSION;
  const ctx: Ctx = { model, text, version, api: nearestApi(version) };
  const found = identifierAt(model.root, offset);
  if (!found) return null;
  const { node, hovered } = found;
  const markdown = keywordHover(ctx, node) ?? callHover(ctx, node) ?? paramHover(ctx, node);
  return markdown ? { markdown: `${markdown}\n\n_Gradio ${shortVersion(version)}_`, start: hovered.startIndex, end: hovered.endIndex } : null;
}

/** The identifier at the offset; on a keyword argument's string value (`type="pil"`), the keyword's name. */
function identifierAt(root: Node, offset: number): { node: Node; hovered: Node } | null {
  for (const at of [offset, offset - 1]) {
    if (at < 0) continue;
    let n: Node | null = root.descendantForIndex(at, at);
    if (n?.type === 'identifier') return { node: n, hovered: n };
    while (n && n.type !== 'string' && /^string_|^"$|^'$/.test(n.type)) n = n.parent;
    const kw = n?.type === 'string' ? n.parent : null;
    const name = kw?.type === 'keyword_argument' && kw.childForFieldName('value')?.id === n!.id ? kw.childForFieldName('name') : null;
    if (name) return { node: name, hovered: n! };
  }
  return null;
}

// ---- # noqa: GRxxx -------------------------------------------------------------------------------------------

function noqaHover(text: string, offset: number): HoverResult | null {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = text.slice(start, end);
  const hash = line.indexOf('#');
  if (hash < 0 || offset - start < hash) return null;
  const comment = line.slice(hash);
  if (!/noqa/i.test(comment)) return null;
  const re = /GR\d{3}/gi;
  for (let m = re.exec(comment); m; m = re.exec(comment)) {
    const s = start + hash + m.index, e = s + m[0].length;
    if (offset < s || offset > e) continue;
    const rule = ruleByCode(m[0]);
    return rule ? { markdown: `**${rule.code}**: ${rule.title}\n${rule.docs}`, start: s, end: e } : null;
  }
  return null;
}

// ---- helpers ---------------------------------------------------------------------------------------------------

/** The text of a Versioned entry for the target version. */
function pickText(v: Versioned | undefined, version: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  return v.find((x) => versionIn(version, x.versions))?.text;
}

function texts(list: Versioned[] | undefined, version: string): string[] {
  return (list ?? []).map((v) => pickText(v, version)).filter((t): t is string => !!t);
}

function pickReceives(r: Receives | Receives[] | undefined, version: string): Receives | undefined {
  if (!r) return undefined;
  const list = Array.isArray(r) ? r : [r];
  return list.find((x) => !x.versions || versionIn(version, x.versions));
}

function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** `name`: `type`, default `d` (from the API tables). */
function paramLine(p: ParamInfo): string {
  const parts = [`**${p.n}**`];
  if (p.a) parts.push(`: ${code(p.a)}`);
  const d = p.d !== undefined && !/^_/.test(p.d) ? `, default ${code(p.d)}` : '';
  return parts.join('') + d;
}

/** "last in 4.44.1" / "since 5.0.0" for a keyword the target release lacks. */
function keywordHistory(version: string, has: (a: Api) => boolean): string {
  const known = KNOWN_VERSIONS.filter((v) => has(apiOf(v)));
  if (!known.length) return '';
  const last = known[known.length - 1];
  if (versionIn(version, `>${last}`)) return ` (last seen in ${shortVersion(last)})`;
  return ` (first seen in ${shortVersion(known[0])})`;
}

function callOf(node: Node): Node | null {
  // `name` of `name=value` -> keyword_argument -> argument_list -> call
  const list = node.parent?.parent;
  return list?.type === 'argument_list' && list.parent?.type === 'call' ? list.parent : null;
}

function listenerOf(model: Model, call: Node): Listener | undefined {
  return model.listeners.find((l) => l.call.node.id === call.id);
}

function appMethodOf(model: Model, call: Node): { method: 'launch' | 'queue'; app: App } | undefined {
  for (const app of model.apps) {
    for (const m of [...app.launches, ...app.queues]) if (m.call.node.id === call.id) return { method: m.method, app };
  }
  return undefined;
}

function componentOf(model: Model, call: Node): Component | undefined {
  return model.components.find((c) => c.call.node.id === call.id);
}

function gradioPathOf(model: Model, call: Node): string | undefined {
  return model.gradioCalls.find((g) => g.call.node.id === call.id)?.path;
}

function displayName(model: Model, path: string): string {
  let prefix = 'gr.';
  for (const [local, target] of model.aliases) if (target === '') { prefix = `${local}.`; break; }
  return `${prefix}${path}`;
}

// ---- keywords --------------------------------------------------------------------------------------------------

function keywordHover(ctx: Ctx, node: Node): string | undefined {
  const kw = node.parent;
  if (kw?.type !== 'keyword_argument' || kw.childForFieldName('name')?.id !== node.id) return undefined;
  const call = callOf(node);
  if (!call) return undefined;
  const name = node.text;
  const { model, version, api } = ctx;

  const listener = listenerOf(model, call);
  if (listener) {
    const params = listener.event === 'Interface' ? undefined : listenerParams(api, listener.event);
    if (params) return describeKeyword(ctx, name, params, LISTENER, `\`.${listener.event}(...)\``, (a) => listenerParams(a, listener.event).some((p) => p.n === name));
  }
  const method = appMethodOf(model, call);
  if (method) {
    const params = api.classByName('Blocks')?.methods?.[method.method] ?? [];
    const facts = method.method === 'launch' ? LAUNCH.keywords : QUEUE.keywords;
    return describeKeyword(ctx, name, params, facts, `\`${method.method}()\``, (a) => !!a.classByName('Blocks')?.methods?.[method.method]?.some((p) => p.n === name));
  }
  const path = gradioPathOf(model, call);
  if (path === undefined) return undefined;
  const params = callParams(api, path);
  const title = `\`${displayName(model, path)}(...)\``;
  const cls = api.resolve(path);
  const className = cls?.kind === 'class' ? cls.info.name : path.split('.').pop()!;
  // Apps (ChatInterface `type=`) are read like components for their constructor arguments.
  const gc = model.gradioCalls.find((g) => g.call.node.id === call.id)!;
  const component = componentOf(model, call) ?? { call: gc.call, path, className, name: null, app: null };
  if (name === 'type' && COMPONENTS[className]?.types) return typeHover(ctx, className, component);
  if (path === 'on') return describeKeyword(ctx, name, api.listener.onParams, LISTENER, title, (a) => a.listener.onParams.some((p) => p.n === name));
  const facts: KeywordFacts = className === 'State' ? STATE.keywords : path === 'update' ? UPDATE.keywords : {};
  if (!params) return undefined;
  if (path === 'update' && !params.some((p) => p.n === name)) {
    return `**${name}** (\`gr.update\`)\n\n${pickText(facts[name], version) ?? 'Passed on as a property of the output component: it must be one of that component\'s constructor keywords.'}`;
  }
  return describeKeyword(ctx, name, params, facts, title, (a) => !!callParams(a, path)?.some((p) => p.n === name));
}

function describeKeyword(ctx: Ctx, name: string, params: ParamInfo[], facts: KeywordFacts, where: string, has: (a: Api) => boolean): string {
  const p = params.find((x) => x.n === name && x.k !== '*' && x.k !== '**');
  const text = pickText(facts[name], ctx.version);
  if (!p) {
    const head = `**${name}** is not a parameter of ${where} in Gradio ${shortVersion(ctx.version)}${keywordHistory(ctx.version, has)}.`;
    return text ? `${head}\n\n${text}` : head;
  }
  return text ? `${paramLine(p)}\n\n${text}` : paramLine(p);
}

// ---- component type= -------------------------------------------------------------------------------------------

function typeHover(ctx: Ctx, className: string, component: Component | null): string {
  const { version, api, model } = ctx;
  const facts = COMPONENTS[className];
  const tp = typeParam(api, className);
  const title = `**${displayName(model, className)}** \`type=\``;
  if (!tp) {
    const note = texts(facts.notes, version)[0];
    return `${title} does not exist in Gradio ${shortVersion(version)}${keywordHistory(version, (a) => !!typeParam(a, className))}.${note ? `\n\n${note}` : ''}`;
  }
  const given = component ? constructorArg(model, api, component, 'type') : undefined;
  const chosen = given === undefined ? defaultValue(tp.d) : typeof given === 'string' || given === null ? given : undefined;
  return [title, typeTable(ctx, className, facts, tp, chosen, component), ...texts(facts.notes, version)].filter(Boolean).join('\n\n');
}

/** The first line (what the handler receives with the chosen type) and a table of all values. */
function typeTable(ctx: Ctx, className: string, facts: ComponentFacts, tp: ParamInfo, chosen: string | null | undefined, component: Component | null): string {
  const { version, api, model } = ctx;
  const values = literalValues(tp.a);
  const def = defaultValue(tp.d);
  const lines: string[] = [];
  const received = chosen !== undefined ? receivedBy(model, api, version, className, component) : undefined;
  const empty = pickText(facts.empty, version);
  if (received) {
    const which = chosen === null ? '`type=None`' : `\`type="${chosen}"\``;
    lines.push(`The handler receives ${code(received.py)} (${which}${chosen === def ? ', the default' : ''}): ${received.text}.${empty ? ` ${empty}` : ''}`);
  } else if (empty) lines.push(empty);
  const rows = values.map((v) => {
    const r = pickReceives(facts.types?.[v], version);
    const label = `\`"${v}"\`${v === def ? ' (default)' : ''}`;
    return `| ${v === chosen ? `**${label}**` : label} | ${r ? `${code(r.py)}: ${r.text}` : ''} |`;
  });
  if (def === null && facts.types?.None) {
    const r = pickReceives(facts.types.None, version);
    if (r) rows.push(`| ${chosen === null ? '**`None` (default)**' : '`None` (default)'} | ${code(r.py)}: ${r.text} |`);
  }
  if (rows.length) lines.push(['| `type=` | the handler receives |', '|---|---|', ...rows].join('\n'));
  return lines.join('\n\n');
}

function literalValues(annotation: string | undefined): string[] {
  const m = annotation && /Literal\[([^\]]*)\]/.exec(annotation);
  if (!m) return [];
  return [...m[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2]);
}

// ---- calls: constructors, launch/queue, listeners, gr.update ---------------------------------------------------

/** The call whose callee ends with `node` (`Image` in `gr.Image(...)`, `launch` in `demo.launch(...)`). */
function calleeCall(node: Node): Node | null {
  let callee: Node = node;
  if (node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id) callee = node.parent;
  const call = callee.parent;
  return call?.type === 'call' && call.childForFieldName('function')?.id === callee.id ? call : null;
}

function callHover(ctx: Ctx, node: Node): string | undefined {
  const call = calleeCall(node);
  if (!call) return undefined;
  const { model, version, api } = ctx;
  const listener = listenerOf(model, call);
  if (listener && listener.event !== 'Interface') return listenerHover(ctx, listener);
  const method = appMethodOf(model, call);
  if (method) {
    const facts = method.method === 'launch' ? LAUNCH : QUEUE;
    const name = method.app.names[0] ?? method.app.kind;
    return [`**${name}.${method.method}()**`, ...texts(facts.summary, version).map((t) => `- ${t}`)].join('\n');
  }
  const path = gradioPathOf(model, call);
  if (path === undefined) return undefined;
  const shown = displayName(model, path);
  const r = api.resolve(path);
  if (!r || r.kind === 'module' || r.kind === 'other') {
    if (r) return undefined;
    return `**${shown}** does not exist in Gradio ${shortVersion(version)}${keywordHistory(version, (a) => !!a.resolve(path))}.`;
  }
  if (r.kind === 'function') {
    if (path === 'update') return [`**${shown}(...)**`, ...texts(UPDATE.summary, version).map((t) => `- ${t}`)].join('\n');
    if (path === 'on') return [`**${shown}(triggers, fn, inputs, outputs)**`, ...texts(LISTENER_SUMMARY, version).map((t) => `- ${t}`)].join('\n');
    return undefined;
  }
  const cls = r.info;
  if (APPS[cls.name]) return [`**${shown}**`, ...texts(APPS[cls.name], version).map((t) => `- ${t}`), signature(cls.init)].filter(Boolean).join('\n\n');
  if (cls.name === 'State') return [`**${shown}**`, texts(STATE.summary, version).map((t) => `- ${t}`).join('\n')].join('\n\n');
  return componentHover(ctx, cls.name, shown, componentOf(model, call) ?? null, cls.events, cls.init);
}

function componentHover(ctx: Ctx, className: string, shown: string, component: Component | null, events: string[], init: ParamInfo[] | null): string {
  const { version, api, model } = ctx;
  const facts = COMPONENTS[className];
  const parts = [`**${shown}**`];
  const summary = pickText(COMPONENT_SUMMARY[className], version);
  if (summary) parts.push(summary);
  const tp = typeParam(api, className);
  if (facts?.types && tp) {
    const given = component ? constructorArg(model, api, component, 'type') : undefined;
    const chosen = given === undefined ? defaultValue(tp.d) : typeof given === 'string' || given === null ? given : undefined;
    parts.push(typeTable(ctx, className, facts, tp, chosen, component));
  } else if (facts) {
    const r = receivedBy(model, api, version, className, component) ?? (pickReceives(facts.value, version) && { ...pickReceives(facts.value, version)!, exact: false });
    const empty = pickText(facts.empty, version);
    if (r) parts.push(`The handler receives ${code(r.py)}: ${r.text}.${empty ? ` ${empty}` : ''}`);
  }
  parts.push(...texts(facts?.notes, version));
  // Layouts and the like: at least how it is called.
  if (parts.length === 1) parts.push(signature(init));
  if (events.length) parts.push(`Events: ${events.map((e) => `\`.${e}\``).join(', ')}`);
  return parts.filter(Boolean).join('\n\n');
}

function signature(params: ParamInfo[] | null): string {
  const named = (params ?? []).filter((p) => p.k === 'p' || p.k === '/' || p.k === 'k');
  if (!named.length) return '';
  const shown = named.slice(0, 4);
  const parts: string[] = [];
  shown.forEach((p, i) => {
    if (p.k === 'k' && (i === 0 || shown[i - 1].k !== 'k')) parts.push('*');
    parts.push(p.d !== undefined ? `${p.n}=${p.d}` : p.n);
  });
  return `\`(${parts.join(', ')}${named.length > shown.length ? ', ...' : ''})\``;
}

function listenerHover(ctx: Ctx, l: Listener): string {
  const { version } = ctx;
  const trigger = l.trigger?.component ? ` on ${displayName(ctx.model, l.trigger.component.className)}` : '';
  const mode = /^(change|key_up)$/.test(l.event) ? 'always_last' : l.event === 'stream' ? 'multiple' : 'once';
  const lines = [`**.${l.event}(...)** listener${trigger}`, ...texts(LISTENER_SUMMARY, version).map((t) => `- ${t}`)];
  if (versionIn(version, '>=4.0.0') && !['then', 'success', 'failure'].includes(l.event)) lines.push(`- Default \`trigger_mode\` here: \`"${mode}"\`.`);
  return lines.join('\n');
}

// ---- handler parameters ----------------------------------------------------------------------------------------

function paramHover(ctx: Ctx, node: Node): string | undefined {
  const { model, version } = ctx;
  const all = handlerParams(model, version);
  if (!all.length) return undefined;
  let pf: ParamFeeds | undefined = all.find((p) => p.nameNode.id === node.id);
  // `f(img=...)` and `x.img` are not uses of a parameter `img`.
  const parent = node.parent;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return undefined;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return undefined;
  if (!pf) {
    // A use of the parameter inside the handler.
    const fn = model.functions
      .filter((f) => f.node.startIndex <= node.startIndex && node.endIndex <= f.node.endIndex)
      .sort((a, b) => (a.node.endIndex - a.node.startIndex) - (b.node.endIndex - b.node.startIndex))[0];
    if (!fn) return undefined;
    const b = model.lookup(node.text, fn.scope, node.startIndex);
    if (b?.kind !== 'param') return undefined;
    pf = all.find((p) => p.param.node.id === b.target.id);
  }
  if (!pf) return undefined;
  const lines = ctx.lines ??= new LineIndex(ctx.text);
  const types = [...new Set(pf.feeds.map((f) => f.received?.py).filter(Boolean))];
  const head = types.length === 1 ? `**${pf.param.name}** receives ${code(types[0]!)}` : `**${pf.param.name}** (handler parameter)`;
  const feedLine = (f: Feed) => {
    if (!f.listener && !f.className) {
      return `From \`${short(f.via.label)}\` (line ${lines.positionAt(f.via.node.startIndex).line + 1}): ${f.received ? `${code(f.received.py)}: ${f.received.text}.` : 'a value not described here.'}`;
    }
    const source = f.component?.name ? `\`${f.component.name}\` (${short(f.component.call.node.text)})` : code(short(f.node.text));
    const via = `\`${short(f.via.label)}\``;
    const line = lines.positionAt(f.via.node.startIndex).line + 1;
    const empty = f.className ? pickText(COMPONENTS[f.className]?.empty, version) : undefined;
    const what = f.received ? `${code(f.received.py)}: ${f.received.text}.${empty ? ` ${empty}` : ''}` : 'a value of a component not described here.';
    return `From ${source} via ${via} (line ${line}): ${what}`;
  };
  const body = pf.feeds.length === 1 ? feedLine(pf.feeds[0]) : pf.feeds.map((f) => `- ${feedLine(f)}`).join('\n');
  const tail = pf.uncertain ? '\n\nOther listeners call this handler with inputs that cannot be resolved here.' : '';
  return `${head}\n\n${body}${tail}`;
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
