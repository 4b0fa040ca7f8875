// What the wiring rules need to know about a handler: how many inputs it takes, whether it is a generator,
// and whether its signature can be trusted (decorators may change it).
import type { Model } from '../model/link';
import type { FunctionInfo, Listener, Param } from '../model/types';
import type { Node } from '../parse';
import { api, NEWEST_VERSION } from '../knowledge';
import { unwrap } from '../tree';

/** Decorators known to keep the wrapped function's signature. */
const TRANSPARENT_DECORATORS = /^(spaces\.GPU|GPU|torch\.no_grad|torch\.inference_mode|torch\.enable_grad|no_grad|inference_mode|functools\.(lru_cache|cache|wraps)|lru_cache|cache|staticmethod|traceable|weave\.op|observe)$/;

/** True when every decorator on the handler is a gradio listener/registration or known to keep the signature. */
export function signatureIsReliable(model: Model, fn: FunctionInfo): boolean {
  for (const d of fn.decorators) {
    let expr = d.firstNamedChild;
    if (!expr) return false;
    if (expr.type === 'call') expr = expr.childForFieldName('function') ?? expr;
    const name = expr.text.replace(/\s+/g, '');
    if (TRANSPARENT_DECORATORS.test(name)) continue;
    if (model.listenerOfDecorator(d)) continue;
    return false;
  }
  return true;
}

/** Parameters Gradio fills itself (not from `inputs`), mirroring gradio.utils.is_special_typed_parameter. */
export function isSpecialParam(model: Model, p: Param): boolean {
  if (!p.annotation) return false;
  let text = p.annotation.text.trim();
  const str = unwrap(p.annotation);
  if (str.type === 'string' || (str.type === 'type' && str.firstNamedChild?.type === 'string')) text = text.replace(/^['"]+|['"]+$/g, '');
  const optional = /^(?:typing\.)?Optional\[(.+)\]$/.exec(text) ?? /^(.+?)\s*\|\s*None$/.exec(text) ?? /^None\s*\|\s*(.+)$/.exec(text);
  const inner = optional ? optional[1].trim() : text;
  const cls = gradioClassName(model, inner);
  if (!cls) return false;
  if (['Request', 'OAuthProfile', 'OAuthToken', 'Header'].includes(cls)) return true;
  // EventData subclasses count only when not wrapped in Optional (inspect.isclass on the hint).
  return !optional && isEventData(cls);
}

function gradioClassName(model: Model, dotted: string): string | undefined {
  if (!/^[A-Za-z_][\w.]*$/.test(dotted)) return undefined;
  const parts = dotted.split('.');
  const base = model.aliases.get(parts[0]);
  if (base === undefined) return undefined;
  const path = [base, ...parts.slice(1)].filter(Boolean).join('.');
  const last = path.split('.').pop();
  return last;
}

const eventDataCache = new Map<string, boolean>();
function isEventData(name: string): boolean {
  let v = eventDataCache.get(name);
  if (v === undefined) {
    const cls = api(NEWEST_VERSION).classByName(name);
    v = name === 'EventData' || !!cls?.mro.includes('EventData');
    eventDataCache.set(name, v);
  }
  return v;
}

export interface Arity { min: number; max: number; /** A keyword-only parameter without default: every call fails. */ kwOnlyRequired: Param | null }

/** How many positional inputs the handler accepts (max = Infinity with *args). */
export function arityOf(model: Model, fn: FunctionInfo): Arity {
  let min = 0, max = 0, kwOnlyRequired: Param | null = null;
  for (const p of fn.params) {
    if (p.kind === 'positional' || p.kind === 'positional_only') {
      if (isSpecialParam(model, p)) continue;
      if (!p.default) min++;
      max++;
    } else if (p.kind === 'var_positional') max = Infinity;
    else if (p.kind === 'keyword_only' && !p.default) kwOnlyRequired ??= p;
  }
  return { min, max, kwOnlyRequired };
}

/** The number of values the listener passes to its handler, or undefined when not knowable. */
export function inputCount(l: Listener): number | undefined {
  switch (l.inputs.kind) {
    case 'absent': case 'none': return 0;
    case 'set': return 1;
    case 'single': return 1;
    case 'list': return l.inputs.items.length;
    default: return undefined;
  }
}

/** Number of declared outputs, or undefined when not knowable (or a set, which takes a dict return). */
export function outputCount(l: Listener): number | undefined {
  switch (l.outputs.kind) {
    case 'absent': case 'none': return 0;
    case 'single': return 1;
    case 'list': return l.outputs.items.length;
    default: return undefined;
  }
}

export function isGenerator(fn: FunctionInfo): boolean {
  return fn.yields.length > 0;
}

/** The listener's keyword value if it is a literal `True`. */
export function isTrueKeyword(l: Listener, name: string): boolean {
  const v = l.call.args.keywords.get(name)?.value;
  return !!v && unwrap(v).type === 'true';
}

/** Where a wiring finding points: the decorator of a decorated listener, else the call. */
export function listenerNode(l: Listener): Node {
  return l.call.decorator ?? l.call.node;
}
