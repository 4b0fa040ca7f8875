import type { Rule } from './types';
import { classNameOf, keywordHits, keywordMessage, literalOf, phase, renameKeyword } from './migration';

const WHEN = { removed: '6.0.0' };

export const GR122: Rule = {
  code: 'GR122',
  title: '`ImageEditor(crop_size=...)` removed',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`gr.ImageEditor(crop_size=...)\` (and its \`Sketchpad\`, \`Paint\`, \`ImageMask\` variants), removed
in Gradio 6.0.

## Why is this bad?
The constructor raises \`TypeError\` on the unknown keyword.

## Example
\`\`\`python
editor = gr.ImageEditor(crop_size=(512, 512))
\`\`\`

Use instead:
\`\`\`python
editor = gr.ImageEditor(canvas_size=(512, 512))
\`\`\`

## Fix
Renames it to \`canvas_size\`, as the 6.0 migration guide says. Not applied by fix-all: a crop box is not the
same thing as the canvas, and a ratio string such as \`"1:1"\` is not a valid canvas size.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of keywordHits(ctx, ['ImageEditor'], ['crop_size'])) {
      const ratio = typeof literalOf(hit.kw.value) === 'string';
      const clash = hit.call.args.keywords.has('canvas_size');
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, `${classNameOf(hit.path)}(crop_size=...)`, WHEN,
          ratio ? 'a ratio is no longer supported; size the editing area with `canvas_size=(width, height)`' : 'size the editing area with `canvas_size=(width, height)`'),
        fixes: ratio || clash ? [] : [{ title: 'Rename to `canvas_size=`', safe: false, edits: [renameKeyword(hit.kw, 'canvas_size')] }],
      });
    }
  },
};
