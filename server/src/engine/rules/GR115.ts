import type { Rule } from './types';
import { APP_LAUNCH_KEYWORDS } from '../knowledge/migrations';
import { classNameOf, keywordHits, keywordMessage, moveToLaunchFix, phase, removeKeyword } from './migration';

const WHEN = { removed: '6.0.0' };

export const GR115: Rule = {
  code: 'GR115',
  title: '`ChatInterface`/`TabbedInterface` styling keywords moved to `launch(...)`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`theme=\`, \`css=\`, \`css_paths=\`, \`js=\`, \`head=\` and \`head_paths=\` passed to \`gr.ChatInterface(...)\`
or \`gr.TabbedInterface(...)\`. Gradio 6.0 moved these app-wide settings to \`launch(...)\`.

## Why is this bad?
Unlike \`gr.Blocks\`, these classes take no \`**kwargs\`: the constructor raises \`TypeError\` and the app does not
start.

## Example
\`\`\`python
demo = gr.ChatInterface(respond, theme="soft")
demo.launch()
\`\`\`

Use instead:
\`\`\`python
demo = gr.ChatInterface(respond)
demo.launch(theme="soft")
\`\`\`

## Fix
Moves the keyword to every \`launch(...)\` (or \`gr.mount_gradio_app(...)\`) of the same app in the file; safe
when the value means the same there. When the file never launches the app, the quick fix only deletes the
keyword (not applied by fix-all).
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of keywordHits(ctx, ['ChatInterface', 'TabbedInterface'], APP_LAUNCH_KEYWORDS)) {
      const cls = classNameOf(hit.path);
      const move = moveToLaunchFix(ctx, hit.call, hit.kw);
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, `${cls}(${hit.kw.name}=...)`, WHEN, `pass it to \`${move?.where ?? 'launch(...)'}\` instead`),
        fixes: [move?.fix ?? { title: `Remove \`${hit.kw.name}=\``, safe: false, edits: [removeKeyword(hit.kw)] }],
      });
    }
  },
};
