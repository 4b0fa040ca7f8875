import type { Rule } from './types';
import { literalOf, removeKeyword, replaceNode } from './migration';

export const GR118: Rule = {
  code: 'GR118',
  title: 'Listener `api_name=False` is now `api_visibility="private"`',
  severity: 'info',
  versions: '>=6.0.0',
  docs: `
## What it does
Points out \`api_name=False\` on an event listener. Gradio 6 still accepts it and treats it as
\`api_visibility="private"\`, the spelling the 6.0 migration guide asks for.

## Why is this bad?
It works today, but \`api_name\` is meant to be a name; \`api_visibility\` says what you mean and is the
supported way to keep an endpoint out of the API.

## Example
\`\`\`python
btn.click(fn=reset, outputs=log, api_name=False)
\`\`\`

Use instead:
\`\`\`python
btn.click(fn=reset, outputs=log, api_visibility="private")
\`\`\`

## Fix
Replaces \`api_name=False\` with \`api_visibility="private"\` (safe: Gradio maps one to the other).
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      if (l.event === 'Interface') continue;
      const kw = l.call.args.keywords.get('api_name');
      if (!kw || literalOf(kw.value) !== false) continue;
      const clash = l.call.args.keywords.has('api_visibility');
      ctx.report({
        node: kw.node,
        message: 'Gradio 6 reads `api_name=False` as `api_visibility="private"`; write that instead',
        fixes: [clash
          ? { title: 'Remove `api_name=False`', safe: false, edits: [removeKeyword(kw)] }
          : { title: 'Replace with `api_visibility="private"`', safe: true, edits: [replaceNode(kw.node, 'api_visibility="private"')] }],
      });
    }
  },
};
