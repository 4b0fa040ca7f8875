// What the app-level rules (queue, launch, auth) need to know about `launch(...)` and `queue(...)` calls, and the
// module's Python imports (for fixes that add `import os`). Small local looks at call arguments and at the module's
// top-level statements; nothing here walks the tree.
import type { Model } from '../model/link';
import type { App, CallSite, KeywordArg, MethodCall } from '../model/types';
import type { Node } from '../parse';
import { stringValue, unwrap } from '../tree';
import type { OffsetEdit } from './types';

/** The keyword argument `name=` of a call, if written. */
export function keyword(call: CallSite, name: string): KeywordArg | undefined {
  return call.args.keywords.get(name);
}

export function isTrueLiteral(node: Node | null | undefined): boolean {
  return !!node && unwrap(node).type === 'true';
}

export function isNoneLiteral(node: Node | null | undefined): boolean {
  return !!node && unwrap(node).type === 'none';
}

/** `share=True` on the launch call, when written as a literal. */
export function shareKeyword(launch: MethodCall): KeywordArg | undefined {
  const kw = keyword(launch.call, 'share');
  return kw && isTrueLiteral(kw.value) ? kw : undefined;
}

/** Why the launched app is reachable by others: `share=True`, `server_name="0.0.0.0"`, or the project is a Space.
 *  Only literal values count: `share=args.share` may well be False. */
export function publicReason(launch: MethodCall, isSpace: boolean): string | undefined {
  // On a Space `share=True` is ignored: the Space itself is what makes the app public.
  if (isSpace) return 'a Hugging Face Space';
  if (shareKeyword(launch)) return '`share=True`';
  const host = keyword(launch.call, 'server_name');
  const name = host && stringValue(host.value);
  if (name === '0.0.0.0' || name === '::') return `\`server_name="${name}"\``;
  return undefined;
}

/** The local name the launch is called on (`demo` in `demo.launch()`), when it is a plain name. */
export function receiverName(call: CallSite): string | undefined {
  const obj = call.callee.type === 'attribute' ? call.callee.childForFieldName('object') : null;
  const inner = obj && unwrap(obj);
  return inner?.type === 'identifier' ? inner.text : undefined;
}

/** The queue calls that configure the app, including `.queue(...)` calls on a name the app is bound to that the
 *  model could not resolve (kept for safety: they may well be the same app). */
export function queueCallsOf(model: Model, app: App): CallSite[] {
  const out = app.queues.map((q) => q.call);
  for (const { call: c, name } of namedQueueCalls(model)) {
    if (out.includes(c)) continue;
    // Inside a function, only the apps that function builds share its names.
    if (name && app.names.includes(name) && (!c.fn || !app.call || c.fn === app.call.fn)) out.push(c);
  }
  return out;
}

const queueCallsCache = new WeakMap<Model, { call: CallSite; name: string | undefined }[]>();

/** Every `X.queue(...)` call of the file that the model did not link to an app, with its receiver's name, found once
 *  per model (a file with many apps would otherwise look at every call once per app). A linked call belongs to its
 *  app only: two builder functions that each name their app `demo` each have their own queue. */
function namedQueueCalls(model: Model): { call: CallSite; name: string | undefined }[] {
  let out = queueCallsCache.get(model);
  if (!out) {
    out = [];
    const linked = new Set(model.apps.flatMap((a) => a.queues.map((q) => q.call)));
    for (const c of model.calls) {
      if (linked.has(c) || model.methodOf(c)?.name !== 'queue') continue;
      out.push({ call: c, name: receiverName(c) });
    }
    queueCallsCache.set(model, out);
  }
  return out;
}

/** True when one of the calls sets `name` (by keyword, or possibly through `*args`/`**kwargs`/positions). */
export function maySet(calls: CallSite[], name: string, position?: number): boolean {
  return calls.some((c) => c.args.keywords.has(name) || c.args.starKwargs || c.args.starArgs
    || (position !== undefined && c.args.positional.length > position));
}

const importsCache = new WeakMap<Model, Map<string, string>>();

/** Module-level `import X` / `import X as Y` / `from X import ...` statements: local name -> module. */
export function moduleImports(model: Model): Map<string, string> {
  let out = importsCache.get(model);
  if (out) return out;
  out = new Map<string, string>();
  importsCache.set(model, out);
  for (const stmt of model.root.namedChildren) {
    if (!stmt) continue;
    if (stmt.type === 'import_statement') {
      for (const c of stmt.namedChildren) {
        if (!c) continue;
        if (c.type === 'dotted_name') out.set(c.text.split('.')[0], c.text.split('.')[0]);
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          const alias = c.childForFieldName('alias')?.text;
          if (name && alias) out.set(alias, name);
        }
      }
    } else if (stmt.type === 'import_from_statement') {
      const mod = stmt.childForFieldName('module_name')?.text;
      if (!mod) continue;
      for (let c = stmt.childForFieldName('module_name')?.nextNamedSibling; c; c = c.nextNamedSibling) {
        const name = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : c.type === 'dotted_name' ? c.text : undefined;
        if (name) out.set(name, `${mod}.${c.type === 'aliased_import' ? c.childForFieldName('name')?.text : c.text}`);
      }
    }
  }
  return out;
}

/** An edit adding `import M` for each of `modules` that the module does not import yet (at top level), after the
 *  leading docstring, `from __future__` imports and import block; undefined when nothing is missing. */
export function addImports(model: Model, text: string, eol: string, modules: string[]): OffsetEdit | undefined {
  const imported = moduleImports(model);
  const missing = modules.filter((m) => imported.get(m) !== m).sort();
  if (!missing.length) return undefined;
  const lines = missing.map((m) => `import ${m}`);
  let anchor: Node | null = null;
  let first = true;
  for (const stmt of model.root.namedChildren) {
    if (!stmt || stmt.type === 'comment') continue;
    const docstring = first && stmt.type === 'expression_statement' && unwrap(stmt.firstNamedChild ?? stmt).type === 'string';
    first = false;
    if (docstring || stmt.type === 'future_import_statement' || stmt.type === 'import_statement' || stmt.type === 'import_from_statement') {
      anchor = stmt;
      continue;
    }
    break;
  }
  if (!anchor) return { start: 0, end: 0, text: lines.map((l) => l + eol).join('') };
  const isImport = anchor.type === 'import_statement' || anchor.type === 'import_from_statement';
  // After a docstring or `__future__` line, leave the imports in a block of their own.
  const sep = isImport ? eol : eol + eol;
  const end = lineEnd(text, anchor.endIndex);
  return { start: end, end, text: sep + lines.join(eol) };
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The module-level statement that contains `node` (a function, `if __name__ == ...`, the statement itself). */
export function topLevelStatement(node: Node): Node {
  let stmt = node;
  while (stmt.parent && stmt.parent.type !== 'module') stmt = stmt.parent;
  return stmt;
}

/** A name not yet bound in the module or the given scope's chain, starting from `base` (`timer`, `timer_2`, ...). */
export function freshName(model: Model, call: CallSite, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    if (!model.lookup(name, call.scope, call.node.startIndex) && !model.module.bindings.has(name)) return name;
  }
}
