import type { Rule, RuleContext } from './types';
import type { App, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { isGenerator, listenerNode } from './handlers';
import { isNoneLiteral, isTrueLiteral, queueCallsOf } from './launch';
import { addQueueBeforeLaunch } from './queueFix';

export const GR001: Rule = {
  code: 'GR001',
  title: 'Queue not enabled (Gradio 3.x)',
  severity: 'warning',
  versions: '<4.0.0',
  docs: `
## What it does
For Gradio 3.x only: reports the \`launch(...)\` of an app that never calls \`queue()\` although one of its events
needs the queue: a listener with \`queue=True\`, \`cancels=\`, \`batch=True\` or \`every=\`, a handler with a
\`gr.Progress()\` parameter, a generator handler (\`yield\`), or an \`Interface\`/\`ChatInterface\` whose function
is a generator. Apps on a Hugging Face Space are not reported: there the 3.x queue is on by default.

## Why is this bad?
In 3.x the queue was opt-in. Without it \`launch()\` raises \`ValueError\` ("Progress tracking requires queuing",
"Queue needs to be enabled!", "In order to use batching, the queue must be enabled", ...), and a generator
handler fails on every call with "Need to enable queue to use generators". Since 4.0 the queue is always on, so
the rule does not apply there.

## Example
\`\`\`python
with gr.Blocks() as demo:
    run = gr.Button("Run")
    stop = gr.Button("Stop")
    job = run.click(train, None, log)
    stop.click(None, cancels=[job])

demo.launch()
\`\`\`

Use instead:
\`\`\`python
demo.queue()
demo.launch()
\`\`\`

## Fix
Adds \`NAME.queue()\` on the line before the launch, or \`.queue()\` in the chain when the launch is part of a larger
expression. Part of fix-all when \`launch()\` would raise anyway; only offered when just a generator event fails,
because in 3.x the queue also serializes the app's other events.
`,
  check(ctx) {
    if (ctx.isSpace || ctx.text.includes('enable_queue')) return;
    for (const app of ctx.model.apps) {
      if (!app.launches.length || queueCallsOf(ctx.model, app).length) continue;
      const need = evidence(ctx, app);
      if (!need) continue;
      for (const launch of app.launches) {
        if (launch.call.args.starKwargs) continue;
        const fix = addQueueBeforeLaunch(ctx, launch, '', need.atLaunch);
        ctx.report({
          node: launch.call.node,
          message: need.atLaunch
            ? `The queue is never enabled but ${need.what} needs it: in Gradio 3.x \`launch()\` raises ValueError; call \`queue()\` first`
            : `The queue is never enabled but ${need.what} needs it: in Gradio 3.x that event fails on every call ("Need to enable queue to use generators"); call \`queue()\` first`,
          related: [{ node: need.node, message: 'needs the queue' }],
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

interface Need { what: string; node: Node; atLaunch: boolean }

/** The first reason the app needs the 3.x queue; `atLaunch` when Gradio refuses to launch without it. */
function evidence(ctx: RuleContext, app: App): Need | undefined {
  let runtime: Need | undefined;
  for (const l of listenersOf(ctx, app)) {
    const kw = l.call.args.keywords;
    const queueOff = kw.has('queue') && unwrap(kw.get('queue')!.value).type === 'false';
    if (l.event === 'Interface') {
      // A generator Interface gets a Stop button that cancels the run (not with `live=True`).
      if (l.handler && isGenerator(l.handler)) {
        if (!isTrueLiteral(kw.get('live')?.value)) return { what: 'a generator `Interface` function (its Stop button cancels runs)', node: l.call.node, atLaunch: true };
        runtime ??= { what: 'a generator `Interface` function', node: l.call.node, atLaunch: false };
      }
    } else {
      if (isTrueLiteral(kw.get('queue')?.value)) return { what: 'an event with `queue=True`', node: kw.get('queue')!.node, atLaunch: true };
      const cancels = kw.get('cancels');
      if (cancels && !isNoneLiteral(cancels.value) && !isEmptyList(cancels.value)) return { what: 'an event with `cancels=`', node: cancels.node, atLaunch: true };
      if (isTrueLiteral(kw.get('batch')?.value) && !queueOff) return { what: 'an event with `batch=True`', node: kw.get('batch')!.node, atLaunch: true };
      const every = kw.get('every');
      if (every && !isNoneLiteral(every.value) && !queueOff) runtime ??= { what: 'an event with `every=`', node: every.node, atLaunch: false };
    }
    if (l.handler) {
      const progress = progressParam(ctx, l.handler);
      if (progress) return { what: 'a handler with a `gr.Progress()` parameter', node: progress, atLaunch: true };
      if (isGenerator(l.handler) && !queueOff && l.event !== 'Interface') runtime ??= { what: 'a generator handler', node: listenerNode(l), atLaunch: false };
    }
  }
  for (const other of ctx.model.apps) {
    if (other.kind !== 'ChatInterface' || !other.call || !belongsTo(ctx, other, app)) continue;
    const fnNode = other.call.args.keywords.get('fn')?.value ?? other.call.args.positional[0];
    const e = fnNode && ctx.model.entityOf(fnNode, other.call.scope);
    if (e?.kind !== 'function' || !isGenerator(e.fn)) continue;
    if (!isNoneLiteral(other.call.args.keywords.get('stop_btn')?.value)) return { what: 'a generator `ChatInterface` function (its Stop button cancels runs)', node: other.call.node, atLaunch: true };
    runtime ??= { what: 'a generator `ChatInterface` function', node: other.call.node, atLaunch: false };
  }
  return runtime;
}

/** Listeners registered in the app: inside its `with`, in an app built inside it, or anywhere when it is the file's
 *  only app (listeners in builder functions have no visible context). */
function listenersOf(ctx: RuleContext, app: App): Listener[] {
  const only = ctx.model.apps.length === 1;
  return ctx.model.listeners.filter((l) => {
    if (l.event === 'Interface') {
      const own = ctx.model.apps.find((a) => a.call === l.call);
      return !!own && belongsTo(ctx, own, app);
    }
    const host = ctx.model.enclosingApp(l.call);
    return host ? belongsTo(ctx, host, app) : only;
  });
}

/** True when `inner` is `app` itself, is built inside its `with`, or is one of a TabbedInterface's interfaces. */
function belongsTo(ctx: RuleContext, inner: App, app: App, depth = 0): boolean {
  if (inner === app) return true;
  if (depth > 4 || !inner.call) return false;
  const host = ctx.model.enclosingApp(inner.call);
  if (host && host !== inner && belongsTo(ctx, host, app, depth + 1)) return true;
  if (app.kind === 'TabbedInterface' && app.call) {
    const list = app.call.args.keywords.get('interface_list')?.value ?? app.call.args.positional[0];
    const items = list && unwrap(list);
    if (items && (items.type === 'list' || items.type === 'tuple')) {
      for (const item of items.namedChildren) {
        const e = item && ctx.model.entityOf(item, app.call.scope);
        if (e?.kind === 'app' && e.app === inner) return true;
      }
    }
  }
  return false;
}

function progressParam(ctx: RuleContext, fn: FunctionInfo): Node | undefined {
  for (const p of fn.params) {
    const d = p.default && unwrap(p.default);
    if (d?.type === 'call' && ctx.model.pathOf(d.childForFieldName('function')!) === 'Progress') return p.node;
  }
  return undefined;
}

function isEmptyList(node: Node): boolean {
  const n = unwrap(node);
  return (n.type === 'list' || n.type === 'tuple') && n.namedChildren.filter((c) => c && c.type !== 'comment').length === 0;
}
