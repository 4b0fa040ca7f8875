import type { Rule } from './types';
import { literalValue } from '../tree';
import { didYouMean } from './edits';

const MODES = ['once', 'multiple', 'always_last'];

export const GR022: Rule = {
  code: 'GR022',
  title: 'Invalid `trigger_mode`',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports an event listener whose \`trigger_mode=\` is a literal other than \`"once"\`, \`"multiple"\` or
\`"always_last"\` (or \`None\`, the default).

## Why is this bad?
Gradio checks the value when the listener is created and raises \`ValueError: Invalid value for parameter
\`trigger_mode\`\`, so the app does not start.

## Example
\`\`\`python
text.change(search, text, results, trigger_mode="always-last")
\`\`\`

Use instead:
\`\`\`python
text.change(search, text, results, trigger_mode="always_last")
\`\`\`

## Fix
Offers each valid value, the closest one first. None is part of fix-all: each mode behaves differently while an
event is running (\`"once"\` ignores new triggers, \`"multiple"\` runs them all, \`"always_last"\` runs the last one).
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      if (l.event === 'Interface') continue;
      const kw = l.call.args.keywords.get('trigger_mode');
      if (!kw) continue;
      const value = literalValue(kw.value);
      if (value === undefined || value === null || (typeof value === 'string' && MODES.includes(value))) continue;
      const guess = typeof value === 'string' ? didYouMean(value.replace(/-/g, '_'), MODES) ?? MODES.find((m) => m === value.replace(/-/g, '_').toLowerCase()) : undefined;
      const order = guess ? [guess, ...MODES.filter((m) => m !== guess)] : MODES;
      const quote = kw.value.text.trim().startsWith("'") ? "'" : '"';
      ctx.report({
        node: kw.node,
        message: `\`trigger_mode=${kw.value.text}\` is not one of "once", "multiple", "always_last": Gradio raises ValueError${guess ? `; did you mean "${guess}"?` : ''}`,
        fixes: order.map((m) => ({
          title: `Use \`trigger_mode=${quote}${m}${quote}\``,
          safe: false,
          edits: [{ start: kw.value.startIndex, end: kw.value.endIndex, text: `${quote}${m}${quote}` }],
        })),
      });
    }
  },
};
