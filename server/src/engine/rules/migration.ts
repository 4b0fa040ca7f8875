// What the migration rules (GR100-GR131) share: finding the uses of a removed keyword or name, deciding whether the
// target version still takes it, and building the rewrite edits.
import type { Node } from '../parse';
import type { Api, ParamInfo } from '../knowledge';
import { api, KNOWN_VERSIONS } from '../knowledge';
import { callParams, classOf } from '../knowledge/signatures';
import type { App, CallSite, GradioRef, KeywordArg, Listener, Scope } from '../model/types';
import type { Model } from '../model/link';
import { literalValue, unwrap } from '../tree';
import { compareVersions, shortVersion } from '../version';
import type { OffsetEdit, RuleContext } from './types';
import type { Severity } from '../types';
import { appendArgument, gradioModuleName, removeArgument } from './edits';

// ---------------------------------------------------------------------------------------------------------------
// Versions

/** Known releases older than `version`. */
function releasesBefore(version: string): string[] {
  return KNOWN_VERSIONS.filter((v) => compareVersions(v, version) < 0);
}

/** Error from `removed` on, warning from `deprecated` on, nothing before. */
export function phase(ctx: RuleContext, when: { removed?: string; deprecated?: string }): Severity | undefined {
  if (when.removed && compareVersions(ctx.version, when.removed) >= 0) return 'error';
  if (when.deprecated && compareVersions(ctx.version, when.deprecated) >= 0) return 'warning';
  return undefined;
}

export const short = shortVersion;

// ---------------------------------------------------------------------------------------------------------------
// Classes and keywords

const lineageCache = new Map<string, Set<string>>();
/** Every class a gradio path denotes in any known release, with all their bases (`Sketchpad` is an `Image` in 3.x
 *  and an `ImageEditor` in 4.5+). */
export function lineageOf(path: string): Set<string> {
  let out = lineageCache.get(path);
  if (!out) {
    out = new Set();
    for (const v of KNOWN_VERSIONS) {
      const r = api(v).resolve(path);
      if (r?.kind === 'class') for (const c of [r.info.name, ...r.info.mro]) out.add(c);
    }
    lineageCache.set(path, out);
  }
  return out;
}

/** `classes` may be `['*']`: any gradio callable. */
export function isOfClass(path: string, classes: readonly string[]): boolean {
  if (classes[0] === '*') return true;
  const l = lineageOf(path);
  return classes.some((c) => l.has(c));
}

/** The class name of `path` as the newest release that has it knows it, else the path's last part. */
const classNames = new Map<string, string>();
export function classNameOf(path: string): string {
  let name = classNames.get(path);
  if (name !== undefined) return name;
  name = path.split('.').pop() ?? path;
  for (let i = KNOWN_VERSIONS.length - 1; i >= 0; i--) {
    const r = api(KNOWN_VERSIONS[i]).resolve(path);
    if (r?.kind === 'class') { name = r.info.name; break; }
  }
  classNames.set(path, name);
  return name;
}

function names(params: ParamInfo[] | undefined, kw: string): boolean {
  return !!params?.some((p) => p.n === kw && (p.k === 'p' || p.k === 'k'));
}

/** The release takes `kw` by name in a call to `path` (not merely through `**kwargs`). */
export function namesKeyword(a: Api, path: string, kw: string): boolean {
  return names(callParams(a, path), kw);
}

/** The default (source text) of `kw` in a call to `path`, in the first target release that names it. */
export function keywordDefault(ctx: RuleContext, path: string, kw: string): string | undefined {
  for (const a of ctx.apis) {
    const p = callParams(a, path)?.find((x) => x.n === kw && (x.k === 'p' || x.k === 'k'));
    if (p) return p.d;
  }
  return undefined;
}

/** The call to `path` took `kw` by name in some known release older than the target. */
export function keywordExistedBefore(ctx: RuleContext, path: string, kw: string): boolean {
  return releasesBefore(ctx.version).some((v) => namesKeyword(api(v), path, kw));
}

/** The target still takes `kw` by name: a migration rule stays silent. */
export function keywordStillNamed(ctx: RuleContext, path: string, kw: string): boolean {
  return ctx.apis.some((a) => namesKeyword(a, path, kw));
}

export interface KeywordHit {
  call: CallSite;
  /** The gradio path of the callee (`Image`, `components.Image`, `inputs.Image`). */
  path: string;
  kw: KeywordArg;
}

