import type { Rule } from './types';
import type { FixSpec } from './types';
import { classNameOf, imageEditorFix, keywordHits, keywordMessage, literalOf, phase, pyList, replaceNode, text } from './migration';

const WHEN = { removed: '4.0.0' };
const SOURCES = new Set(['upload', 'webcam', 'microphone', 'clipboard']);

export const GR104: Rule = {
  code: 'GR104',
  title: '`source=` renamed to `sources=[...]`',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports the 3.x keyword \`source=\` on \`gr.Image\`, \`gr.Audio\` and \`gr.Video\`. Gradio 4.0 replaced it with
\`sources=\`, a list of the allowed sources.

## Why is this bad?
Since 4.0 components take no unknown keywords: the constructor raises \`TypeError\`.

## Example
\`\`\`python
mic = gr.Audio(source="microphone", type="filepath")
\`\`\`

Use instead:
\`\`\`python
mic = gr.Audio(sources=["microphone"], type="filepath")
\`\`\`

## Fix
\`source="webcam"\` becomes \`sources=["webcam"]\` (safe: the component still offers only that source).
\`source="canvas"\` (a blank drawing area) has no \`gr.Image\` equivalent: the quick fix turns the call into
\`gr.Sketchpad(...)\` (Gradio 4.5 and later), whose value is a dict, so it is not applied by fix-all.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of keywordHits(ctx, ['Image', 'Audio', 'Video'], ['source'])) {
      const v = literalOf(hit.kw.value);
      const clash = hit.call.args.keywords.has('sources');
      const fixes: FixSpec[] = [];
      let advice: string;
      if (v === 'canvas') {
        advice = 'a blank canvas is `gr.Sketchpad` since Gradio 4.5';
        const fix = imageEditorFix(ctx, hit.call);
        if (fix) fixes.push(fix);
      } else {
        const list = typeof v === 'string' ? pyList([v]) : `[${text(ctx, hit.kw.value)}]`;
        advice = `use \`sources=${list}\``;
        if (!clash) fixes.push({ title: `Replace with \`sources=${list}\``, safe: typeof v === 'string' && SOURCES.has(v), edits: [replaceNode(hit.kw.node, `sources=${list}`)] });
      }
      ctx.report({ node: hit.kw.node, message: keywordMessage(ctx, `${classNameOf(hit.path)}(source=...)`, WHEN, advice), fixes });
    }
  },
};
