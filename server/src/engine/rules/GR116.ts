import type { Rule } from './types';
import { appMethodKeywordHits, keywordMessage, literalOf, phase, removeKeyword, replaceNode, text } from './migration';

const WHEN = { removed: '6.0.0' };
const NO_API = '["gradio", "settings"]';

export const GR116: Rule = {
  code: 'GR116',
  title: '`launch(show_api=...)` replaced by `footer_links=`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`launch(show_api=...)\`. Gradio 6.0 replaced it with \`footer_links=\`, the list of links shown in the
footer (\`"api"\`, \`"gradio"\`, \`"settings"\`; all three by default).

## Why is this bad?
\`launch()\` raises \`TypeError\` on the unknown keyword: the app does not start.

## Example
\`\`\`python
demo.launch(show_api=False)
\`\`\`

Use instead:
\`\`\`python
demo.launch(footer_links=["gradio", "settings"])
\`\`\`

## Fix
\`show_api=False\` becomes \`footer_links=["gradio", "settings"]\`; \`show_api=True\` (the default) is deleted; any
other value becomes \`footer_links=None if <value> else ["gradio", "settings"]\`. All safe.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of appMethodKeywordHits(ctx, 'launch', ['show_api'])) {
      const v = literalOf(hit.kw.value);
      const clash = hit.call.args.keywords.has('footer_links');
      const replacement = v === false ? `footer_links=${NO_API}` : v === true ? undefined
        : `footer_links=None if ${text(ctx, hit.kw.value)} else ${NO_API}`;
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, 'launch(show_api=...)', WHEN, v === false ? `use \`footer_links=${NO_API}\`` : 'the API link is shown by default; use `footer_links=` to choose the footer links'),
        fixes: [replacement && !clash
          ? { title: `Replace with \`${replacement}\``, safe: true, edits: [replaceNode(hit.kw.node, replacement)] }
          : { title: 'Remove `show_api=`', safe: !clash || v === true, edits: [removeKeyword(hit.kw)] }],
      });
    }
  },
};
