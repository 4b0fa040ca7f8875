import type { Rule, RuleContext, FixSpec, OffsetEdit } from './types';
import type { Assignment, Component, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { indentAt, lineStartAt, literalValue, unwrap } from '../tree';
import { boundParams, isStore, usesOf, wiredHere } from './body';
import { appendArgument } from './edits';

export const GR005: Rule = {
  code: 'GR005',
  title: '`gr.State` reassigned in a handler but not in its outputs',
  severity: 'info',
  versions: '*',
  docs: `
## What it does
Reports a handler that assigns a new value to the parameter fed by a \`gr.State\` when that State is not among
the listener's \`outputs\`, e.g. \`count = count + 1\` or \`history = []\`.

## Why is this bad?
Gradio passes the stored object to the function and stores a new value only for the components in \`outputs\`.
Rebinding the parameter changes a local variable: the State keeps its old value, and the next call sees it again.
(Changing a mutable value in place, such as \`history.append(x)\`, does persist, but does not trigger the
State's \`.change\` event.)

## Example
\`\`\`python
def add(count):
    count = count + 1
    return f"{count} clicks"

btn.click(add, inputs=clicks, outputs=label)
\`\`\`

Use instead:
\`\`\`python
def add(count):
    count = count + 1
    return f"{count} clicks", count

btn.click(add, inputs=clicks, outputs=[label, clicks])
\`\`\`

## Fix
"Add state output": adds the State to \`outputs\` (creating \`outputs=[...]\` when there is none or a single
component) and makes every \`return\` of the handler also return the parameter. Not part of fix-all: it changes
what the app does.
`,
  check(ctx) {
    const uses = new Map<FunctionInfo, number>();
    for (const l of ctx.model.listeners) if (l.handler) uses.set(l.handler, (uses.get(l.handler) ?? 0) + 1);
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || fn.kind !== 'def') continue;
      const out = l.outputs;
      if (out.kind !== 'absent' && out.kind !== 'none' && out.kind !== 'single' && out.kind !== 'list') continue;
      const bound = boundParams(ctx.model, l);
      if (!bound) continue;
      for (const b of bound) {
        const state = b.item.component;
        if (state?.className !== 'State' || out.items.some((o) => o.component === state)) continue;
        const name = b.param.name;
        if (fn.globals.has(name)) continue;
        const lost = fn.assignments.find((a) => rebinds(a, name, state) && meantToPersist(fn, a, name));
        if (!lost) continue;
        const fix = uses.get(fn) === 1 ? addStateOutput(ctx, l, fn, b.item.node, name) : undefined;
        ctx.report({
          node: lost.node,
          related: [wiredHere(l)],
          message: `\`${name}\` is reassigned, but the gr.State${state.name ? ` \`${state.name}\`` : ''} that feeds it is not in the listener's outputs: the new value is lost`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

/** True when the assignment gives `name` a new object (not an in-place change of the State's value). */
function rebinds(a: Assignment, name: string, state: Component): boolean {
  if (!targets(a.target, name)) return false;
  if (a.op === '=') return true;
  // `x += ...` changes a list in place but rebinds a number, string or tuple.
  const init = state.call.args.keywords.get('value')?.value ?? state.call.args.positional[0];
  const v = init ? unwrap(init) : null;
  if (!v) return true; // State() starts as None
  if (v.type === 'list' || v.type === 'dictionary' || v.type === 'set' || v.type === 'list_comprehension' || v.type === 'dictionary_comprehension') return false;
  const lit = literalValue(v);
  return lit !== undefined && !Array.isArray(lit);
}

const MUTATORS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'add', 'setdefault', 'sort', 'reverse', 'discard', 'popitem']);

/** True when the new value is clearly meant to be the State's next value, not a local convenience such as
 *  `name = name.strip()`: an update (`n += 1`, `n = n + 1`, `h = [*h, x]`), a reset to a literal (`h = []`), or a
 *  value that the handler goes on to change in place (`h = h or []; h.append(x)`). */
function meantToPersist(fn: FunctionInfo, a: Assignment, name: string): boolean {
  if (a.op !== '=') return true;
  const v = a.value && unwrap(a.value);
  if (!v) return false;
  if (v.type === 'binary_operator') {
    const sides = [v.childForFieldName('left'), v.childForFieldName('right')];
    if (sides.some((x) => x && unwrap(x).type === 'identifier' && unwrap(x).text === name)) return true;
  }
  if (v.type === 'list' || v.type === 'tuple' || v.type === 'set' || v.type === 'dictionary') {
    const spread = v.namedChildren.some((c) => (c?.type === 'list_splat' || c?.type === 'dictionary_splat') && unwrap(c.firstNamedChild ?? c).text === name);
    if (spread) return true;
  }
  if (literalValue(v) !== undefined || ((v.type === 'list' || v.type === 'dictionary' || v.type === 'set') && v.namedChildCount === 0)) return true;
  for (const id of usesOf(fn, name)) {
    if (id.startIndex < a.node.endIndex) continue;
    const p = id.parent;
    if (!p) continue;
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id && MUTATORS.has(p.childForFieldName('attribute')?.text ?? '')
      && p.parent?.type === 'call') return true;
    if (p.type === 'subscript' && p.childForFieldName('value')?.id === id.id && isStore(p)) return true;
  }
  return false;
}

function targets(target: Node, name: string, depth = 0): boolean {
  if (depth > 8) return false;
  const t = unwrap(target);
  if (t.type === 'identifier') return t.text === name;
  if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern') {
    return t.namedChildren.some((c) => !!c && targets(c, name, depth + 1));
  }
  return false;
}

