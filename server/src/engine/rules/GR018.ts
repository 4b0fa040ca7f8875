import type { Rule } from './types';
import { removeArgument } from './edits';
import { shareKeyword } from './launch';

export const GR018: Rule = {
  code: 'GR018',
  title: '`share=True` on a Hugging Face Space',
  severity: 'info',
  versions: '*',
  docs: `
## What it does
In a Hugging Face Space (a \`README.md\` with \`sdk: gradio\` in its front matter), reports \`launch(share=True)\`.

## Why is this bad?
A Space is already public at its own URL. Gradio ignores \`share=True\` there and prints a warning ("Setting
share=True is not supported on Hugging Face Spaces"), so the keyword only adds noise to the logs.

## Example
\`\`\`python
demo.launch(share=True)
\`\`\`

Use instead:
\`\`\`python
demo.launch()
\`\`\`

## Fix
Removes \`share=True\`. Not part of fix-all: the same file may also be run on a laptop, where the share link works.
`,
  check(ctx) {
    if (!ctx.isSpace) return;
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const share = shareKeyword(launch);
        if (!share) continue;
        ctx.report({
          node: share.node,
          message: 'Gradio ignores `share=True` on a Hugging Face Space (the Space is already public) and logs a warning',
          fixes: [{ title: 'Remove `share=True`', safe: false, edits: [removeArgument(share.node)] }],
        });
      }
    }
  },
};
