import type { Rule } from './types';
import { checkKeywordChanges, type KeywordChange } from './migration';

const BUILT_IN = 'Gradio 5 chatbots have built-in retry, undo and clear actions; delete the keyword';
const CHANGES: readonly KeywordChange[] = [
  ...['retry_btn', 'undo_btn', 'clear_btn'].map((keyword): KeywordChange => ({
    classes: ['ChatInterface'], keyword, removed: '5.0.0', safe: true, advice: BUILT_IN,
  })),
  { classes: ['ChatInterface'], keyword: 'examples_per_page', removed: '5.0.0', safe: true, advice: 'examples are no longer paged; delete the keyword' },
  {
    classes: ['ChatInterface'], keyword: 'additional_inputs_accordion_name', removed: '5.0.0', to: 'additional_inputs_accordion',
    safe: true, advice: 'use `additional_inputs_accordion=` (it takes the same label)',
  },
];

export const GR110: Rule = {
  code: 'GR110',
  title: 'Removed `ChatInterface` keyword (4.x)',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports \`gr.ChatInterface(retry_btn=..., undo_btn=..., clear_btn=..., examples_per_page=...,
additional_inputs_accordion_name=...)\`, removed in Gradio 5.0.

## Why is this bad?
\`ChatInterface\` takes no unknown keywords: \`TypeError\` when the app is built.

## Example
\`\`\`python
gr.ChatInterface(respond, retry_btn=None, undo_btn="Back", additional_inputs_accordion_name="Settings")
\`\`\`

Use instead:
\`\`\`python
gr.ChatInterface(respond, additional_inputs_accordion="Settings")
\`\`\`

## Fix
Deletes the button keywords (5.x chatbots have retry and undo built in) and \`examples_per_page\`; renames
\`additional_inputs_accordion_name\` to \`additional_inputs_accordion\`. All safe.
`,
  check(ctx) {
    checkKeywordChanges(ctx, CHANGES);
  },
};
