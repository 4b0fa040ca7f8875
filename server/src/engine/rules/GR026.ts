import type { Rule } from './types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { isGenerator, listenerNode } from './handlers';
import { isTrueLiteral } from './launch';

export const GR026: Rule = {
  code: 'GR026',
  title: '`batch=True` handler breaks the batch contract',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Checks the handler of an event (or \`gr.Interface\`) with \`batch=True\`. A generator handler (one that uses
\`yield\`) is an error. A \`return\` of something that cannot be a sequence of lists (a string or number, \`None\`, a
bare \`return\`, or a tuple holding such values) is a warning.

## Why is this bad?
With \`batch=True\` Gradio calls the function with one list per input and expects back one list per output (a
tuple or list of lists, even for a single output: \`return [results]\`). Generators are refused: every call raises
\`ValueError: Gradio does not support generators in batch mode\`. Other shapes fail or scramble the outputs when
Gradio splits the batch.

## Example
\`\`\`python
def shout(texts):
    return [t.upper() for t in texts]

btn.click(shout, inp, out, batch=True)
\`\`\`

Use instead:
\`\`\`python
def shout(texts):
    return ([t.upper() for t in texts],)
\`\`\`
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      const batch = l.call.args.keywords.get('batch');
      const fn = l.handler;
      if (!batch || !isTrueLiteral(batch.value) || !fn) continue;
      const related = [{ node: listenerNode(l), message: 'batch=True set here' }];
      if (isGenerator(fn)) {
        ctx.report({
          node: batch.node,
          message: 'A generator handler cannot run with `batch=True`: Gradio raises ValueError ("does not support generators in batch mode") on every call',
          related: [{ node: fn.yields[0], message: 'yield makes the handler a generator' }],
        });
        continue;
      }
      for (const r of fn.returns) {
        const bad = notListOfLists(r.value);
        if (!bad) continue;
        ctx.report({
          node: r.node,
          severity: 'warning',
          message: `With \`batch=True\` the handler must return one list per output (e.g. \`return [results]\`), but this returns ${bad}`,
          related,
        });
      }
    }
  },
};

/** What the returned expression is, when it certainly is not a sequence of lists. */
function notListOfLists(value: Node | null): string | undefined {
  if (!value) return 'nothing';
  const v = unwrap(value);
  const scalar = scalarKind(v);
  if (scalar) return scalar;
  if (v.type === 'tuple' || v.type === 'expression_list' || v.type === 'list') {
    for (const c of v.namedChildren) {
      const inner = c && scalarKind(unwrap(c));
      if (inner) return `${inner} where a list belongs`;
    }
  }
  return undefined;
}

function scalarKind(v: Node): string | undefined {
  switch (v.type) {
    case 'none': return '`None`';
    case 'string': case 'concatenated_string': return 'a string';
    case 'integer': case 'float': return 'a number';
    case 'true': case 'false': case 'comparison_operator': case 'not_operator': return 'a bool';
  }
  return undefined;
}
