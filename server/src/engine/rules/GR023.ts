import type { Rule } from './types';
import { stringValue } from '../tree';
import { shortVersion } from '../version';

const TAKES_CACHE_EXAMPLES = new Set(['Examples', 'Interface', 'ChatInterface']);

export const GR023: Rule = {
  code: 'GR023',
  title: '`cache_examples="lazy"` is not accepted since Gradio 6.0',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`cache_examples="lazy"\` on \`gr.Examples\`, \`gr.Interface\` and \`gr.ChatInterface\`.

## Why is this bad?
Gradio 6 accepts only \`True\` or \`False\` for \`cache_examples\`: \`"lazy"\` raises \`ValueError\` when the app is
built. Lazy caching is now chosen with the separate \`cache_mode\` parameter (available since 5.0).

## Example
\`\`\`python
gr.Examples(examples, inputs=[prompt], outputs=[image], fn=generate, cache_examples="lazy")
\`\`\`

Use instead:
\`\`\`python
gr.Examples(examples, inputs=[prompt], outputs=[image], fn=generate, cache_examples=True, cache_mode="lazy")
\`\`\`

## Fix
Rewrites the keyword as \`cache_examples=True, cache_mode="lazy"\` (safe: same behaviour as in 5.x).
`,
  check(ctx) {
    for (const g of ctx.model.gradioCalls) {
      const name = g.path.split('.').pop()!;
      if (!TAKES_CACHE_EXAMPLES.has(name)) continue;
      const kw = g.call.args.keywords.get('cache_examples');
      if (!kw || stringValue(kw.value) !== 'lazy') continue;
      const edits = [{ start: kw.value.startIndex, end: kw.value.endIndex, text: 'True' }];
      const mode = g.call.args.keywords.get('cache_mode');
      const quote = kw.value.text.startsWith("'") ? "'" : '"';
      if (!mode && g.call.args.list) {
        // Right after `cache_examples=...`, on the same line.
        edits.push({ start: kw.node.endIndex, end: kw.node.endIndex, text: `, cache_mode=${quote}lazy${quote}` });
      }
      ctx.report({
        node: kw.node,
        message: `\`cache_examples="lazy"\` raises ValueError in Gradio ${shortVersion(ctx.version)}: use \`cache_examples=True, cache_mode="lazy"\``,
        // An explicit `cache_mode` other than "lazy" would now decide: leave that choice to the user.
        fixes: [{ title: 'Use `cache_examples=True, cache_mode="lazy"`', safe: !mode || stringValue(mode.value) === 'lazy', edits }],
      });
    }
  },
};
