import type { Rule } from './types';
import { keywordMessage, listenerKeywordHits, phase, removeKeyword, renameKeyword } from './migration';

const WHEN = { removed: '4.0.1' };

export const GR131: Rule = {
  code: 'GR131',
  title: 'Event listener `_js=` renamed to `js=`',
  severity: 'error',
  versions: '>=4.0.1',
  docs: `
## What it does
Reports the 3.x keyword \`_js=\` on an event listener (\`btn.click(..., _js="...")\`, \`demo.load(_js=...)\`),
renamed to \`js=\` in Gradio 4.0.1.

## Why is this bad?
Listeners take no unknown keywords: the listener call raises \`TypeError\` while the app is built.

## Example
\`\`\`python
btn.click(None, None, None, _js="() => window.scrollTo(0, 0)")
\`\`\`

Use instead:
\`\`\`python
btn.click(None, None, None, js="() => window.scrollTo(0, 0)")
\`\`\`

## Fix
Renames \`_js=\` to \`js=\` (safe: same meaning).
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const { listener, kw } of listenerKeywordHits(ctx, ['_js'], true)) {
      const clash = listener.call.args.keywords.has('js');
      ctx.report({
        node: kw.node,
        message: keywordMessage(ctx, `${listener.event === 'on' ? 'gr.on' : `.${listener.event}`}(_js=...)`, WHEN, 'use `js=`'),
        fixes: [clash
          ? { title: 'Remove `_js=`', safe: false, edits: [removeKeyword(kw)] }
          : { title: 'Rename to `js=`', safe: true, edits: [renameKeyword(kw, 'js')] }],
      });
    }
  },
};
