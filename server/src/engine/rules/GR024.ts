import type { Rule } from './types';
import { resolveAnyVersion } from '../knowledge';
import { stringValue, unwrap } from '../tree';
import { argument, isNone } from './body';
import { removeArgument } from './edits';

export const GR024: Rule = {
  code: 'GR024',
  title: '`gr.Examples` caching without `fn` and `outputs`',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports \`gr.Examples(..., cache_examples=True)\` (or \`"lazy"\`) that does not also pass both \`fn\` and \`outputs\`.

## Why is this bad?
Caching runs \`fn\` on every example and stores what it returns for \`outputs\`; without them Gradio raises
\`ValueError: If caching examples, \\\`fn\\\` and \\\`outputs\\\` must be provided\` when the app is built.
(\`gr.Interface\` and \`gr.ChatInterface\` pass their own function and outputs, so they are not concerned.)

## Example
\`\`\`python
gr.Examples(["cat.jpg", "dog.jpg"], inputs=image, cache_examples=True)
\`\`\`

Use instead:
\`\`\`python
gr.Examples(["cat.jpg", "dog.jpg"], inputs=image, outputs=label, fn=classify, cache_examples=True)
\`\`\`

## Fix
A quick fix removes \`cache_examples=\` (not part of fix-all: the intent was caching; adding \`fn\` and \`outputs\`
is usually the better repair).
`,
  check(ctx) {
    for (const g of ctx.model.gradioCalls) {
      const r = resolveAnyVersion(g.path);
      // `gr.Examples` is the class in 3.x and a function (`create_examples`) since 4.0.
      const isExamples = (r?.kind === 'class' && r.info.name === 'Examples') || (r?.kind === 'function' && r.info.name === 'create_examples');
      if (!isExamples || g.call.args.starKwargs || g.call.args.starArgs) continue;
      const cache = argument(ctx.apis, g, 'cache_examples');
      if (!cache) continue;
      const v = unwrap(cache);
      if (v.type !== 'true' && stringValue(v) !== 'lazy') continue;
      const missing = ['fn', 'outputs'].filter((name) => {
        const a = argument(ctx.apis, g, name);
        return !a || isNone(a);
      });
      if (!missing.length) continue;
      const kw = g.call.args.keywords.get('cache_examples');
      ctx.report({
        node: kw?.node ?? cache,
        message: `\`gr.Examples\` caches examples but has no ${missing.map((m) => `\`${m}\``).join(' or ')}: Gradio raises ValueError when the app is built`,
        fixes: kw ? [{ title: 'Remove `cache_examples=`', safe: false, edits: [removeArgument(kw.node)] }] : [],
      });
    }
  },
};
