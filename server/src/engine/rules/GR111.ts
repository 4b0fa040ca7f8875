import type { Rule } from './types';
import { checkKeywordChanges, type KeywordChange } from './migration';

const CHANGES: readonly KeywordChange[] = [
  { classes: ['Chatbot'], keyword: 'likeable', removed: '5.0.0', safe: true, advice: 'like buttons appear when a `.like(...)` listener is attached; delete the keyword' },
  { classes: ['Dataframe'], keyword: 'height', removed: '5.0.0', to: 'max_height', safe: true, advice: 'use `max_height=`' },
  { classes: ['FileExplorer'], keyword: 'root', removed: '5.0.0', to: 'root_dir', safe: true, advice: 'use `root_dir=`' },
  { classes: ['LoginButton'], keyword: 'signed_in_value', removed: '5.0.0', safe: true, advice: 'the button shows the signed-in user itself; delete the keyword' },
  { classes: ['Interface'], keyword: 'thumbnail', removed: '5.0.0', safe: true, advice: 'delete the keyword' },
];

export const GR111: Rule = {
  code: 'GR111',
  title: 'Removed or renamed keyword (4.x to 5.0)',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports keywords that Gradio 5.0 removed or renamed: \`gr.Chatbot(likeable=...)\`, \`gr.Dataframe(height=...)\`
(also \`Numpy\`, \`Matrix\`, \`List\`), \`gr.FileExplorer(root=...)\`, \`gr.LoginButton(signed_in_value=...)\` and
\`gr.Interface(thumbnail=...)\`.

## Why is this bad?
Components take no unknown keywords: \`TypeError\` when the app is built.

## Example
\`\`\`python
files = gr.FileExplorer(root="data")
table = gr.Dataframe(height=300)
\`\`\`

Use instead:
\`\`\`python
files = gr.FileExplorer(root_dir="data")
table = gr.Dataframe(max_height=300)
\`\`\`

## Fix
Renames \`height\` to \`max_height\` and \`root\` to \`root_dir\`; deletes \`likeable\` (the like buttons show up
whenever a \`.like(...)\` listener is attached), \`signed_in_value\` and \`thumbnail\`. All safe.
`,
  check(ctx) {
    checkKeywordChanges(ctx, CHANGES);
  },
};
