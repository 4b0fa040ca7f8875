import type { Rule } from './types';
import { appMethodKeywordHits, keywordMessage, phase, removeKeyword } from './migration';

const WHEN = { removed: '4.0.0' };

export const GR103: Rule = {
  code: 'GR103',
  title: 'Removed `queue()` keyword (3.x)',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`queue(client_position_to_load_data=...)\` and \`queue(default_enabled=...)\`, two keywords that had
no effect in late 3.x and were removed in Gradio 4.0.

## Why is this bad?
From 4.0.0 to 4.0.2 \`queue()\` raises \`ValueError("Invalid arguments")\`; from 4.1 on it raises \`TypeError\`.

## Example
\`\`\`python
demo.queue(default_enabled=True, max_size=20)
\`\`\`

Use instead:
\`\`\`python
demo.queue(max_size=20)
\`\`\`

## Fix
Deletes the keyword (safe: it did nothing).
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of appMethodKeywordHits(ctx, 'queue', ['client_position_to_load_data', 'default_enabled'])) {
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, `queue(${hit.kw.name}=...)`, WHEN, 'it had no effect; delete the keyword'),
        fixes: [{ title: `Remove \`${hit.kw.name}=\``, safe: true, edits: [removeKeyword(hit.kw)] }],
      });
    }
  },
};