/** The "add state output" fix: the State joins `outputs`, and every return also returns the parameter. */
function addStateOutput(ctx: RuleContext, l: Listener, fn: FunctionInfo, stateNode: Node, param: string): FixSpec | undefined {
  if (unwrap(stateNode).type !== 'identifier' || fn.yields.length || !l.call.args.list) return undefined;
  const state = unwrap(stateNode).text;
  const edits: OffsetEdit[] = [];
  const out = l.outputs;
  let n: number;
  if (out.kind === 'absent') {
    n = 0;
    edits.push(appendArgument(ctx.text, l.call.args.list, `outputs=[${state}]`));
  } else if (out.kind === 'none') {
    n = 0;
    edits.push({ start: out.node!.startIndex, end: out.node!.endIndex, text: `[${state}]` });
  } else if (out.kind === 'single') {
    n = 1;
    edits.push({ start: out.node!.startIndex, end: out.node!.endIndex, text: `[${out.node!.text}, ${state}]` });
  } else {
    const list = unwrap(out.node!);
    if (list.type !== 'list' && list.type !== 'tuple') return undefined;
    n = out.items.length;
    edits.push(appendArgument(ctx.text, list, state));
  }
  for (const r of fn.returns) {
    const e = returnEdit(r.node, r.value, n, param);
    if (!e) return undefined;
    edits.push(e);
  }
  const stmts = fn.body.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  const last = stmts[stmts.length - 1];
  if (!last) return undefined;
  if (last.type !== 'return_statement' && last.type !== 'raise_statement') {
    // The function can end without `return`: it returns None, fine only when there were no outputs.
    if (n !== 0) return undefined;
    const indent = indentAt(ctx.text, last.startIndex);
    // `def f(x): x = []` on one line: no place for another statement.
    if (ctx.text.slice(last.startIndex - indent.length, last.startIndex) !== indent || !/^[ \t]*$/.test(ctx.text.slice(lineStartAt(ctx.text, last.startIndex), last.startIndex))) return undefined;
    // After the end of the statement's last line, so that a trailing comment stays where it is.
    let at = last.endIndex;
    while (at < ctx.text.length && ctx.text[at] !== '\n' && ctx.text[at] !== '\r') at++;
    edits.push({ start: at, end: at, text: `${ctx.lines.eol()}${indent}return ${param}` });
  }
  return { title: `Add \`${state}\` to the outputs and return \`${param}\``, safe: false, edits };
}

function returnEdit(stmt: Node, value: Node | null, n: number, param: string): OffsetEdit | undefined {
  if (!value) {
    // `return` -> `return param` (or `return None, param` when one output already receives None).
    const at = stmt.startIndex + 'return'.length;
    return { start: at, end: at, text: n === 0 ? ` ${param}` : n === 1 ? ` None, ${param}` : '' };
  }
  const v = unwrap(value);
  if (n === 0) return undefined;
  if (n === 1) {
    // One output receives a bare tuple as one value: keep it one value.
    if (value.type === 'expression_list') return { start: value.startIndex, end: value.endIndex, text: `(${value.text}), ${param}` };
    return { start: value.endIndex, end: value.endIndex, text: `, ${param}` };
  }
  if (v.type !== 'expression_list' && v.type !== 'tuple') return undefined;
  const items = v.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  if (items.length !== n || items.some((c) => c.type === 'list_splat')) return undefined;
  const end = items[items.length - 1].endIndex;
  return { start: end, end, text: `, ${param}` };
}
