import type { Rule } from './types';
import { appMethodKeywordHits, keywordMessage, phase, removeKeyword, renameKeyword } from './migration';

const ADVICE: Record<string, string> = {
  enable_queue: 'the queue is always on since Gradio 4.0; delete the keyword',
  show_tips: 'tips are gone; delete the keyword',
  encrypt: 'it had no effect; delete the keyword',
  file_directories: 'it was renamed to `allowed_paths`',
};
const WHEN = { removed: '4.0.0' };

export const GR102: Rule = {
  code: 'GR102',
  title: 'Removed `launch()` keyword (3.x)',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`launch(enable_queue=...)\`, \`launch(show_tips=...)\`, \`launch(encrypt=...)\` and
\`launch(file_directories=...)\`, which Gradio 4.0 removed.

## Why is this bad?
\`launch()\` raises \`TypeError\` on an unknown keyword, so the app never starts.

## Example
\`\`\`python
demo.launch(enable_queue=True, file_directories=["assets"])
\`\`\`

Use instead:
\`\`\`python
demo.launch(allowed_paths=["assets"])
\`\`\`

## Fix
Deletes \`enable_queue\` (the queue is always on since 4.0), \`show_tips\` and \`encrypt\` (no effect), and renames
\`file_directories\` to \`allowed_paths\`. All safe; when \`allowed_paths\` is already given, merging the two lists
is left to you.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of appMethodKeywordHits(ctx, 'launch', Object.keys(ADVICE))) {
      const name = hit.kw.name;
      const rename = name === 'file_directories';
      const clash = rename && hit.call.args.keywords.has('allowed_paths');
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, `launch(${name}=...)`, WHEN, ADVICE[name]),
        fixes: [rename && !clash
          ? { title: 'Rename to `allowed_paths=`', safe: true, edits: [renameKeyword(hit.kw, 'allowed_paths')] }
          : { title: `Remove \`${name}=\``, safe: !clash, edits: [removeKeyword(hit.kw)] }],
      });
    }
  },
};
