import type { Rule } from './types';
import { arityOf, inputCount, listenerNode, signatureIsReliable } from './handlers';

export const GR200: Rule = {
  code: 'GR200',
  title: 'Handler parameters do not match the number of inputs',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Compares the number of components in \`inputs\` with the parameters of the function the listener calls, the way
Gradio's own \`check_function_inputs_match\` does: parameters with defaults are optional, \`*args\` takes any number,
and parameters annotated \`gr.Request\`, \`gr.EventData\` subclasses (\`gr.SelectData\`, ...), \`gr.OAuthProfile\`,
\`gr.OAuthToken\` or \`gr.Header\` are filled by Gradio and not counted. \`inputs\` given as a set passes one dict.

## Why is this bad?
Gradio only warns when the app is built; every event then fails with \`TypeError\` when the function is called
with the wrong number of arguments.

## Example
\`\`\`python
def greet(name, greeting):
    return f"{greeting}, {name}"

btn.click(greet, inputs=[name], outputs=out)
\`\`\`

Use instead:
\`\`\`python
btn.click(greet, inputs=[name, greeting], outputs=out)
\`\`\`
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || fn.isMethod || !signatureIsReliable(ctx.model, fn)) continue;
      if (l.event === 'Interface' && l.inputs.kind === 'absent') continue;
      const n = inputCount(l);
      if (n === undefined) continue;
      const { min, max, kwOnlyRequired } = arityOf(ctx.model, fn);
      const name = fn.name ? `\`${fn.name}\`` : 'The lambda';
      const related = [{ node: fn.node, message: 'handler defined here' }];
      if (kwOnlyRequired) {
        ctx.report({ node: listenerNode(l), related, message: `${name} has a keyword-only parameter \`${kwOnlyRequired.name}\` without a default: Gradio cannot pass it, so every call fails` });
        continue;
      }
      let expected: string | undefined;
      if (min === max && max !== n) expected = `${max}`;
      else if (n < min) expected = `at least ${min}`;
      else if (n > max) expected = `at most ${max}`;
      if (!expected) continue;
      ctx.report({
        node: listenerNode(l),
        related,
        message: `${name} takes ${expected} input${expected === '1' ? '' : 's'} but the listener passes ${n}: the call fails with TypeError`,
      });
    }
  },
};