/** Keyword arguments `keywords` passed to gradio calls of `classes` (or their subclasses), where the keyword was
 *  accepted by an older release and is not accepted by name any more (`keepNamed` keeps those still named, for
 *  deprecations that still work). */
export function keywordHits(ctx: RuleContext, classes: readonly string[], keywords: readonly string[], keepNamed = false): KeywordHit[] {
  const out: KeywordHit[] = [];
  // The answer depends only on (path, keyword): files repeat the same calls many times.
  const known = new Map<string, boolean>();
  const wanted = (path: string, name: string) => {
    const key = `${path}\0${name}`;
    let v = known.get(key);
    if (v === undefined) {
      v = isOfClass(path, classes) && keywordExistedBefore(ctx, path, name) && (keepNamed || !keywordStillNamed(ctx, path, name));
      known.set(key, v);
    }
    return v;
  };
  const index = keywordIndex(ctx.model);
  for (const name of keywords) for (const hit of index.get(name) ?? []) if (wanted(hit.path, name)) out.push(hit);
  return out.sort((a, b) => a.kw.node.startIndex - b.kw.node.startIndex);
}

const keywordIndexes = new WeakMap<Model, Map<string, KeywordHit[]>>();

/** Every keyword argument of a gradio call, by keyword: the migration rules look up a few keywords each. */
function keywordIndex(model: Model): Map<string, KeywordHit[]> {
  let index = keywordIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const g of model.gradioCalls) {
      for (const [name, kw] of g.call.args.keywords) {
        let hits = index.get(name);
        if (!hits) index.set(name, (hits = []));
        hits.push({ call: g.call, path: g.path, kw });
      }
    }
    keywordIndexes.set(model, index);
  }
  return index;
}

/** The target release(s) take `kw` in a call to `path` at all (by name or through `**kwargs`). */
export function keywordAccepted(ctx: RuleContext, path: string, kw: string): boolean {
  return ctx.apis.some((a) => {
    const p = callParams(a, path);
    return !!p && p.some((x) => x.k === '**' || (x.n === kw && (x.k === 'p' || x.k === 'k')));
  });
}

/** Keyword arguments of event-listener calls (`x.click(...)`, `gr.on(...)`) that an older release took. */
export function listenerKeywordHits(ctx: RuleContext, keywords: readonly string[], keepNamed = false): { listener: Listener; kw: KeywordArg }[] {
  const out: { listener: Listener; kw: KeywordArg }[] = [];
  const paramsOf = (a: Api, event: string) => (event === 'on' ? a.listener.onParams : a.listener.params);
  for (const l of ctx.model.listeners) {
    if (l.event === 'Interface') continue;
    for (const name of keywords) {
      const kw = l.call.args.keywords.get(name);
      if (!kw) continue;
      if (!releasesBefore(ctx.version).some((v) => names(paramsOf(api(v), l.event), name))) continue;
      if (!keepNamed && ctx.apis.some((a) => names(paramsOf(a, l.event), name))) continue;
      out.push({ listener: l, kw });
    }
  }
  return out;
}

/** `launch(...)` / `queue(...)` keyword arguments an older release took and the target does not. */
export function appMethodKeywordHits(ctx: RuleContext, method: 'launch' | 'queue', keywords: readonly string[]):
  { app: App; call: CallSite; kw: KeywordArg }[] {
  const out: { app: App; call: CallSite; kw: KeywordArg }[] = [];
  const paramsOf = (a: Api, kind: string) => classOf(a, kind)?.methods?.[method];
  for (const app of ctx.model.apps) {
    for (const m of method === 'launch' ? app.launches : app.queues) {
      for (const name of keywords) {
        const kw = m.call.args.keywords.get(name);
        if (!kw) continue;
        if (!releasesBefore(ctx.version).some((v) => names(paramsOf(api(v), app.kind), name))) continue;
        if (ctx.apis.some((a) => names(paramsOf(a, app.kind), name))) continue;
        out.push({ app, call: m.call, kw });
      }
    }
  }
  return out;
}

