import type { Rule } from './types';
import { unwrap } from '../tree';
import { appendArgument, removeArgument } from './edits';

export const GR027: Rule = {
  code: 'GR027',
  title: '`max_batch_size` without `batch=True`',
  severity: 'info',
  versions: '*',
  docs: `
## What it does
Reports \`max_batch_size=\` on an event listener or \`gr.Interface\` that does not set \`batch=True\`.

## Why is this bad?
\`max_batch_size\` only applies to batched functions. Without \`batch=True\` Gradio calls the function once per
request and ignores the setting, which usually means batching was intended but never switched on.

## Example
\`\`\`python
btn.click(embed, texts, vectors, max_batch_size=16)
\`\`\`

Use instead:
\`\`\`python
btn.click(embed, texts, vectors, batch=True, max_batch_size=16)  # embed takes and returns lists
\`\`\`

## Fix
Removes \`max_batch_size=\` (part of fix-all: it has no effect), or adds \`batch=True\` (only when the function is
written for batches: it then receives lists and must return lists).
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      const args = l.call.args;
      const size = args.keywords.get('max_batch_size');
      if (!size || args.starKwargs) continue;
      const batch = args.keywords.get('batch');
      if (batch && unwrap(batch.value).type !== 'false') continue;
      const fixes = [{ title: 'Remove `max_batch_size=` (it has no effect)', safe: true, edits: [removeArgument(size.node)] }];
      if (!batch && args.list) {
        fixes.push({ title: 'Add `batch=True` (the function must take and return lists)', safe: false, edits: [appendArgument(ctx.text, args.list, 'batch=True')] });
      } else if (batch) {
        fixes.push({ title: 'Set `batch=True` (the function must take and return lists)', safe: false, edits: [{ start: batch.value.startIndex, end: batch.value.endIndex, text: 'True' }] });
      }
      ctx.report({
        node: size.node,
        message: '`max_batch_size=` has no effect without `batch=True`: the function is called once per request',
        fixes,
      });
    }
  },
};
