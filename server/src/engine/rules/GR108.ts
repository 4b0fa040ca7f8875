import type { Rule, FixSpec, OffsetEdit } from './types';
import { keywordStillNamed, phase, removeArguments, renameKeyword, replaceNode, text } from './migration';

const WHEN = { removed: '4.0.0' };
const CLASSES = new Set(['Interface.load', 'Blocks.load', 'components.Interface.load']);

export const GR108: Rule = {
  code: 'GR108',
  title: '`gr.Interface.load(...)` replaced by `gr.load(...)`',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`gr.Interface.load("models/...")\` and \`gr.Blocks.load(name=...)\` called on the class: the 3.x way to
load a model or a Space. Gradio 4.0 removed these class methods; \`gr.load(...)\` does the same.

## Why is this bad?
On the class, \`load\` is now only the page-load event: the call fails before the app is built.

## Example
\`\`\`python
translator = gr.Interface.load("spaces/gradio/english_translator")
\`\`\`

Use instead:
\`\`\`python
translator = gr.load("spaces/gradio/english_translator")
\`\`\`

## Fix
Calls \`gr.load(...)\` with the same name and source; \`api_key=\` becomes \`token=\` (\`hf_token=\` before 5.0).
Safe unless the call passes \`alias=\`, which \`gr.load\` no longer takes.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const g of ctx.model.gradioCalls) {
      if (!CLASSES.has(g.path)) continue;
      const callee = g.call.callee;
      const cls = callee.childForFieldName('object');
      const module = cls?.type === 'attribute' ? cls.childForFieldName('object') : null;
      const fixes: FixSpec[] = [];
      if (module && !g.call.args.starArgs) {
        const edits: OffsetEdit[] = [replaceNode(callee, `${text(ctx, module)}.load`)];
        let safe = g.call.args.positional.length <= 2;
        const token = ['token', 'hf_token'].find((t) => keywordStillNamed(ctx, 'load', t));
        const apiKey = g.call.args.keywords.get('api_key');
        if (apiKey) {
          if (token) edits.push(renameKeyword(apiKey, token));
          else safe = false;
        }
        const alias = g.call.args.keywords.get('alias');
        if (alias) { edits.push(...removeArguments([alias.node])); safe = false; }
        fixes.push({ title: 'Use `gr.load(...)`', safe, edits });
      }
      ctx.report({
        node: g.call.node,
        message: `\`gr.${g.path.replace(/^components\./, '')}(...)\` was removed in Gradio 4.0: use \`gr.load(...)\``,
        fixes,
      });
    }
  },
};
