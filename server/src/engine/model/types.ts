// The Gradio model of one file: what the rules read instead of walking the tree again.
import type { Node } from '../parse';

export interface KeywordArg {
  name: string;
  /** The whole `name=value` node. */
  node: Node;
  nameNode: Node;
  value: Node;
}

export interface CallArgs {
  list: Node | null;
  /** Positional argument expressions, in order (splats excluded). */
  positional: Node[];
  keywords: Map<string, KeywordArg>;
  /** `*args` present: positional arity is unknown. */
  starArgs: boolean;
  /** `**kwargs` present: keywords are not all visible. */
  starKwargs: boolean;
}

export interface Binding {
  name: string;
  /** The name node that is bound. */
  target: Node;
  /** The right-hand side, when the binding is a plain `name = value` or `with value as name`. */
  value: Node | null;
  kind: 'assign' | 'with' | 'param' | 'def' | 'import' | 'loop' | 'other';
}

export interface Scope {
  kind: 'module' | 'function' | 'class';
  node: Node;
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  fn: FunctionInfo | null;
}

export interface WithFrame {
  /** The expression of the `with` item (without `as`). */
  expr: Node;
  alias: string | null;
}

export interface CallSite {
  node: Node;
  callee: Node;
  args: CallArgs;
  scope: Scope;
  /** Enclosing `with` items, outermost first (only those in the same function body). */
  withs: WithFrame[];
  /** The innermost function (def or lambda) containing the call, if any. */
  fn: FunctionInfo | null;
  inClass: boolean;
  /** The decorator node when the call is a decorator expression (`@btn.click(...)`). */
  decorator: Node | null;
  /** The function a decorator call decorates. */
  decorates: FunctionInfo | null;
  /** The callee's gradio path, once `Model.calleePath` looked (null: not gradio). */
  path?: string | null;
  /** `x.method` of an attribute callee, once `Model.methodOf` looked (null: not an attribute). */
  method?: { name: string | undefined; nameNode: Node | null; receiver: Node | null } | null;
}

export interface Param {
  name: string;
  node: Node;
  kind: 'positional' | 'positional_only' | 'keyword_only' | 'var_positional' | 'var_keyword';
  default: Node | null;
  annotation: Node | null;
}

export interface Assignment {
  /** Left-hand side node (identifier, attribute, subscript, pattern). */
  target: Node;
  value: Node | null;
  /** `=`, `+=`, ... */
  op: string;
  node: Node;
}

export interface FunctionInfo {
  node: Node;
  kind: 'def' | 'lambda';
  name: string | null;
  params: Param[];
  isAsync: boolean;
  decorators: Node[];
  /** Body block (def) or expression (lambda). */
  body: Node;
  scope: Scope;
  /** True when defined directly in a class body. */
  isMethod: boolean;
  returns: { node: Node; value: Node | null }[];
  yields: Node[];
  globals: Set<string>;
  /** Calls in the function's own body (nested functions excluded). */
  calls: CallSite[];
  assignments: Assignment[];
}

export type AppKind = 'Blocks' | 'Interface' | 'ChatInterface' | 'TabbedInterface';

export interface App {
  kind: AppKind;
  /** The constructor call, when visible. */
  call: CallSite | null;
  /** Names the app is bound to (`demo`, and `app = build()` aliases). */
  names: string[];
  launches: MethodCall[];
  queues: MethodCall[];
}

export interface MethodCall {
  call: CallSite;
  method: 'launch' | 'queue';
  app: App;
}

export interface Component {
  call: CallSite;
  /** The gradio path of the callee, e.g. `Textbox`, `components.Textbox`, `inputs.Textbox`. */
  path: string;
  /** Class name after aliases (`Text` becomes `Textbox`). */
  className: string;
  /** Variable the component is bound to, if any. */
  name: string | null;
  /** The Blocks-like app whose `with` encloses the constructor. */
  app: App | null;
}

export interface IOItem {
  node: Node;
  component: Component | null;
}

export interface IO {
  node: Node | null;
  /** absent: not passed; none: `None`/`[]`; single: one component; list: list/tuple literal; set: set literal;
   *  unknown: anything not resolvable. */
  kind: 'absent' | 'none' | 'single' | 'list' | 'set' | 'unknown';
  items: IOItem[];
}

export interface Listener {
  call: CallSite;
  /** `click`, `change`, ..., `on` for `gr.on`, `then`/`success`/`failure`, `Interface` for `gr.Interface(fn, ...)`. */
  event: string;
  /** `x` in `x.click(...)`; null for `gr.on` and Interface. */
  receiver: Node | null;
  trigger: { component?: Component; app?: App; listener?: Listener } | null;
  fnNode: Node | null;
  handler: FunctionInfo | null;
  inputs: IO;
  outputs: IO;
}

export interface GradioCall {
  call: CallSite;
  /** Path relative to the gradio package, e.g. `Textbox`, `themes.Soft`, `update`. */
  path: string;
}

/** A reference `gr.NAME` / `gradio.components.NAME` (attribute) or `from gradio import NAME`. */
export interface GradioRef {
  node: Node;
  /** The namespace (``, `components`, `layouts`, `themes`, `templates`, `inputs`, `outputs`). */
  namespace: string;
  name: string;
  nameNode: Node;
}
