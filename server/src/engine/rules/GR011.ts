import type { Rule, FixSpec } from './types';
import type { Node } from '../parse';
import { literalValue, unwrap, type Literal } from '../tree';
import { argument } from './body';
import { appendArgument } from './edits';

type Scalar = string | number | boolean;
interface Choice { value: Scalar; label: string | null; node: Node }

export const GR011: Rule = {
  code: 'GR011',
  title: 'Dropdown or Radio value that is not one of its choices',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Compares the literal \`value=\` of a \`gr.Dropdown\` or \`gr.Radio\` with its literal \`choices=\`. When choices are
\`(label, value)\` pairs, the value is compared with the second element, as Gradio does. Dropdowns with
\`allow_custom_value=True\` are not checked.

## Why is this bad?
The component starts on a value the user could never pick. \`gr.Dropdown\` warns when the app is built, and since
Gradio 5.0 both components reject the value with an error when it is sent back to a function unchanged. A common
cause is using a choice's label where its value is expected.

## Example
\`\`\`python
gr.Dropdown(choices=[("Small", "s"), ("Large", "l")], value="Small")
\`\`\`

Use instead:
\`\`\`python
gr.Dropdown(choices=[("Small", "s"), ("Large", "l")], value="s")
\`\`\`

## Fix
When the value is the label of a choice, use that choice's value; otherwise add the value to \`choices\`, or (for a
Dropdown) set \`allow_custom_value=True\`. None of these is applied by fix-all.
`,
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.className !== 'Dropdown' && c.className !== 'Radio') continue;
      const g = { call: c.call, path: c.path };
      if (c.call.args.starKwargs) continue;
      const custom = c.call.args.keywords.get('allow_custom_value');
      if (custom && unwrap(custom.value).type !== 'false') continue;
      const choicesNode = argument(ctx.apis, g, 'choices');
      const valueNode = argument(ctx.apis, g, 'value');
      if (!choicesNode || !valueNode) continue;
      const list = unwrap(choicesNode);
      if (list.type !== 'list' && list.type !== 'tuple') continue;
      const choices = readChoices(list);
      if (!choices?.length) continue;
      const value = literalValue(valueNode);
      if (value === undefined || value === null) continue;
      const multiselect = c.call.args.keywords.get('multiselect');
      const multi = c.className === 'Dropdown' && !!multiselect && unwrap(multiselect.value).type === 'true';
      let values: Literal[];
      if (Array.isArray(value)) {
        if (!multi) continue;
        values = value;
      } else values = [value];
      const valueItems = Array.isArray(value) ? unwrap(valueNode).namedChildren.filter((n) => n && n.type !== 'comment') as Node[] : [unwrap(valueNode)];
      values.forEach((v, i) => {
        if (v === null || Array.isArray(v) || choices.some((ch) => pyEqual(ch.value, v))) return;
        const itemNode = valueItems[i];
        const byLabel = typeof v === 'string' ? choices.filter((ch) => ch.label === v) : [];
        const fixes: FixSpec[] = [];
        if (byLabel.length === 1 && itemNode) {
          fixes.push({ title: `Use the choice's value \`${byLabel[0].node.text}\``, safe: false, edits: [{ start: itemNode.startIndex, end: itemNode.endIndex, text: byLabel[0].node.text }] });
        }
        if (itemNode) fixes.push({ title: `Add \`${itemNode.text}\` to the choices`, safe: false, edits: [appendArgument(ctx.text, list, itemNode.text)] });
        if (c.className === 'Dropdown' && !custom && c.call.args.list) {
          fixes.push({ title: 'Set `allow_custom_value=True`', safe: false, edits: [appendArgument(ctx.text, c.call.args.list, 'allow_custom_value=True')] });
        } else if (c.className === 'Dropdown' && custom) {
          fixes.push({ title: 'Set `allow_custom_value=True`', safe: false, edits: [{ start: custom.value.startIndex, end: custom.value.endIndex, text: 'True' }] });
        }
        const kw = c.call.args.keywords.get('value');
        ctx.report({
          node: Array.isArray(value) && itemNode ? itemNode : kw?.node ?? valueNode,
          message: `${itemNode?.text ?? JSON.stringify(v)} is not one of the \`gr.${c.className}\` choices`
            + (byLabel.length === 1 ? ` (it is the label of ${byLabel[0].node.text}; the value is what counts)` : '')
            + ': the user cannot select it, and Gradio rejects it when it is submitted unchanged',
          fixes,
        });
      });
    }
  },
};

/** The choices of a literal list: plain values, or `(label, value)` pairs; undefined when any is not literal. */
function readChoices(list: Node): Choice[] | undefined {
  const out: Choice[] = [];
  for (const el of list.namedChildren) {
    if (!el || el.type === 'comment') continue;
    const e = unwrap(el);
    if (e.type === 'tuple' || e.type === 'list') {
      const parts = e.namedChildren.filter((n) => n && n.type !== 'comment') as Node[];
      if (parts.length !== 2) return undefined;
      const label = literalValue(parts[0]);
      const value = literalValue(parts[1]);
      if (!isScalar(value)) return undefined;
      out.push({ value, label: typeof label === 'string' ? label : null, node: parts[1] });
      continue;
    }
    const v = literalValue(e);
    if (!isScalar(v)) return undefined;
    out.push({ value: v, label: null, node: e });
  }
  return out;
}

function isScalar(v: Literal | undefined): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Python `==` between literals: numbers and booleans compare by value (`True == 1`), strings only with strings. */
function pyEqual(a: Scalar, b: Literal): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (b === null || Array.isArray(b)) return false;
  return Number(a) === Number(b);
}
