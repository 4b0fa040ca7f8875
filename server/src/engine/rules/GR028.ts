import type { Rule } from './types';
import { maySet, moduleImports, publicReason, queueCallsOf } from './launch';
import { addQueueBeforeLaunch, addToQueueCall } from './queueFix';

export const GR028: Rule = {
  code: 'GR028',
  title: 'Public app with an unbounded queue',
  severity: 'info',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports the \`launch(...)\` of an app that is served to others (\`share=True\`, \`server_name="0.0.0.0"\`, or a
Hugging Face Space) when no \`queue(max_size=...)\` bounds how many requests may wait.

## Why is this bad?
Since Gradio 4.0 every app has a queue, and by default each event runs one request at a time. Its \`max_size\`
defaults to unlimited, so under load the waiting line grows without bound: users wait minutes for a slot and
memory grows. With \`max_size\` set, extra users get a clear "queue is full" message instead.

## Example
\`\`\`python
demo.launch(share=True)
\`\`\`

Use instead:
\`\`\`python
demo.queue(max_size=20)
demo.launch(share=True)
\`\`\`

## Fix
Adds \`NAME.queue(max_size=20)\` on the line before the launch (or \`.queue(max_size=20)\` in the chain), or adds
\`max_size=20\` to the existing \`queue(...)\` call. Not part of fix-all: it changes what users see under load, and
20 is only a starting point.
`,
  check(ctx) {
    // On ZeroGPU Spaces Gradio bounds the queue itself (max_size 1 when not set).
    const zeroGpu = ctx.isSpace && moduleImports(ctx.model).has('spaces');
    for (const app of ctx.model.apps) {
      if (!app.launches.length) continue;
      const queues = queueCallsOf(ctx.model, app);
      // queue(status_update_rate, api_open, max_size): a third positional argument is max_size.
      if (maySet(queues, 'max_size', 2)) continue;
      for (const launch of app.launches) {
        if (launch.call.args.starKwargs) continue;
        const reason = publicReason(launch, ctx.isSpace);
        if (!reason || (zeroGpu && reason === 'a Hugging Face Space')) continue;
        const fix = queues.length === 1
          ? addToQueueCall(ctx, queues[0], 'max_size=20', false)
          : queues.length === 0 ? addQueueBeforeLaunch(ctx, launch, 'max_size=20', false) : undefined;
        ctx.report({
          node: launch.call.node,
          message: `This app is served publicly (${reason}) but its queue has no \`max_size\`: waiting requests pile up without limit; set \`queue(max_size=...)\``,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
