import type { Rule } from './types';
import { appendArgument } from './edits';
import { isOfClass, keywordStillNamed, writtenForOlderGradio } from './migration';

export const GR130: Rule = {
  code: 'GR130',
  title: '`gr.HTML` has no padding by default since 6.0',
  severity: 'info',
  versions: '>=6.0.0',
  docs: `
## What it does
In a file written for an older Gradio (it uses an API that Gradio 6 removed), points out each \`gr.HTML(...)\`
that does not set \`padding=\`: Gradio 6.0 changed the default from \`True\` to \`False\`, to match
\`gr.Markdown\`. Code written for Gradio 6 is left alone.

## Why is this bad?
Nothing breaks, but the HTML blocks sit flush against their neighbours after the upgrade.

## Example
\`\`\`python
gr.HTML("<h2>Results</h2>")
\`\`\`

Use instead:
\`\`\`python
gr.HTML("<h2>Results</h2>", padding=True)
\`\`\`

## Fix
Adds \`padding=True\` to keep the 5.x look (not applied by fix-all: the new look may be what you want).
`,
  check(ctx) {
    let older: boolean | undefined;
    for (const c of ctx.model.components) {
      if (!isOfClass(c.path, ['HTML']) || c.className !== 'HTML') continue;
      const args = c.call.args;
      if (args.keywords.has('padding') || args.starKwargs || !args.list) continue;
      if (!keywordStillNamed(ctx, c.path, 'padding')) continue;
      older ??= writtenForOlderGradio(ctx, '6.0.0');
      if (!older) return;
      ctx.report({
        node: c.call.node,
        message: 'Since Gradio 6.0 `gr.HTML` has no padding unless `padding=True`; add it to keep the 5.x look',
        fixes: [{ title: 'Add `padding=True`', safe: false, edits: [appendArgument(ctx.text, args.list, 'padding=True')] }],
      });
    }
  },
};
