import type { Rule } from './types';
import { REMOVED_NAMES } from '../knowledge/migrations';
import { checkRemovedNames } from './migration';

export const GR124: Rule = {
  code: 'GR124',
  title: '`gr.LogoutButton` removed',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports \`gr.LogoutButton\`, removed from the \`gradio\` namespace in Gradio 5.0. \`gr.LoginButton\` now handles
both: it shows "Logout" once the user is signed in.

## Why is this bad?
\`AttributeError\` (or \`ImportError\`) before the app is built.

## Example
\`\`\`python
gr.LoginButton()
gr.LogoutButton()
\`\`\`

Use instead:
\`\`\`python
gr.LoginButton()
\`\`\`

## Fix
Renames it to \`gr.LoginButton\`. Not applied by fix-all: next to an existing \`gr.LoginButton\` you get two, and
the button's label and behaviour differ.
`,
  check(ctx) {
    checkRemovedNames(ctx, 'GR124', REMOVED_NAMES);
  },
};
