import type { Rule } from './types';
import type { KeywordArg } from '../model/types';
import { literalValue } from '../tree';
import { versionIn } from '../version';
import { removeArgument } from './edits';
import { queueCallsOf } from './launch';

export const GR002: Rule = {
  code: 'GR002',
  title: '`queue(concurrency_count=...)` was removed',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`concurrency_count=\` in an app's \`queue(...)\` call.

## Why is this bad?
In 3.x \`concurrency_count\` set how many workers served the queue. Gradio 4 replaced it with a per-event
\`concurrency_limit\`: from 4.0 a truthy \`concurrency_count\` raises an exception (\`DeprecationWarning\` is *raised*,
not warned), and since 5.0 the parameter is gone (\`TypeError\`).

## Example
\`\`\`python
demo.queue(concurrency_count=4)
\`\`\`

Use instead:
\`\`\`python
demo.queue(default_concurrency_limit=4)
\`\`\`

## Fix
Renames the keyword to \`default_concurrency_limit=\` (Gradio 4.4 and later), which lets each event run that many
requests at once; when the value is 1, falsy, or a \`default_concurrency_limit=\` is already given, removes it.
Both are part of fix-all. For 4.0-4.3, where \`default_concurrency_limit\` does not exist yet, the removal is only
offered: set \`concurrency_limit=\` on the events that need more.
`,
  check(ctx) {
    const hasDefaultLimit = versionIn(ctx.version, '>=4.4.0');
    // 4.1-4.x raise only for a truthy value; 4.0.x and 5.0+ reject the keyword whatever its value.
    const anyValueFails = !versionIn(ctx.version, '>=4.1.0 <5.0.0');
    for (const app of ctx.model.apps) {
      for (const queue of queueCallsOf(ctx.model, app)) {
        const kw = queue.args.keywords.get('concurrency_count');
        if (!kw) continue;
        const value = literalValue(kw.value);
        const falsy = value === null || value === 0 || value === false;
        if (falsy && !anyValueFails) continue;
        const trivial = falsy || value === 1 || queue.args.keywords.has('default_concurrency_limit');
        const remove = { title: 'Remove `concurrency_count=`', safe: trivial, edits: [removeArgument(kw.node)] };
        const fixes = !trivial && hasDefaultLimit ? [rename(kw), { ...remove, safe: false }] : [remove];
        ctx.report({
          node: kw.node,
          message: `\`queue(concurrency_count=...)\` was removed in Gradio 4 (${versionIn(ctx.version, '>=5.0.0') ? 'TypeError' : 'it raises'}); `
            + (hasDefaultLimit ? 'use `default_concurrency_limit=` or `concurrency_limit=` on the events' : 'set `concurrency_limit=` on the events instead'),
          fixes,
        });
      }
    }
  },
};

function rename(kw: KeywordArg) {
  return {
    title: 'Rename to `default_concurrency_limit=`',
    safe: true,
    edits: [{ start: kw.nameNode.startIndex, end: kw.nameNode.endIndex, text: 'default_concurrency_limit' }],
  };
}
