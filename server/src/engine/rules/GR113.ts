import type { Rule } from './types';
import { keywordHits, keywordMessage, literalOf, phase, removeKeyword, replaceNode, text } from './migration';

const WHEN = { deprecated: '5.0.0', removed: '6.0.0' };

export const GR113: Rule = {
  code: 'GR113',
  title: '`Interface(allow_flagging=...)` renamed to `flagging_mode=`',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports \`gr.Interface(allow_flagging=...)\`. Gradio 5 renamed it \`flagging_mode\` (same values \`"never"\`,
\`"auto"\`, \`"manual"\`) and kept the old name with a warning; Gradio 6 removed it.

## Why is this bad?
In 5.x it only warns. In 6.x \`Interface\` hands the unknown keyword to \`Blocks\`, which raises \`TypeError\`.

## Example
\`\`\`python
demo = gr.Interface(fn=predict, inputs="text", outputs="label", allow_flagging="never")
\`\`\`

Use instead:
\`\`\`python
demo = gr.Interface(fn=predict, inputs="text", outputs="label", flagging_mode="never")
\`\`\`

## Fix
Renames the keyword (safe). The 3.x booleans become their meaning: \`True\` is \`"manual"\`, \`False\` is \`"never"\`.
`,
  check(ctx) {
    const severity = phase(ctx, WHEN);
    if (!severity) return;
    for (const hit of keywordHits(ctx, ['Interface'], ['allow_flagging'], severity === 'warning')) {
      const v = literalOf(hit.kw.value);
      const value = v === true ? '"manual"' : v === false ? '"never"' : text(ctx, hit.kw.value);
      const clash = hit.call.args.keywords.has('flagging_mode');
      ctx.report({
        node: hit.kw.node,
        severity,
        message: keywordMessage(ctx, 'Interface(allow_flagging=...)', WHEN, 'use `flagging_mode=`'),
        fixes: [clash
          ? { title: 'Remove `allow_flagging=`', safe: false, edits: [removeKeyword(hit.kw)] }
          : { title: `Replace with \`flagging_mode=${value}\``, safe: true, edits: [replaceNode(hit.kw.node, `flagging_mode=${value}`)] }],
      });
    }
  },
};
