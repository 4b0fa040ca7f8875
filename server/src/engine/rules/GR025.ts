import type { Rule, RuleContext, FixSpec } from './types';
import type { CallSite, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { lineStartAt, stringValue, unwrap } from '../tree';
import { pythonImports, qualifiedName, statementNode, usesOf, wiredHere } from './body';

/** Loaders by their imported origin. `*.from_pretrained(...)` is recognised by its method name. */
const LOADERS = new Set([
  'transformers.pipeline', 'torch.load', 'joblib.load', 'whisper.load_model', 'spacy.load',
  'keras.models.load_model', 'tensorflow.keras.models.load_model', 'tf_keras.models.load_model', 'keras.saving.load_model',
  'sentence_transformers.SentenceTransformer', 'ultralytics.YOLO',
]);
const CACHE_DECORATORS = /^(functools\.)?(lru_cache|cache)\b/;

export const GR025: Rule = {
  code: 'GR025',
  title: 'Model loaded inside an event handler',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Reports a handler that loads a model on every call: \`AutoModel.from_pretrained(...)\` (any \`from_pretrained\`),
\`transformers.pipeline(...)\`, \`torch.load\`, \`joblib.load\`, Keras \`load_model\`, \`whisper.load_model\`,
\`spacy.load\`, \`SentenceTransformer(...)\` or \`YOLO(...)\` with fixed arguments.

Loads that depend on the handler's inputs (a model the user picks), loads under an \`if\` (a lazy-init guard), into
a global, an attribute or a dict, loads in a handler decorated with \`functools.lru_cache\`/\`cache\`, and handlers
that return what they loaded are not reported.

## Why is this bad?
Nothing caches the function body: every click reads the weights from disk (or downloads them) again, which takes
seconds to minutes and memory for each concurrent request.

## Example
\`\`\`python
def classify(text):
    clf = pipeline("sentiment-analysis")
    return clf(text)[0]["label"]
\`\`\`

Use instead:
\`\`\`python
clf = pipeline("sentiment-analysis")

def classify(text):
    return clf(text)[0]["label"]
\`\`\`

## Fix
"Hoist to module level" moves the assignment above the handler, when it only uses names defined at module level
(not part of fix-all).
`,
  check(ctx) {
    const done = new Set<number>();
    // A handler wired to several events is looked at once: what is found in it does not depend on the listener.
    const examined = new Set<FunctionInfo>();
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || fn.kind !== 'def' || examined.has(fn) || isCached(fn)) continue;
      examined.add(fn);
      for (const call of fn.calls) {
        if (done.has(call.node.id)) continue;
        const what = loaderName(ctx, fn, call);
        if (!what || !perCall(ctx, fn, call)) continue;
        done.add(call.node.id);
        const fix = hoist(ctx, fn, call);
        ctx.report({
          node: call.node,
          related: [wiredHere(l as Listener)],
          message: `\`${what}\` loads the model again on every call of \`${fn.name}\`: load it once at module level and reuse it`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function isCached(fn: FunctionInfo): boolean {
  return fn.decorators.some((d) => CACHE_DECORATORS.test((d.firstNamedChild?.text ?? '').replace(/\s+/g, '')));
}

/** The loader a call is, as written (`AutoModel.from_pretrained`, `pipeline`), or undefined. */
function loaderName(ctx: RuleContext, fn: FunctionInfo, call: CallSite): string | undefined {
  const callee = call.callee;
  if (ctx.model.methodOf(call)?.name === 'from_pretrained') return callee.text;
  const q = qualifiedName(ctx.model, callee, fn.scope, fn);
  if (!q || !LOADERS.has(q.replace(/^transformers\.pipelines\.pipeline$/, 'transformers.pipeline'))) return undefined;
  if (q.endsWith('.pipeline')) {
    // `pipeline(task, model=already_loaded_model)` only wraps an object.
    const model = call.args.keywords.get('model')?.value ?? call.args.positional[1];
    if (model && stringValue(model) === undefined) return undefined;
  }
  return callee.text;
}

/** True when the load runs unconditionally on each call, with fixed arguments, into a local that is not returned. */
function perCall(ctx: RuleContext, fn: FunctionInfo, call: CallSite): boolean {
  // Under an `if`/`try`/loop: a guard, a fallback, or a choice between models.
  for (let p = call.node.parent; p && p.id !== fn.node.id; p = p.parent) {
    if (['if_statement', 'conditional_expression', 'try_statement', 'for_statement', 'while_statement', 'boolean_operator', 'lambda'].includes(p.type)) return false;
  }
  // Arguments that depend on the inputs: the user chooses what to load.
  const params = new Set(fn.params.map((p) => p.name));
  if (identifiersIn(call.args.list).some((id) => params.has(id.text) || isLocal(ctx, fn, id))) return false;
  const stmt = statementNode(call.node);
  if (stmt.type === 'return_statement') return false;
  const assign = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
  if (assign?.type === 'assignment') {
    const target = assign.childForFieldName('left');
    if (!target || target.type !== 'identifier') return false;
    if (fn.globals.has(target.text)) return false;
    // Returned (e.g. to a gr.State): the handler is the loader the app calls once.
    for (const id of usesOf(fn, target.text)) {
      const p = id.parent;
      if (p?.type === 'return_statement' || ((p?.type === 'expression_list' || p?.type === 'tuple') && p.parent?.type === 'return_statement')) return false;
    }
  }
  return true;
}

function identifiersIn(node: Node | null): Node[] {
  const out: Node[] = [];
  if (!node) return out;
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier') { out.push(n); continue; }
    if (n.type === 'attribute') { const o = n.childForFieldName('object'); if (o) stack.push(o); continue; }
    if (n.type === 'keyword_argument') { const v = n.childForFieldName('value'); if (v) stack.push(v); continue; }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out;
}

/** A name bound in the handler itself (so the statement cannot move out of it). */
function isLocal(ctx: RuleContext, fn: FunctionInfo, id: Node): boolean {
  const b = ctx.model.lookup(id.text, fn.scope, id.startIndex);
  return !!b && (fn.scope.bindings.get(id.text)?.includes(b) ?? false);
}

/** Moves `name = loader(...)` from the top level of a module-level handler to just above the handler. */
function hoist(ctx: RuleContext, fn: FunctionInfo, call: CallSite): FixSpec | undefined {
  if (fn.scope.parent !== ctx.model.module) return undefined;
  const stmt = statementNode(call.node);
  if (stmt.parent?.id !== fn.body.id || stmt.type !== 'expression_statement') return undefined;
  const assign = stmt.firstNamedChild;
  const target = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
  if (!assign || target?.type !== 'identifier' || unwrap(assign.childForFieldName('right')!).id !== call.node.id) return undefined;
  const name = target.text;
  // The loader must be importable at module level (not imported inside the handler).
  let head: Node | null = call.callee;
  while (head?.type === 'attribute') head = head.childForFieldName('object');
  if (head?.type !== 'identifier' || !(pythonImports(ctx.model).has(head.text) || ctx.model.module.bindings.has(head.text))) return undefined;
  if ((fn.scope.bindings.get(name)?.length ?? 0) !== 1 || ctx.model.module.bindings.has(name)) return undefined;
  const stmts = fn.body.namedChildren.filter((c) => c && c.type !== 'comment');
  if (stmts.length < 2) return undefined;
  const start = lineStartAt(ctx.text, stmt.startIndex);
  const indent = ctx.text.slice(start, stmt.startIndex);
  if (!/^[ \t]+$/.test(indent)) return undefined;
  let end = stmt.endIndex;
  while (end < ctx.text.length && ctx.text[end] !== '\n' && ctx.text[end] !== '\r') end++;
  // A trailing comment moves with the statement; `; more` on the same line stays put, so no fix.
  const rest = ctx.text.slice(stmt.endIndex, end);
  if (rest.trim() && !rest.trim().startsWith('#')) return undefined;
  const lineEnd = end;
  if (ctx.text[end] === '\r') end++;
  if (ctx.text[end] === '\n') end++;
  const eol = ctx.lines.eol();
  const text = ctx.text.slice(stmt.startIndex, lineEnd).trimEnd().split(/\r?\n/).map((line, i) => (i === 0 || !line.startsWith(indent) ? line : line.slice(indent.length))).join(eol);
  const def = fn.node.parent?.type === 'decorated_definition' ? fn.node.parent : fn.node;
  const at = lineStartAt(ctx.text, def.startIndex);
  return {
    title: `Hoist \`${name} = ...\` to module level`,
    safe: false,
    edits: [{ start: at, end: at, text: `${text}${eol}${eol}${eol}` }, { start, end, text: '' }],
  };
}
