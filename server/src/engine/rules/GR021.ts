import type { Rule, RuleContext } from './types';
import type { KeywordArg, Listener } from '../model/types';
import type { Node } from '../parse';
import { dottedName, indentAt, lineStartAt, unwrap } from '../tree';
import { gradioModuleName, removeArgument, statementOf } from './edits';
import { freshName, isNoneLiteral } from './launch';
import type { FixSpec, OffsetEdit } from './types';

export const GR021: Rule = {
  code: 'GR021',
  title: '`every=` on an event listener',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports \`every=\` passed to an event listener (\`demo.load(..., every=5)\`, \`btn.click(..., every=1)\`, \`gr.on(...)\`).
\`every=\` on a component constructor (\`gr.Textbox(value=get_time, every=1)\`) is still valid and is not reported.

## Why is this bad?
Polling with \`every=\` on listeners was removed in Gradio 5.0: the listener raises \`TypeError\` when the app is
built. Periodic work now runs from a \`gr.Timer\` component and its \`.tick()\` event (Gradio 4.38 and later).

## Example
\`\`\`python
with gr.Blocks() as demo:
    status = gr.Textbox()
    demo.load(read_status, None, status, every=5)
\`\`\`

Use instead:
\`\`\`python
with gr.Blocks() as demo:
    status = gr.Textbox()
    timer = gr.Timer(5)
    timer.tick(read_status, None, status)
\`\`\`

## Fix
Rewrites the listener the way Gradio 4.38-4.44 ran \`every=\` itself: a \`timer = gr.Timer(N, active=False)\` that
the original event starts (\`btn.click(lambda: gr.Timer(active=True), None, timer)\`), and \`timer.tick(...)\`
running the handler with the listener's other arguments. For \`demo.load(..., every=N)\` the timer is simply active
from the start. Offered when the listener is its own statement (or a decorator) inside the \`with gr.Blocks()\`
block; not part of fix-all, since it adds components. \`every=None\` is simply removed (part of fix-all).
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      const every = l.call.args.keywords.get('every');
      if (!every) continue;
      const fixes: FixSpec[] = [];
      if (isNoneLiteral(every.value)) fixes.push({ title: 'Remove `every=None`', safe: true, edits: [removeArgument(every.node)] });
      else {
        const fix = timerFix(ctx, l, every);
        if (fix) fixes.push(fix);
      }
      ctx.report({
        node: every.node,
        message: '`every=` was removed from event listeners in Gradio 5.0 (TypeError); run periodic work from a `gr.Timer` and its `.tick()` event',
        fixes,
      });
    }
  },
};

/** What Gradio 4.38-4.44 did itself with `every=`: a timer, started by the event (active from the start for `load`),
 *  whose `tick` runs the handler. */
function timerFix(ctx: RuleContext, l: Listener, every: KeywordArg): FixSpec | undefined {
  if (!l.receiver || l.call.callee.type !== 'attribute' || ['then', 'success', 'failure'].includes(l.event)) return undefined;
  // Repeating the receiver must not build anything twice: a name or an attribute chain only.
  const receiver = dottedName(l.receiver);
  if (!receiver) return undefined;
  // The timer is a component: it must be created inside the Blocks context, like the listener.
  if (!ctx.model.enclosingApp(l.call)) return undefined;
  const anchor = l.call.decorator ? statementOf(l.call.decorator) : standaloneStatement(l.call.node);
  if (!anchor) return undefined;
  const timerClass = timerName(ctx);
  if (!timerClass) return undefined;
  const name = freshName(ctx.model, l.call, 'timer');
  const eol = ctx.lines.eol();
  const indent = indentAt(ctx.text, anchor.startIndex);
  const lineStart = lineStartAt(ctx.text, anchor.startIndex);
  if (ctx.text.slice(lineStart, anchor.startIndex).trim()) return undefined;
  const period = ctx.text.slice(every.value.startIndex, every.value.endIndex);
  const onLoad = l.event === 'load' && !!l.trigger?.app;
  const lines = onLoad
    ? [`${name} = ${timerClass}(${period})`]
    : [`${name} = ${timerClass}(${period}, active=False)`, `${receiver}.${l.event}(lambda: ${timerClass}(active=True), None, ${name})`];
  const declare = lines.map((line) => `${indent}${line}${eol}`).join('');
  const callee = l.call.callee;
  const edits: OffsetEdit[] = callee.startIndex === lineStart
    ? [{ start: lineStart, end: callee.endIndex, text: `${declare}${name}.tick` }]
    : [{ start: lineStart, end: lineStart, text: declare }, { start: callee.startIndex, end: callee.endIndex, text: `${name}.tick` }];
  edits.push(removeArgument(every.node));
  return {
    title: onLoad ? `Poll with \`${name} = ${timerClass}(${period})\` and \`${name}.tick(...)\`` : `Poll with a \`${timerClass}\` that \`.${l.event}\` starts`,
    safe: false,
    edits,
  };
}

/** The statement that is the call itself (`x.click(...)`) or assigns it (`dep = x.click(...)`), alone on its line. */
function standaloneStatement(call: Node): Node | undefined {
  let stmt = call.parent;
  if (stmt?.type === 'assignment' && stmt.childForFieldName('right')?.id === call.id && stmt.childForFieldName('left')?.type === 'identifier') stmt = stmt.parent;
  else if (stmt?.type === 'expression_statement' && unwrap(stmt.firstNamedChild!).id !== call.id) return undefined;
  if (stmt?.type !== 'expression_statement' || stmt.namedChildCount !== 1) return undefined;
  const container = stmt.parent?.type;
  return container === 'module' || container === 'block' ? stmt : undefined;
}

/** How the file can spell `gradio.Timer`: `gr.Timer`, or a name imported from gradio. */
function timerName(ctx: RuleContext): string | undefined {
  const gr = gradioModuleName(ctx.model);
  if (gr) return `${gr}.Timer`;
  for (const [local, path] of ctx.model.aliases) if (path === 'Timer') return local;
  return undefined;
}
