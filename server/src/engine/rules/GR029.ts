import type { Rule } from './types';
import { versionIn } from '../version';
import { isNoneLiteral, shareKeyword } from './launch';

export const GR029: Rule = {
  code: 'GR029',
  title: '`share=True` with `auth=`',
  severity: 'info',
  versions: '*',
  docs: `
## What it does
Points out a \`launch(...)\` that protects the app with \`auth=\` and also opens a share link with \`share=True\`
(not on a Hugging Face Space, where \`share\` is ignored).

## Why is this bad?
It works, but it is worth knowing what it means: every login, and every request after it, goes through Gradio's
share relay (\`*.gradio.live\`) before it reaches your machine, and the link is temporary: it lasts up to one week
(best effort) since Gradio 5.25.1, 72 hours before. For a long-lived or sensitive app, host it (a Space, a server
behind your own HTTPS) instead of relying on a share link.

## Example
\`\`\`python
demo.launch(share=True, auth=check_auth)
\`\`\`

Use instead:
\`\`\`python
demo.launch(server_name="0.0.0.0", auth=check_auth)  # behind your own HTTPS proxy
\`\`\`
`,
  check(ctx) {
    if (ctx.isSpace) return;
    const lifetime = versionIn(ctx.version, '>=5.25.1') ? 'up to 1 week (best effort)' : '72 hours';
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const share = shareKeyword(launch);
        const auth = launch.call.args.keywords.get('auth');
        if (!share || !auth || isNoneLiteral(auth.value)) continue;
        ctx.report({
          node: share.node,
          related: [{ node: auth.node, message: 'login required here' }],
          message: `\`share=True\` with \`auth=\`: logins and all traffic pass through Gradio's share relay, and the link lasts ${lifetime}; host the app yourself for anything long-lived or sensitive`,
        });
      }
    }
  },
};
