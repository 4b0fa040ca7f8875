import type { Rule, RuleContext } from './types';
import type { KeywordArg, Listener } from '../model/types';
import type { Node } from '../parse';
import { indentAt, lineStartAt, unwrap } from '../tree';
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
For \`demo.load(..., every=N)\` written as its own statement (or as a decorator) inside the \`with gr.Blocks()\`
block: creates \`timer = gr.Timer(N)\` on the line before and turns the call into \`timer.tick(...)\`. The first run
then happens after N seconds instead of at page load, so the fix is not part of fix-all. \`every=None\` is simply
removed (part of fix-all). Other listeners are only reported: \`every=\` there meant "keep running after the event
fired", which needs a timer that the event activates.
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

function timerFix(ctx: RuleContext, l: Listener, every: KeywordArg): FixSpec | undefined {
  if (l.event !== 'load' || !l.trigger?.app || l.call.callee.type !== 'attribute') return undefined;
  // The timer is a component: it must be created inside the Blocks context, like the listener.
  if (!ctx.model.enclosingApp(l.call)) return undefined;
  let anchor: Node;
  if (l.call.decorator) anchor = statementOf(l.call.decorator);
  else {
    const stmt = l.call.node.parent;
    if (stmt?.type !== 'expression_statement' || stmt.namedChildCount !== 1 || unwrap(stmt.firstNamedChild!).id !== l.call.node.id) return undefined;
    anchor = stmt;
  }
  const timerClass = timerName(ctx);
  if (!timerClass) return undefined;
  const name = freshName(ctx.model, l.call, 'timer');
  const eol = ctx.lines.eol();
  const indent = indentAt(ctx.text, anchor.startIndex);
  const lineStart = lineStartAt(ctx.text, anchor.startIndex);
  if (ctx.text.slice(lineStart, anchor.startIndex).trim()) return undefined;
  const declare = `${indent}${name} = ${timerClass}(${ctx.text.slice(every.value.startIndex, every.value.endIndex)})${eol}`;
  const callee = l.call.callee;
  const edits: OffsetEdit[] = callee.startIndex === lineStart
    ? [{ start: lineStart, end: callee.endIndex, text: `${declare}${name}.tick` }]
    : [{ start: lineStart, end: lineStart, text: declare }, { start: callee.startIndex, end: callee.endIndex, text: `${name}.tick` }];
  edits.push(removeArgument(every.node));
  return { title: `Poll with \`${name} = ${timerClass}(...)\` and \`${name}.tick(...)\``, safe: false, edits };
}

/** How the file can spell `gradio.Timer`: `gr.Timer`, or a name imported from gradio. */
function timerName(ctx: RuleContext): string | undefined {
  const gr = gradioModuleName(ctx.model);
  if (gr) return `${gr}.Timer`;
  for (const [local, path] of ctx.model.aliases) if (path === 'Timer') return local;
  return undefined;
}
