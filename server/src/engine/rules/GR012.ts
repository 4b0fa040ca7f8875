import type { Rule, RuleContext } from './types';
import type { CallSite } from '../model/types';
import { stringValue } from '../tree';
import { appendArgument, removeArgument } from './edits';
import { compareVersions, shortVersion } from '../version';

export const GR012: Rule = {
  code: 'GR012',
  title: '`type=` of `gr.Chatbot` / `gr.ChatInterface` for the target version',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Checks the \`type=\` argument of \`gr.Chatbot\` and \`gr.ChatInterface\` against the target version:
- Gradio 6: the parameter no longer exists (only the messages format remains), so any \`type=\` is an error.
- Gradio 5: \`type="tuples"\`, or no \`type\` at all, selects the deprecated tuples format (a warning).

## Why is this bad?
In Gradio 6 the constructors have no \`type\` parameter and no \`**kwargs\`: \`TypeError\` when the app is built.
In Gradio 5 leaving \`type\` out falls back to the tuples format with a deprecation warning; that format is gone
in 6.0, so the app breaks on upgrade.

## Example
\`\`\`python
# Gradio 6
chatbot = gr.Chatbot(type="messages")
\`\`\`

Use instead:
\`\`\`python
chatbot = gr.Chatbot()
\`\`\`

## Fix
Gradio 6: remove the keyword (safe). Gradio 5: set \`type="messages"\` (not part of fix-all: the history your
functions receive and return changes from \`[user, bot]\` pairs to \`{"role": ..., "content": ...}\` dicts).
`,
  check(ctx) {
    for (const c of ctx.model.components) if (c.className === 'Chatbot') checkCall(ctx, c.call, 'Chatbot');
    for (const app of ctx.model.apps) {
      if (app.kind !== 'ChatInterface' || !app.call) continue;
      // Without `type`, a 5.x ChatInterface follows the type of the Chatbot it is given (which is checked itself).
      if (compareVersions(ctx.version, '6.0.0') < 0 && !app.call.args.keywords.has('type') && app.call.args.keywords.has('chatbot')) continue;
      checkCall(ctx, app.call, 'ChatInterface');
    }
  },
};

function checkCall(ctx: RuleContext, call: CallSite, name: string) {
  const kw = call.args.keywords.get('type');
  const v6 = compareVersions(ctx.version, '6.0.0') >= 0;
  const version = shortVersion(ctx.version);
  if (v6) {
    if (!kw) return;
    ctx.report({
      node: kw.node,
      message: `\`gr.${name}\` has no \`type\` parameter in Gradio ${version} (TypeError): the messages format is the only one; remove \`type=\``,
      fixes: [{ title: 'Remove `type=`', safe: true, edits: [removeArgument(kw.node)] }],
    });
    return;
  }
  if (!kw) {
    if (call.args.starKwargs || !call.args.list) return;
    ctx.report({
      node: call.node,
      severity: 'warning',
      message: `\`gr.${name}\` without \`type=\` uses the deprecated tuples format in Gradio ${version}, removed in 6.0: set \`type="messages"\``,
      fixes: [{ title: 'Add `type="messages"`', safe: false, edits: [appendArgument(ctx.text, call.args.list, 'type="messages"')] }],
    });
    return;
  }
  if (stringValue(kw.value) !== 'tuples') return;
  const quote = kw.value.text.startsWith("'") ? "'" : '"';
  ctx.report({
    node: kw.node,
    severity: 'warning',
    message: `\`type="tuples"\` is deprecated in Gradio ${version} and removed in 6.0: use \`type="messages"\``,
    fixes: [{ title: 'Use `type="messages"`', safe: false, edits: [{ start: kw.value.startIndex, end: kw.value.endIndex, text: `${quote}messages${quote}` }] }],
  });
}
