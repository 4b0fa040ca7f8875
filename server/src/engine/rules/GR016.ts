import type { Rule } from './types';
import { removeArgument } from './edits';
import { isNoneLiteral } from './launch';

export const GR016: Rule = {
  code: 'GR016',
  title: '`auth=` and `auth_dependency=` together',
  severity: 'error',
  versions: '>=4.20.0',
  docs: `
## What it does
Reports a \`launch(...)\` call that passes both \`auth=\` and \`auth_dependency=\`.

## Why is this bad?
They are two alternative ways to protect the app: a login page, or a function that reads the user from each
request (OAuth, a proxy header). Gradio refuses the combination: \`launch()\` raises \`ValueError\`.

## Example
\`\`\`python
demo.launch(auth=check_auth, auth_dependency=user_from_header)
\`\`\`

Use instead:
\`\`\`python
demo.launch(auth_dependency=user_from_header)
\`\`\`

## Fix
Removes one of the two keywords (either fix is offered; neither is part of fix-all).
`,
  check(ctx) {
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const auth = launch.call.args.keywords.get('auth');
        const dep = launch.call.args.keywords.get('auth_dependency');
        if (!auth || !dep || isNoneLiteral(auth.value) || isNoneLiteral(dep.value)) continue;
        const [first, second] = auth.node.startIndex < dep.node.startIndex ? [auth, dep] : [dep, auth];
        ctx.report({
          node: second.node,
          message: '`launch()` gets both `auth=` and `auth_dependency=`: Gradio raises ValueError; keep one of them',
          related: [{ node: first.node, message: `\`${first.name}=\` given here` }],
          fixes: [dep, auth].map((kw) => ({ title: `Remove \`${kw.name}=\``, safe: false, edits: [removeArgument(kw.node)] })),
        });
      }
    }
  },
};
