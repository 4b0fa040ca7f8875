// Questions about signatures, asked of the API tables around the target version.
import type { Api, ClassInfo, ParamInfo } from './index';

/** Parameters of what `path` denotes when called (a class's __init__ or a function), or undefined. */
export function callParams(api: Api, path: string): ParamInfo[] | undefined {
  const r = api.resolve(path);
  if (r?.kind === 'class') return r.info.init ?? undefined;
  if (r?.kind === 'function') return r.info.params;
  return undefined;
}

/** True when the parameter list takes `name` as a keyword (or has **kwargs). */
export function acceptsKeyword(params: ParamInfo[], name: string): boolean {
  return params.some((p) => p.k === '**' || (p.n === name && (p.k === 'p' || p.k === 'k')));
}

export function keywordNames(params: ParamInfo[]): string[] {
  return params.filter((p) => p.k === 'p' || p.k === 'k').map((p) => p.n);
}

/** The class of a component or app in this release, by the path used in code or by class name. */
export function classOf(api: Api, path: string): ClassInfo | undefined {
  const r = api.resolve(path);
  return r?.kind === 'class' ? r.info : undefined;
}

/** The parameters a listener call accepts: `gr.on(...)` or `x.<event>(...)`. */
export function listenerParams(api: Api, event: string): ParamInfo[] {
  return event === 'on' ? api.listener.onParams : api.listener.params;
}
