import type { Rule, RuleContext } from './types';
import type { CallSite, FunctionInfo, Scope } from '../model/types';
import type { Node } from '../parse';
import { dottedName, unwrap } from '../tree';
import { versionIn } from '../version';
import { appendArgument } from './edits';
import { listenerNode } from './handlers';
import { maySet, moduleImports, queueCallsOf } from './launch';

export const GR003: Rule = {
  code: 'GR003',
  title: 'Heavy handler with the default concurrency limit',
  severity: 'info',
  versions: '>=4.0.0',
  docs: `
## What it does
Points out an event whose handler clearly runs a model (a \`pipeline(...)\` or \`from_pretrained(...)\` object
called in the handler, \`.generate(...)\`, \`torch.no_grad()\`, or a \`@spaces.GPU\` function) and that keeps the
default concurrency limit: no \`concurrency_limit=\` or \`concurrency_id=\` on the event, no
\`queue(default_concurrency_limit=...)\` and no \`GRADIO_DEFAULT_CONCURRENCY_LIMIT\` in the file.

## Why is this bad?
Since Gradio 4.0 each event runs **one request at a time** unless told otherwise: while one user's generation runs,
everyone else waits in the queue. That is often what a single GPU needs, but many apps are deployed believing
requests run in parallel. Writing the limit down makes the choice visible.

## Example
\`\`\`python
btn.click(generate, prompt, image)
\`\`\`

Use instead:
\`\`\`python
btn.click(generate, prompt, image, concurrency_limit=2)
\`\`\`

## Fix
Adds \`concurrency_limit=1\` (keep one at a time, explicitly) or \`concurrency_limit=2\` to the event. Neither is
part of fix-all: the right number depends on the model's memory use.
`,
  check(ctx) {
    if (ctx.text.includes('GRADIO_DEFAULT_CONCURRENCY_LIMIT')) return;
    if (ctx.model.apps.some((a) => maySet(queueCallsOf(ctx.model, a), 'default_concurrency_limit'))) return;
    const ml = mlFile(ctx);
    for (const l of ctx.model.listeners) {
      if (!l.handler) continue;
      report(ctx, l.call, l.handler, listenerNode(l), ml);
    }
    // ChatInterface takes `concurrency_limit=` from 4.8.0.
    const chatLimit = versionIn(ctx.version, '>=4.8.0');
    for (const app of ctx.model.apps) {
      if (app.kind !== 'ChatInterface' || !app.call || !chatLimit) continue;
      const fnNode = app.call.args.keywords.get('fn')?.value ?? app.call.args.positional[0];
      const e = fnNode && ctx.model.entityOf(fnNode, app.call.scope);
      if (e?.kind === 'function') report(ctx, app.call, e.fn, app.call.node, ml);
    }
  },
};

function report(ctx: RuleContext, call: CallSite, fn: FunctionInfo, node: Node, ml: boolean) {
  const kw = call.args.keywords;
  if (kw.has('concurrency_limit') || kw.has('concurrency_id') || call.args.starKwargs) return;
  if (kw.has('queue') && unwrap(kw.get('queue')!.value).type === 'false') return;
  // Batching is the throughput setting such an event has chosen.
  if (kw.has('batch') && unwrap(kw.get('batch')!.value).type !== 'false') return;
  const heavy = heavyWork(ctx, fn, ml);
  if (!heavy) return;
  const list = call.args.list;
  const name = fn.name ? `\`${fn.name}\`` : 'The handler';
  ctx.report({
    node,
    message: `${name} ${heavy.what} and this event keeps the default \`concurrency_limit\` of 1: one request runs at a time while the others wait in the queue; set \`concurrency_limit=\` to state how many may run together`,
    related: [{ node: heavy.node, message: 'heavy work here' }],
    fixes: list ? [1, 2].map((n) => ({
      title: n === 1 ? 'Keep one run at a time, explicitly: `concurrency_limit=1`' : `Allow ${n} runs at a time: \`concurrency_limit=${n}\``,
      safe: false,
      edits: [appendArgument(ctx.text, list, `concurrency_limit=${n}`)],
    })) : [],
  });
}

const ML_MODULES = new Set(['torch', 'transformers', 'diffusers', 'tensorflow', 'keras', 'jax', 'vllm', 'llama_cpp',
  'onnxruntime', 'ultralytics', 'whisper', 'sentence_transformers', 'accelerate', 'spaces', 'timm', 'torchvision']);

