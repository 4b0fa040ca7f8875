import type { Rule, RuleContext } from './types';
import { stringValue } from '../tree';
import { appendArgument } from './edits';
import { isTrueLiteral, publicReason } from './launch';

export const GR009: Rule = {
  code: 'GR009',
  title: 'Public app without an upload size limit',
  severity: 'info',
  versions: '>=4.28.0',
  docs: `
## What it does
Reports the \`launch(...)\` of an app that takes file uploads (an \`Image\`, \`Audio\`, \`Video\`, \`File\`,
\`UploadButton\`, \`MultimodalTextbox\`, ... component) and is opened to the network with \`share=True\` or
\`server_name="0.0.0.0"\`, when \`launch()\` has no \`max_file_size=\`.

## Why is this bad?
Gradio sets **no** upload size limit by default: anyone who can reach the app can fill its disk or memory with one
huge upload. \`max_file_size\` (Gradio 4.28 and later) rejects larger files with HTTP 413. If a reverse proxy in
front of the app already limits request bodies, this hint can be ignored.

## Example
\`\`\`python
demo.launch(server_name="0.0.0.0")
\`\`\`

Use instead:
\`\`\`python
demo.launch(server_name="0.0.0.0", max_file_size="100mb")
\`\`\`

## Fix
Adds \`max_file_size="100mb"\` to \`launch()\`. Not part of fix-all: pick the size your app really needs.
`,
  check(ctx) {
    if (!takesUploads(ctx)) return;
    for (const app of ctx.model.apps) {
      for (const launch of app.launches) {
        const args = launch.call.args;
        if (args.keywords.has('max_file_size') || args.starKwargs) continue;
        const reason = publicReason(launch, false);
        if (!reason) continue;
        ctx.report({
          node: launch.call.node,
          message: `This app accepts uploads and is reachable by others (${reason}), but \`launch()\` sets no \`max_file_size\`: Gradio accepts uploads of any size`,
          fixes: args.list ? [{ title: 'Add `max_file_size="100mb"`', safe: false, edits: [appendArgument(ctx.text, args.list, 'max_file_size="100mb"')] }] : [],
        });
      }
    }
  },
};

const UPLOAD_CLASSES = new Set(['Image', 'ImageEditor', 'Sketchpad', 'Paint', 'ImageMask', 'ImageSlider', 'Audio', 'Microphone',
  'Video', 'PlayableVideo', 'File', 'Files', 'UploadButton', 'Model3D', 'Gallery', 'MultimodalTextbox', 'Webcam']);

/** The file builds a component through which users upload files. */
function takesUploads(ctx: RuleContext): boolean {
  if (ctx.model.components.some((c) => UPLOAD_CLASSES.has(c.className))) return true;
  for (const l of ctx.model.listeners) {
    if (l.event !== 'Interface') continue;
    for (const item of l.inputs.items) {
      const s = stringValue(item.node);
      if (s && [...UPLOAD_CLASSES].some((c) => c.toLowerCase() === s.toLowerCase())) return true;
    }
  }
  return ctx.model.apps.some((a) => a.kind === 'ChatInterface' && isTrueLiteral(a.call?.args.keywords.get('multimodal')?.value));
}
