import type { Rule } from './types';
import { didYouMean } from './edits';
import { shortVersion } from '../version';

export const GR198: Rule = {
  code: 'GR198',
  title: 'Name not exported by the target Gradio version',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports \`gradio.NAME\` (and \`from gradio import NAME\`) when the target Gradio version has no such name: a typo, or
a name that was removed or not yet added.

## Why is this bad?
The import or attribute access fails with \`ImportError\` or \`AttributeError\` before the app starts.

## Example
\`\`\`python
import gradio as gr
box = gr.Textbx(label="Prompt")
\`\`\`

Use instead:
\`\`\`python
box = gr.Textbox(label="Prompt")
\`\`\`

## Fix
When exactly one exported name is close, the quick fix renames it (not applied by fix-all: it is a guess).
Names removed in a known migration are reported by their specific rule (GR100-GR131) instead.
`,
  check(ctx) {
    for (const ref of ctx.model.refs) {
      if (ref.name.startsWith('_')) continue;
      // A namespace the target does not have (`gr.inputs` in 6.x) is reported once, at its parent reference.
      if (!ctx.apis.some((a) => a.hasNamespace(ref.namespace))) continue;
      const path = ref.namespace ? `${ref.namespace}.${ref.name}` : ref.name;
      if (ctx.apis.some((a) => a.resolve(path) !== undefined)) continue;
      if (ref.namespace === '' && ctx.model.submodules.has(ref.name)) continue; // `import gradio.foo` makes `gradio.foo` exist
      const names = new Set(ctx.apis.flatMap((a) => a.names(ref.namespace)));
      const guess = didYouMean(ref.name, names);
      const where = ref.namespace ? `gradio.${ref.namespace}` : 'gradio';
      ctx.report({
        node: ref.node,
        message: `\`${where}.${ref.name}\` does not exist in Gradio ${shortVersion(ctx.version)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
        fixes: guess ? [{ title: `Replace with \`${guess}\``, safe: false, edits: [{ start: ref.nameNode.startIndex, end: ref.nameNode.endIndex, text: guess }] }] : [],
      });
    }
  },
};