/** The target exports `gradio.NAME`. */
export function targetHas(ctx: RuleContext, name: string): boolean {
  return ctx.apis.every((a) => a.resolve(name) !== undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// References to removed names

/** `gr.NAME`, `gr.components.NAME` and `from gradio import NAME` references to one of `names`. */
export function nameRefs(model: Model, names: ReadonlySet<string>): GradioRef[] {
  return model.refs.filter((r) => names.has(r.name) && (r.namespace === '' || r.namespace === 'components' || r.namespace === 'layouts'));
}

/** The reference is `from gradio import NAME` (its node is the imported name). */
export function isImportRef(ref: GradioRef): boolean {
  return ref.node.type !== 'attribute';
}

/** Renames a reference: `gr.Box` -> `gr.Group`; `from gradio import Box` -> `from gradio import Group as Box` so that
 *  the local name keeps working. */
export function renameRef(ref: GradioRef, to: string): OffsetEdit {
  if (isImportRef(ref)) {
    const aliased = ref.node.parent?.type === 'aliased_import';
    return { start: ref.nameNode.startIndex, end: ref.nameNode.endIndex, text: aliased ? to : `${to} as ${ref.name}` };
  }
  return { start: ref.nameNode.startIndex, end: ref.nameNode.endIndex, text: to };
}

// ---------------------------------------------------------------------------------------------------------------
// Edits

export function text(ctx: RuleContext, node: Node): string {
  return ctx.text.slice(node.startIndex, node.endIndex);
}

export function renameKeyword(kw: KeywordArg, to: string): OffsetEdit {
  return { start: kw.nameNode.startIndex, end: kw.nameNode.endIndex, text: to };
}

export function replaceNode(node: Node, by: string): OffsetEdit {
  return { start: node.startIndex, end: node.endIndex, text: by };
}

/** Removes a keyword argument: its whole line (with its comma and trailing comment) when it sits alone on its
 *  line(s) in a multi-line call, else the argument and one separating comma. */
export function removeKeyword(kw: KeywordArg): OffsetEdit {
  return ownLines(kw.node) ?? removeArgument(kw.node);
}

/** The whole text of the node's file. */
function sourceOf(node: Node): string {
  return node.tree.text;
}

/** The line range of an argument written on lines of its own: `    name=value,  # comment\n`. */
function ownLines(arg: Node): OffsetEdit | undefined {
  const src = sourceOf(arg);
  let start = arg.startIndex;
  while (start > 0 && (src[start - 1] === ' ' || src[start - 1] === '\t')) start--;
  if (start > 0 && src[start - 1] !== '\n' && src[start - 1] !== '\r') return undefined;
  const rest = /^[ \t]*,?[ \t]*(#[^\r\n]*)?(\r\n|\r|\n)/.exec(src.slice(arg.endIndex));
  if (!rest) return undefined;
  return { start, end: arg.endIndex + rest[0].length, text: '' };
}

/** Removes several arguments of one list, as edits that never overlap. */
export function removeArguments(args: Node[]): OffsetEdit[] {
  if (!args.length) return [];
  const list = args[0].parent;
  const all = list ? (list.namedChildren.filter((c) => c && c.type !== 'comment') as Node[]) : args;
  const gone = new Set(args.map((a) => a.id));
  const kept = all.filter((c) => !gone.has(c.id));
  // Arguments on lines of their own go with their lines.
  const lines = args.map(ownLines);
  if (lines.every((l) => l)) return lines as OffsetEdit[];
  if (!kept.length && list?.type === 'argument_list') {
    // Empty the list, trailing comma included.
    return [{ start: list.startIndex + 1, end: list.endIndex - 1, text: '' }];
  }
  if (!kept.length) return [{ start: all[0].startIndex, end: all[all.length - 1].endIndex, text: '' }];
  // Each removed run of arguments goes with the separator after it, or before it when it ends the list.
  const edits: OffsetEdit[] = [];
  let i = 0;
  while (i < all.length) {
    if (!gone.has(all[i].id)) { i++; continue; }
    let j = i;
    while (j + 1 < all.length && gone.has(all[j + 1].id)) j++;
    const next = all[j + 1];
    if (next) edits.push({ start: all[i].startIndex, end: next.startIndex, text: '' });
    else edits.push({ start: all[i - 1].endIndex, end: all[j].endIndex, text: '' });
    i = j + 1;
  }
  return edits;
}

/** Adds `name=value` to a call: replaces the value when the call already has the keyword, else appends it. */
export function setKeyword(ctx: RuleContext, call: CallSite, name: string, value: string): OffsetEdit | undefined {
  const existing = call.args.keywords.get(name);
  if (existing) return replaceNode(existing.value, value);
  if (!call.args.list) return undefined;
  return appendArgument(ctx.text, call.args.list, `${name}=${value}`);
}

/** `gr` in `gr.X`: the local name of the gradio module, for code a fix adds. */
export function gradioPrefix(model: Model): string | undefined {
  const name = gradioModuleName(model);
  return name === undefined ? undefined : `${name}.`;
}

/** Python source for a string value. */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

export function pyList(items: readonly string[]): string {
  return `[${items.map(pyString).join(', ')}]`;
}

/** A literal True / False / None. */
export function literalOf(node: Node): ReturnType<typeof literalValue> {
  return literalValue(node);
}

// ---------------------------------------------------------------------------------------------------------------
// Moving an expression to another place in the file

/** True when `node` means the same thing at `to` (in scope `toScope`) as where it is now: literals, and names bound
 *  once at module level (or imported), combined with attribute access, operators, containers and calls of gradio
 *  callables. */
export function isPortable(model: Model, node: Node, from: Scope, toScope: Scope, toOffset: number, depth = 0): boolean {
  if (depth > 12) return false;
  const n = unwrap(node);
  switch (n.type) {
    case 'string': case 'concatenated_string': case 'integer': case 'float': case 'true': case 'false': case 'none':
      for (const c of n.descendantsOfType('interpolation')) {
        const e = c?.namedChildren.find((x) => x && x.type !== 'format_specifier' && x.type !== 'type_conversion');
        if (c && e && !isPortable(model, e, from, toScope, toOffset, depth + 1)) return false;
      }
      return true;
    case 'identifier': {
      const here = model.lookup(n.text, from, n.startIndex);
      if (!here) return isBuiltin(n.text);
      const there = model.lookup(n.text, toScope, toOffset);
      if (here !== there) return false;
      const all = model.module.bindings.get(n.text) ?? [];
      return all.includes(here) && all.length === 1 && here.target.startIndex < toOffset;
    }
    case 'attribute':
      return isPortable(model, n.childForFieldName('object')!, from, toScope, toOffset, depth + 1);
    case 'call': {
      const callee = n.childForFieldName('function');
      if (!callee) return false;
      if (model.pathOf(callee) === undefined && !isPortable(model, callee, from, toScope, toOffset, depth + 1)) return false;
      const args = n.childForFieldName('arguments');
      for (const a of args?.namedChildren ?? []) {
        if (!a || a.type === 'comment') continue;
        const v = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
        if (v && !isPortable(model, v, from, toScope, toOffset, depth + 1)) return false;
      }
      return true;
    }
    case 'binary_operator': case 'unary_operator': case 'boolean_operator': case 'comparison_operator':
    case 'list': case 'tuple': case 'dictionary': case 'pair': case 'set': case 'conditional_expression':
      for (const c of n.namedChildren) if (c && c.type !== 'comment' && !isPortable(model, c, from, toScope, toOffset, depth + 1)) return false;
      return true;
  }
  return false;
}

function isBuiltin(name: string): boolean {
  return ['True', 'False', 'None', 'dict', 'list', 'tuple', 'str', 'int', 'float', 'len', 'open', '__file__'].includes(name);
}

/** The launch calls of the app a constructor call creates, when the file launches it. */
export function launchesOf(model: Model, call: CallSite): CallSite[] {
  const app = model.apps.find((a) => a.call?.node.id === call.node.id);
  return app ? app.launches.map((m) => m.call) : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Table-driven keyword changes

export interface KeywordChange {
  /** Classes (or their subclasses) whose constructor had the keyword. */
  classes: readonly string[];
  keyword: string;
  /** First release where passing it raises. */
  removed?: string;
  /** First release where it still works but warns (or is ignored). */
  deprecated?: string;
  /** The keyword it became (same value). */
  to?: string;
  /** The fix cannot change what the program does. */
  safe: boolean;
  /** What to do instead, for the message. */
  advice: string;
}

/** Reports each keyword of `changes` at its `name=value` node, with a rename or delete fix. */
export function checkKeywordChanges(ctx: RuleContext, changes: readonly KeywordChange[]): void {
  for (const c of changes) {
    const severity = phase(ctx, c);
    if (!severity) continue;
    for (const hit of keywordHits(ctx, c.classes, [c.keyword], severity === 'warning')) {
      const fixes = [];
      const args = hit.call.args.keywords;
      if (c.to && !args.has(c.to)) {
        fixes.push({ title: `Rename to \`${c.to}=\``, safe: c.safe, edits: [renameKeyword(hit.kw, c.to)] });
      } else {
        fixes.push({ title: `Remove \`${c.keyword}=\``, safe: c.safe && !c.to, edits: [removeKeyword(hit.kw)] });
      }
      ctx.report({
        node: hit.kw.node,
        severity,
        message: keywordMessage(ctx, `${classNameOf(hit.path)}(${c.keyword}=...)`, c, c.advice),
        fixes,
      });
    }
  }
}

/** "`Image(source=...)` was removed in Gradio 4.0: <advice>" (or "is deprecated since ..."). */
export function keywordMessage(ctx: RuleContext, what: string, when: { removed?: string; deprecated?: string }, advice: string): string {
  const sev = phase(ctx, when);
  const head = sev === 'error'
    ? `\`${what}\` was removed in Gradio ${short(when.removed!)}`
    : `\`${what}\` is deprecated since Gradio ${short(when.deprecated!)}`;
  return `${head}: ${advice}`;
}

// ---------------------------------------------------------------------------------------------------------------
// 3.x sketching images -> gr.ImageEditor / gr.Sketchpad (4.5+)

const SKETCH_KEYWORDS = ['source', 'tool', 'brush_radius', 'brush_color', 'mask_opacity', 'shape', 'invert_colors'];

/** The 3.x `gr.Image(tool="sketch")` call as a `gr.ImageEditor(...)` (or `gr.Sketchpad(...)` for a blank canvas)
 *  call; undefined when the target lacks those classes or the callee cannot be rewritten. Never safe: the handler
 *  then receives an editor value (background, layers, composite) instead of an image and a mask. */
export function imageEditorFix(ctx: RuleContext, call: CallSite): { title: string; safe: false; edits: OffsetEdit[] } | undefined {
  const kws = call.args.keywords;
  const source = kws.get('source');
  const canvas = source && literalOf(source.value) === 'canvas';
  const target = canvas ? 'Sketchpad' : 'ImageEditor';
  if (!targetHas(ctx, target) || !targetHas(ctx, 'Brush')) return undefined;
  if (call.args.starArgs || call.args.starKwargs) return undefined;
  const edits: OffsetEdit[] = [];
  const callee = call.callee;
  if (callee.type === 'attribute') {
    const attr = callee.childForFieldName('attribute')!;
    edits.push(replaceNode(attr, target));
  } else {
    const prefix = gradioPrefix(ctx.model);
    if (!prefix) return undefined;
    edits.push(replaceNode(callee, `${prefix}${target}`));
  }
  const gr = gradioPrefix(ctx.model) ?? (callee.type === 'attribute' ? `${text(ctx, callee.childForFieldName('object')!)}.` : undefined);
  if (!gr) return undefined;
  const brush: string[] = [];
  const radius = kws.get('brush_radius');
  const color = kws.get('brush_color');
  if (radius) brush.push(`default_size=${text(ctx, radius.value)}`);
  if (color) brush.push(`colors=[${text(ctx, color.value)}]`);
  const sourceValue = source && literalOf(source.value);
  const added: string[] = [];
  if (source && !canvas && !kws.has('sources')) added.push(typeof sourceValue === 'string' ? `sources=${pyList([sourceValue])}` : `sources=[${text(ctx, source.value)}]`);
  if (brush.length && !kws.has('brush')) added.push(`brush=${gr}Brush(${brush.join(', ')})`);
  const gone = SKETCH_KEYWORDS.map((k) => kws.get(k)).filter((k): k is KeywordArg => !!k);
  // The first removed keyword becomes the added ones; the rest go.
  if (added.length && gone.length) {
    edits.push(replaceNode(gone[0].node, added.join(', ')));
    edits.push(...removeArguments(gone.slice(1).map((k) => k.node)).map((e) => clipAround(e, gone[0].node)));
  } else {
    edits.push(...removeArguments(gone.map((k) => k.node)));
  }
  return { title: `Use \`gr.${target}\` (its value is a dict of background, layers and composite)`, safe: false, edits };
}

/** Keeps a removal edit from swallowing `keep` (when removing the arguments around one that is rewritten). */
function clipAround(e: OffsetEdit, keep: Node): OffsetEdit {
  if (e.start < keep.endIndex && e.end > keep.startIndex) {
    return e.start < keep.startIndex ? { ...e, end: keep.startIndex } : { ...e, start: keep.endIndex };
  }
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// App-level keywords moved from the constructor to launch() (6.0)

/** The fix that moves `kw` from an app constructor to every `launch(...)` (or `gr.mount_gradio_app(...)`) of that
 *  app in the file; undefined when the file never launches or mounts it. */
export function moveToLaunchFix(ctx: RuleContext, call: CallSite, kw: KeywordArg): { fix: { title: string; safe: boolean; edits: OffsetEdit[] }; where: string } | undefined {
  const app = ctx.model.apps.find((a) => a.call?.node.id === call.node.id);
  if (!app) return undefined;
  const targets: CallSite[] = app.launches.map((m) => m.call);
  let where = app.names[0] ? `${app.names[0]}.launch(...)` : 'launch(...)';
  if (!targets.length) {
    for (const g of ctx.model.gradioCalls) {
      if (g.path !== 'mount_gradio_app' && g.path !== 'routes.mount_gradio_app') continue;
      const blocks = g.call.args.keywords.get('blocks')?.value ?? g.call.args.positional[1];
      const e = blocks && ctx.model.entityOf(blocks, g.call.scope);
      if (e?.kind === 'app' && e.app === app) targets.push(g.call);
    }
    where = 'gr.mount_gradio_app(...)';
  }
  if (!targets.length || targets.some((t) => !t.args.list || t.args.starKwargs)) return undefined;
  const value = text(ctx, kw.value);
  const edits: OffsetEdit[] = [removeKeyword(kw)];
  let safe = true;
  for (const t of targets) {
    if (t.args.keywords.has(kw.name)) continue; // the launch value already wins
    edits.push(appendArgument(ctx.text, t.args.list!, `${kw.name}=${value}`));
    if (!isPortable(ctx.model, kw.value, call.scope, t.scope, t.node.startIndex)) safe = false;
  }
  const title = `Move \`${kw.name}=\` to \`${where}\`${safe ? "" : " (check that the value is defined there)"}`;
  return { fix: { title, safe, edits }, where };
}

/** Reports each reference to a name of `REMOVED_NAMES` owned by `rule`, with the rename fix when there is one. */
export function checkRemovedNames(ctx: RuleContext, rule: string, table: Readonly<Record<string, import('../knowledge/migrations').RemovedName>>): void {
  const names = new Set(Object.keys(table).filter((n) => table[n].rule === rule));
  for (const ref of nameRefs(ctx.model, names)) {
    const entry = table[ref.name];
    if (compareVersions(ctx.version, entry.removed) < 0) continue;
    if (ctx.apis.some((a) => a.resolve(ref.namespace ? `${ref.namespace}.${ref.name}` : ref.name) !== undefined)) continue;
    const fixes = entry.rename && targetHas(ctx, entry.rename)
      ? [{ title: `Use \`${entry.rename}\``, safe: !!entry.safe, edits: [renameRef(ref, entry.rename)] }]
      : [];
    ctx.report({
      node: ref.node,
      message: `\`gradio.${ref.name}\` was removed in Gradio ${short(entry.removed)}: ${entry.advice}${entry.rename ? `; use \`gr.${entry.rename}\`` : ''}`,
      fixes,
    });
  }
}

/** True when the file uses a keyword or name that a release before `before` had and the target has not: it was
 *  written for an older Gradio. Used by hover-like rules that only matter when upgrading. */
export function writtenForOlderGradio(ctx: RuleContext, before: string): boolean {
  const older = releasesBefore(before).map((v) => api(v));
  for (const g of ctx.model.gradioCalls) {
    for (const name of g.call.args.keywords.keys()) {
      if (ctx.apis.some((a) => namesKeyword(a, g.path, name))) continue;
      if (older.some((a) => namesKeyword(a, g.path, name))) return true;
    }
  }
  for (const l of ctx.model.listeners) {
    if (l.event === 'Interface') continue;
    for (const name of l.call.args.keywords.keys()) {
      if (ctx.apis.some((a) => names(a.listener.params, name))) continue;
      if (older.some((a) => names(a.listener.params, name))) return true;
    }
  }
  for (const ref of ctx.model.refs) {
    const path = ref.namespace ? `${ref.namespace}.${ref.name}` : ref.name;
    if (ctx.apis.some((a) => a.resolve(path) !== undefined)) continue;
    if (older.some((a) => a.resolve(path) !== undefined)) return true;
  }
  return false;
}
