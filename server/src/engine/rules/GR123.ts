import type { Rule } from './types';
import { checkKeywordChanges, type KeywordChange } from './migration';

const CHANGES: readonly KeywordChange[] = [
  { classes: ['Chatbot'], keyword: 'resizeable', removed: '6.0.0', to: 'resizable', safe: true, advice: 'the misspelled keyword was removed; use `resizable=`' },
  { classes: ['Chatbot'], keyword: 'bubble_full_width', removed: '6.0.0', safe: true, advice: 'it had no effect; delete it' },
];

export const GR123: Rule = {
  code: 'GR123',
  title: '`Chatbot(resizeable=...)` / `Chatbot(bubble_full_width=...)` removed',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`gr.Chatbot(resizeable=...)\` (the misspelling, now \`resizable\`) and \`gr.Chatbot(bubble_full_width=...)\`,
removed in Gradio 6.0.

## Why is this bad?
The constructor raises \`TypeError\` on the unknown keyword.

## Example
\`\`\`python
chat = gr.Chatbot(resizeable=True, bubble_full_width=False)
\`\`\`

Use instead:
\`\`\`python
chat = gr.Chatbot(resizable=True)
\`\`\`

## Fix
Renames \`resizeable\` to \`resizable\`; deletes \`bubble_full_width\`, which no longer did anything. Both safe.
`,
  check(ctx) {
    checkKeywordChanges(ctx, CHANGES);
  },
};
