import type { Rule } from './types';
import { authPairs } from './auth';

export const GR017: Rule = {
  code: 'GR017',
  title: 'Empty username or password in `auth=`',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Reports an empty string as the username or password of a \`launch(auth=...)\` pair, written literally or through a
module-level constant.

## Why is this bad?
Gradio only prints a warning and starts anyway. An empty credential protects nothing: it is usually a template
left unfinished or a value that was meant to come from somewhere else.

## Example
\`\`\`python
demo.launch(auth=("admin", ""))
\`\`\`

Use instead:
\`\`\`python
demo.launch(auth=check_auth)  # or a real password read from the environment
\`\`\`
`,
  check(ctx) {
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const auth = authPairs(ctx.model, launch);
        if (!auth) continue;
        for (const pair of auth.pairs) {
          for (const [part, what] of [[pair.user, 'username'], [pair.password, 'password']] as const) {
            if (part.value !== '') continue;
            ctx.report({
              node: part.node,
              message: `Empty ${what} in \`auth=\`: Gradio only warns at launch and starts anyway; set a real ${what}`,
            });
          }
        }
      }
    }
  },
};
