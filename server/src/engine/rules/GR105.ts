import type { Rule } from './types';
import type { FixSpec } from './types';
import type { CallSite } from '../model/types';
import { classNameOf, imageEditorFix, keywordHits, keywordMessage, literalOf, phase, removeKeyword } from './migration';

const WHEN = { removed: '4.0.0' };
const KEYWORDS = ['tool', 'shape', 'invert_colors', 'brush_radius', 'brush_color', 'mask_opacity'];
/** 3.x image classes that were sketching tools whatever `tool=` said. */
const SKETCH_CLASSES = new Set(['Sketchpad', 'Paint', 'ImageMask', 'ImagePaint']);

export const GR105: Rule = {
  code: 'GR105',
  title: 'Removed `gr.Image` editing keyword (3.x)',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports the 3.x \`gr.Image\` keywords that Gradio 4.0 removed: \`tool=\`, \`shape=\`, \`invert_colors=\`,
\`brush_radius=\`, \`brush_color=\` and \`mask_opacity=\`. Drawing on an image moved to \`gr.ImageEditor\` (and
\`gr.Sketchpad\`), added in 4.5.

## Why is this bad?
Since 4.0 components take no unknown keywords: the constructor raises \`TypeError\`.

## Example
\`\`\`python
photo = gr.Image(type="pil", shape=(224, 224), tool="editor")
\`\`\`

Use instead:
\`\`\`python
photo = gr.Image(type="pil")  # resize to 224x224 in the handler
\`\`\`

## Fix
Safe deletions: \`tool="editor"\` (the 3.x default), \`invert_colors=False\`, and brush settings on an image
that had no sketch tool (they did nothing). The others change what the handler receives and are offered but
not applied by fix-all: deleting \`shape=\` (resize in your function), \`invert_colors=True\` (invert it yourself)
and \`tool="select"\`; \`tool="sketch"\` or \`"color-sketch"\` turn the call into \`gr.ImageEditor(...)\` with a
\`gr.Brush\`, whose value is a dict of background, layers and composite instead of an image and a mask.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const hit of keywordHits(ctx, ['Image'], KEYWORDS)) {
      const cls = classNameOf(hit.path);
      const sketch = isSketch(hit.call, cls);
      const v = literalOf(hit.kw.value);
      const name = hit.kw.name;
      const remove = (safe: boolean): FixSpec => ({ title: `Remove \`${name}=\``, safe, edits: [removeKeyword(hit.kw)] });
      const fixes: FixSpec[] = [];
      let advice: string;
      const editor = () => (cls === 'Image' ? imageEditorFix(ctx, hit.call) : undefined);
      switch (name) {
        case 'tool':
          if (v === null || v === 'editor') { advice = 'images are no longer editable in place; delete the keyword'; fixes.push(remove(true)); }
          else if (v === 'sketch' || v === 'color-sketch') {
            advice = 'drawing on an image is `gr.ImageEditor` since Gradio 4.5';
            const fix = editor();
            fixes.push(fix ?? remove(false));
          } else { advice = 'images are no longer editable in place; delete the keyword'; fixes.push(remove(false)); }
          break;
        case 'shape':
          advice = 'resize the image in your function instead (e.g. `img.resize((w, h))` with `type="pil"`)';
          fixes.push(remove(false));
          break;
        case 'invert_colors':
          advice = v === false ? 'delete the keyword' : 'invert the image in your function instead';
          fixes.push(remove(v === false));
          break;
        default:
          if (sketch) {
            advice = 'brushes are set with `brush=gr.Brush(...)` on `gr.ImageEditor`';
            fixes.push(editor() ?? remove(false));
          } else {
            advice = 'without a sketch tool it had no effect; delete the keyword';
            fixes.push(remove(true));
          }
      }
      ctx.report({ node: hit.kw.node, message: keywordMessage(ctx, `${cls}(${name}=...)`, WHEN, advice), fixes });
    }
  },
};

function isSketch(call: CallSite, cls: string): boolean {
  if (SKETCH_CLASSES.has(cls)) return true;
  const tool = call.args.keywords.get('tool');
  const v = tool && literalOf(tool.value);
  return v === 'sketch' || v === 'color-sketch' || (!!tool && v === undefined);
}
