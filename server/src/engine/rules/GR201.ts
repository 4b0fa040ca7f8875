import type { Rule } from './types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { gradioModuleName } from './edits';
import { isGenerator, isTrueKeyword, listenerNode, outputCount } from './handlers';

export const GR201: Rule = {
  code: 'GR201',
  title: 'Returned values do not match the outputs',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Compares each literal tuple a handler returns (or yields) with the number of components in \`outputs\`.
Too few values is an error; too many is a warning (Gradio ignores the extras). A single output receives any
returned tuple as one value, so it is never reported; neither are dicts keyed by component, \`gr.skip()\`,
variables, or \`batch=True\` handlers.

## Why is this bad?
With too few values Gradio raises \`ValueError: ... didn't return enough output values\` on every call.
Returning \`None\` (or a bare \`return\`) to several outputs fails the same way.

## Example
\`\`\`python
def split(text):
    return text.upper()

btn.click(split, inp, [upper, lower])
\`\`\`

Use instead:
\`\`\`python
def split(text):
    return text.upper(), text.lower()
\`\`\`

## Fix
For too few values, the quick fix pads the tuple with \`gr.skip()\` (leave those outputs unchanged).
`,
  check(ctx) {
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      const n = outputCount(l);
      if (!fn || n === undefined || n < 2 || isTrueKeyword(l, 'batch')) continue;
      const generator = isGenerator(fn);
      const values: { node: Node; value: Node | null }[] = generator
        ? fn.yields.map((y) => ({ node: y, value: y.firstNamedChild }))
        : fn.returns;
      for (const r of values) {
        const count = valueCount(r.value);
        if (count === undefined || count === n) continue;
        if (count === 0 && generator) continue;
        const what = count === 0 ? 'returns nothing' : `${generator ? 'yields' : 'returns'} ${count} value${count === 1 ? '' : 's'}`;
        const related = [{ node: r.node, message: `${generator ? 'yield' : 'return'} with ${count} value${count === 1 ? '' : 's'}` }];
        if (count > n) {
          ctx.report({ node: listenerNode(l), severity: 'warning', related, message: `The handler ${what} for ${n} outputs: Gradio ignores the extra values` });
          continue;
        }
        const gr = gradioModuleName(ctx.model);
        const tuple = r.value && unwrap(r.value);
        const fixes = gr && tuple && count > 0 && (tuple.type === 'tuple' || tuple.type === 'expression_list')
          ? [{
              title: `Pad with ${n - count} \`${gr}.skip()\``,
              safe: false,
              edits: [{ start: lastElementEnd(tuple), end: lastElementEnd(tuple), text: `, ${gr}.skip()`.repeat(n - count) }],
            }]
          : [];
        // A bare `return` usually guards empty input; it still fails, but reads as a slip rather than a wiring error.
        ctx.report({
          node: listenerNode(l), related, fixes, severity: count === 0 ? 'warning' : 'error',
          message: `The handler ${what} for ${n} outputs: Gradio raises ValueError (not enough output values)`,
        });
      }
    }
  },
};

/** Values in a returned expression: a tuple literal has its length, `None`/bare return 0, any other literal 1. */
function valueCount(value: Node | null): number | undefined {
  if (!value) return 0;
  const v = unwrap(value);
  switch (v.type) {
    case 'none': return 0;
    case 'expression_list': case 'tuple': {
      if (v.namedChildren.some((c) => c?.type === 'list_splat')) return undefined;
      return v.namedChildren.filter((c) => c && c.type !== 'comment').length;
    }
    // Only expressions that are certainly one value; `[x] * n` and calls may be sequences.
    case 'string': case 'integer': case 'float': case 'true': case 'false': case 'concatenated_string':
    case 'comparison_operator': case 'not_operator':
      return 1;
  }
  return undefined;
}

function lastElementEnd(tuple: Node): number {
  const items = tuple.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  return items[items.length - 1].endIndex;
}
