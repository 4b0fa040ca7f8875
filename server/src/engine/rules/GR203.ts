import type { Rule } from './types';
import { listenerNode } from './handlers';

export const GR203: Rule = {
  code: 'GR203',
  title: 'Event listener outside a Blocks context',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports an event listener (\`btn.click(...)\`, \`gr.on(...)\`, \`demo.load(...)\`, ...) attached at module level where
no \`with gr.Blocks()\` is open, for example after the \`with\` block has ended. Listeners inside functions are
not reported: a builder function may be called inside a Blocks context.

## Why is this bad?
Gradio raises \`AttributeError: Cannot call click outside of a gradio.Blocks context.\` when the module runs.
\`demo.load(...)\` is no exception: it must be called inside the \`with\` block too.

## Example
\`\`\`python
with gr.Blocks() as demo:
    btn = gr.Button()
    out = gr.Textbox()
btn.click(lambda: "hi", None, out)
\`\`\`

Use instead:
\`\`\`python
with gr.Blocks() as demo:
    btn = gr.Button()
    out = gr.Textbox()
    btn.click(lambda: "hi", None, out)
\`\`\`
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      if (l.event === 'Interface') continue;
      // `demo.load(js=...)` with no function registers nothing and does not raise.
      if (l.trigger?.app && (!l.fnNode || l.fnNode.type === 'none') && !l.call.decorates) continue;
      if (!ctx.model.definitelyOutsideBlocks(l.call)) continue;
      ctx.report({
        node: listenerNode(l),
        message: `\`.${l.event === 'on' ? 'on' : l.event}(...)\` is called outside a \`with gr.Blocks()\` context: Gradio raises AttributeError`,
      });
    }
  },
};