/** The file imports a deep-learning library: `.generate(...)` and friends mean model inference here. */
function mlFile(ctx: RuleContext): boolean {
  for (const m of moduleImports(ctx.model).values()) if (ML_MODULES.has(m.split('.')[0])) return true;
  return false;
}

const NO_GRAD = /^torch\.(no_grad|inference_mode|autocast|cuda\.amp\.autocast|amp\.autocast)$/;

/** The first clear sign that the handler runs a model, in its own body. */
function heavyWork(ctx: RuleContext, fn: FunctionInfo, ml: boolean): { what: string; node: Node } | undefined {
  for (const d of fn.decorators) {
    const expr = d.firstNamedChild && unwrap(d.firstNamedChild);
    const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
    const name = callee && dottedName(callee);
    if (name === 'spaces.GPU' && moduleImports(ctx.model).get('spaces') === 'spaces') return { what: 'runs on a GPU (`@spaces.GPU`)', node: d };
  }
  if (!ml) return undefined;
  const imports = moduleImports(ctx.model);
  for (const c of fn.calls) {
    const name = dottedName(c.callee);
    if (!name) continue;
    const head = name.split('.')[0];
    if (imports.get(head) === 'torch' && NO_GRAD.test(`torch.${name.slice(head.length + 1)}`)) return { what: 'runs a model (`torch` inference)', node: c.node };
    if (c.callee.type === 'attribute' && name.endsWith('.generate')) return { what: `runs \`${name}(...)\``, node: c.node };
    const model = modelVariable(ctx, c);
    if (model) return { what: `runs the model \`${model}\``, node: c.node };
  }
  return undefined;
}

const CHEAP_METHODS = new Set(['to', 'eval', 'train', 'cpu', 'cuda', 'half', 'float', 'config', 'save_pretrained',
  'decode', 'batch_decode', 'encode', 'tokenize', 'convert_ids_to_tokens', 'parameters', 'named_parameters', 'state_dict']);

/** `pipe(...)` / `model.predict(...)` where the name is bound (outside the handler) to a loaded model. */
function modelVariable(ctx: RuleContext, c: CallSite): string | undefined {
  const callee = unwrap(c.callee);
  let head: Node | null = callee;
  if (callee.type === 'attribute') {
    const method = callee.childForFieldName('attribute')?.text;
    if (!method || CHEAP_METHODS.has(method)) return undefined;
    head = callee.childForFieldName('object');
  }
  if (head?.type !== 'identifier') return undefined;
  return isLoadedModel(ctx, head.text, c.scope, head.startIndex, 0) ? head.text : undefined;
}

const NOT_A_MODEL = /Tokenizer|Processor|FeatureExtractor|Config|Scheduler/;

function isLoadedModel(ctx: RuleContext, name: string, scope: Scope, offset: number, depth: number): boolean {
  if (depth > 3) return false;
  const b = ctx.model.lookup(name, scope, offset);
  // Only names bound outside the handler: a model loaded inside it is GR025's business.
  if (!b?.value || b.kind !== 'assign' || (depth === 0 && scope.fn && scope.bindings.get(name)?.includes(b))) return false;
  const v = unwrap(b.value);
  if (v.type !== 'call') return false;
  if (isLoadingCall(ctx, v)) return true;
  // `pipe = pipe.to("cuda")`, `model = model.eval()`: the same model, bound earlier.
  const callee = v.childForFieldName('function');
  if (callee?.type === 'attribute' && /^(to|eval|cuda|half)$/.test(callee.childForFieldName('attribute')?.text ?? '')) {
    const obj = callee.childForFieldName('object');
    const inner = obj && unwrap(obj);
    if (inner?.type === 'identifier') return isLoadedModel(ctx, inner.text, scope, b.target.startIndex - 1, depth + 1);
    if (inner?.type === 'call') return isLoadingCall(ctx, inner);
  }
  return false;
}

/** `X.from_pretrained(...)`, `X.load_model(...)`, transformers' `pipeline(...)` or `torch.hub.load(...)` (tokenizers
 *  and processors aside). */
function isLoadingCall(ctx: RuleContext, call: Node): boolean {
  const callee = call.childForFieldName('function');
  const name = callee ? dottedName(callee) : undefined;
  if (!name || NOT_A_MODEL.test(name)) return false;
  const imports = moduleImports(ctx.model);
  const head = name.split('.')[0];
  return name.endsWith('.from_pretrained') || name.endsWith('.load_model')
    || (name === head && imports.get(name) === 'transformers.pipeline')
    || (imports.get(head) === 'transformers' && name === `${head}.pipeline`)
    || (imports.get(head) === 'torch' && name === `${head}.hub.load`);
}
