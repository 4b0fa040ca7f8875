import type { Rule } from './types';
import { REMOVED_NAMES } from '../knowledge/migrations';
import { checkRemovedNames } from './migration';

export const GR107: Rule = {
  code: 'GR107',
  title: 'Component removed in Gradio 4.0',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports 3.x components that Gradio 4.0 removed: \`gr.Variable\` (now \`gr.State\`), \`gr.Box\` (now
\`gr.Group\`), \`gr.Carousel\`, \`gr.StatusTracker\`, \`gr.Timeseries\`, \`gr.Webcam\`, \`gr.ImagePaint\` and
\`gr.Interpretation\`.

## Why is this bad?
\`AttributeError\` (or \`ImportError\`) before the app is built.

## Example
\`\`\`python
with gr.Box():
    history = gr.Variable([])
\`\`\`

Use instead:
\`\`\`python
with gr.Group():
    history = gr.State([])
\`\`\`

## Fix
Renames \`gr.Variable\` to \`gr.State\` (it was an alias) and \`gr.Box\` to \`gr.Group\` (its replacement, a
container without gaps); \`from gradio import Box\` becomes \`from gradio import Group as Box\`. Both safe. The
other components have no drop-in replacement: the message says what to use.
`,
  check(ctx) {
    checkRemovedNames(ctx, 'GR107', REMOVED_NAMES);
  },
};
