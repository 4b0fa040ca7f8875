import type { Rule, RuleContext, FixSpec } from './types';
import type { Component, FunctionInfo } from '../model/types';
import type { Node } from '../parse';
import { indentAt, lineStartAt, unwrap } from '../tree';
import { argument, boundParams, isNone, isRebound, usageOf, usesOf, wiredHere } from './body';
import { gradioModuleName } from './edits';
import { compareVersions } from '../version';

const GUARDS = new Set(['if_statement', 'elif_clause', 'while_statement', 'conditional_expression', 'boolean_operator',
  'comparison_operator', 'not_operator', 'assert_statement']);

export const GR010: Rule = {
  code: 'GR010',
  title: 'Dropdown value used without a `None` check',
  severity: 'info',
  versions: '*',
  docs: `
## What it does
Reports a handler that calls a method on, indexes, or iterates the value of a \`gr.Dropdown\` that can have no
selection, without checking for \`None\` first. A Dropdown has no selection when it is created with \`value=None\`,
with no choices, or (before Gradio 5.2) without a \`value\`. Dropdowns whose value is set by another listener, and
listeners triggered by the Dropdown itself, are not reported.

## Why is this bad?
With nothing selected the function receives \`None\`, and \`choice.lower()\` raises \`AttributeError\`: the user sees
a generic error instead of being asked to choose.

## Example
\`\`\`python
model = gr.Dropdown(["small", "large"], value=None, label="Model")

def run(model_name, prompt):
    return load(model_name.lower())(prompt)
\`\`\`

Use instead:
\`\`\`python
def run(model_name, prompt):
    if model_name is None:
        raise gr.Error("Please choose a model first")
    return load(model_name.lower())(prompt)
\`\`\`

## Fix
Inserts that check at the top of the handler (not part of fix-all).
`,
  check(ctx) {
    const setByCode = new Set<Component>();
    for (const l of ctx.model.listeners) for (const o of l.outputs.items) if (o.component) setByCode.add(o.component);
    const done = new Set<string>();
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || fn.kind !== 'def') continue;
      for (const b of boundParams(ctx.model, l) ?? []) {
        const dd = b.item.component;
        if (dd?.className !== 'Dropdown' || setByCode.has(dd) || l.trigger?.component === dd) continue;
        const key = `${fn.node.id}:${b.param.name}`;
        if (done.has(key) || !canBeEmpty(ctx, dd)) continue;
        const name = b.param.name;
        if (isRebound(fn, name)) continue;
        const use = unguardedUse(fn, name);
        if (!use) continue;
        done.add(key);
        const why = explicitNone(ctx, dd) ? 'it starts with `value=None`' : 'nothing is selected until the user picks a choice';
        const fix = noneCheck(ctx, fn, name);
        ctx.report({
          node: use,
          related: [wiredHere(l)],
          message: `\`${name}\` comes from a Dropdown${dd.name ? ` (\`${dd.name}\`)` : ''} that can be empty (${why}): with no selection it is None and this fails`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function explicitNone(ctx: RuleContext, dd: Component): boolean {
  const v = argument(ctx.apis, { call: dd.call, path: dd.path }, 'value');
  return !!v && isNone(v);
}

/** True when the Dropdown can hold None: `value=None`, no choices, or no value before 5.2 (when omitting `value`
 *  started to select the first choice). Multiselect dropdowns give `[]`, not None. */
function canBeEmpty(ctx: RuleContext, dd: Component): boolean {
  const args = dd.call.args;
  if (args.starKwargs || args.starArgs) return false;
  const multi = args.keywords.get('multiselect');
  if (multi && unwrap(multi.value).type !== 'false' && !isNone(multi.value)) return false;
  const g = { call: dd.call, path: dd.path };
  const value = argument(ctx.apis, g, 'value');
  if (value) return isNone(value);
  const choices = argument(ctx.apis, g, 'choices');
  if (!choices || isNone(choices)) return true;
  const c = unwrap(choices);
  if ((c.type === 'list' || c.type === 'tuple') && c.namedChildCount === 0) return true;
  return compareVersions(ctx.version, '5.2.0') < 0;
}

/** The first use of `name` that fails on None (a method or attribute, an index, `len()`, iteration), provided the
 *  handler never tests the name (`if x`, `x is None`, `x or ...`, `isinstance`) and never uses it inside `try`. */
function unguardedUse(fn: FunctionInfo, name: string): Node | undefined {
  let first: Node | undefined;
  for (const id of usesOf(fn, name)) {
    let p = id.parent;
    while (p?.type === 'parenthesized_expression') p = p.parent;
    if (!p || GUARDS.has(p.type)) return undefined;
    for (let a: Node | null = p; a && a.id !== fn.node.id; a = a.parent) if (a.type === 'try_statement') return undefined;
    const u = usageOf(id);
    if (u.kind === 'argument') {
      const callee = u.call.childForFieldName('function')?.text;
      if (callee === 'isinstance' || callee === 'bool') return undefined;
      if (callee === 'len' && !first) first = u.call;
      continue;
    }
    if ((u.kind === 'attribute' || u.kind === 'subscript') && !first) first = u.node;
    if (p.type === 'for_statement' && p.childForFieldName('right')?.id === id.id && !first) first = id;
  }
  return first;
}

/** `if NAME is None: raise gr.Error(...)` as the handler's first statement (after a docstring). */
function noneCheck(ctx: RuleContext, fn: FunctionInfo, name: string): FixSpec | undefined {
  const gr = gradioModuleName(ctx.model);
  if (!gr || fn.body.type !== 'block') return undefined;
  const stmts = fn.body.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  let first = stmts[0];
  if (!first) return undefined;
  const isDoc = first.type === 'expression_statement' && first.firstNamedChild?.type === 'string';
  const anchor = isDoc ? stmts[1] : first;
  const indent = indentAt(ctx.text, first.startIndex);
  if (ctx.text.slice(lineStartAt(ctx.text, first.startIndex), first.startIndex) !== indent) return undefined;
  const unit = indent.startsWith('\t') ? '\t' : '    ';
  const eol = ctx.lines.eol();
  const check = `${indent}if ${name} is None:${eol}${indent}${unit}raise ${gr}.Error("Please make a selection first")${eol}`;
  let at: number;
  if (anchor) at = lineStartAt(ctx.text, anchor.startIndex);
  else {
    // Only a docstring: after its line.
    at = first.endIndex;
    while (at < ctx.text.length && ctx.text[at] !== '\n') at++;
    at = Math.min(at + 1, ctx.text.length);
  }
  return { title: `Add \`if ${name} is None: raise ${gr}.Error(...)\``, safe: false, edits: [{ start: at, end: at, text: check }] };
}

