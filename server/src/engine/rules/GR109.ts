import type { Rule } from './types';
import { checkKeywordChanges, type KeywordChange } from './migration';

const CHANGES: readonly KeywordChange[] = ['interpretation', 'num_shap'].map((keyword) => ({
  classes: ['Interface'], keyword, removed: '4.0.0', safe: true,
  advice: 'the interpretation feature is gone; delete the keyword',
}));

export const GR109: Rule = {
  code: 'GR109',
  title: '`Interface(interpretation=...)` removed',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`gr.Interface(interpretation=...)\` and \`gr.Interface(num_shap=...)\`: Gradio 4.0 removed the
interpretation feature.

## Why is this bad?
\`Interface\` passes unknown keywords on to \`Blocks\`, which rejects them: the app fails to build.

## Example
\`\`\`python
demo = gr.Interface(classify, "image", "label", interpretation="default")
\`\`\`

Use instead:
\`\`\`python
demo = gr.Interface(classify, "image", "label")
\`\`\`

## Fix
Deletes the keyword (safe: what the function computes does not change; the interpretation panel no longer exists).
`,
  check(ctx) {
    checkKeywordChanges(ctx, CHANGES);
  },
};
