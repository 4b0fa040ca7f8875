import type { Rule, RuleContext, FixSpec } from './types';
import type { Component, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { literalValue, unwrap } from '../tree';
import { listenerNode } from './handlers';
import { statementNode } from './body';

export const GR208: Rule = {
  code: 'GR208',
  title: 'Two listeners on the same event race',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Reports a second listener attached to the same event of the same component (in the same block of code) when the
two write the same output, or when one reads a component that the other computes. Listeners without a Python
function (\`js=\` only), \`queue=False\` listeners (the quick "show a status" pattern), polling listeners (\`every=\`,
Gradio 4) and listeners that only reset an input (\`lambda: ""\`) are not reported.

## Why is this bad?
Both listeners start at the same moment and run in parallel: the one that finishes last decides what the shared
output shows, and a listener reading a component gets its value from before the other one changed it. Chaining
with \`.then(...)\` runs them one after the other.

## Example
\`\`\`python
btn.click(transcribe, audio, text)
btn.click(translate, text, translation)  # reads the old text
\`\`\`

Use instead:
\`\`\`python
btn.click(transcribe, audio, text).then(translate, text, translation)
\`\`\`

## Fix
Moves the second listener's arguments into a \`.then(...)\` on the first, when the two calls are consecutive
statements (not part of fix-all: it changes when the second function runs).
`,
  check(ctx) {
    const candidates = ctx.model.listeners.filter((l) => l.event !== 'Interface' && l.event !== 'on' && runsPython(l)
      && !isFalseKeyword(l, 'queue') && !l.call.args.keywords.has('every') && (l.trigger?.component || l.trigger?.app || l.trigger?.listener));
    // Listeners grouped by trigger and event: only those can race each other.
    const groups = new Map<unknown, Map<string, Listener[]>>();
    for (const l of candidates) {
      const t = l.trigger!.component ?? l.trigger!.app ?? l.trigger!.listener;
      let byEvent = groups.get(t);
      if (!byEvent) groups.set(t, (byEvent = new Map()));
      const list = byEvent.get(l.event);
      if (list) list.push(l); else byEvent.set(l.event, [l]);
    }
    const reported = new Set<Listener>();
    for (const group of [...groups.values()].flatMap((m) => [...m.values()])) for (let j = 1; j < group.length; j++) {
      const b = group[j];
      for (let i = 0; i < j; i++) {
        const a = group[i];
        if (reported.has(b) || !sameTrigger(a, b) || !sameBlock(a, b)) continue;
        const clash = conflict(ctx, a, b);
        if (!clash) continue;
        reported.add(b);
        const fix = clash.kind === 'twice' ? removeDuplicate(ctx, b) : chain(ctx, a, b, clash.kind !== 'a-reads');
        ctx.report({
          node: listenerNode(b),
          related: [{ node: listenerNode(a), message: 'the other listener on this event' }],
          message: clash.message,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function runsPython(l: Listener): boolean {
  if (l.call.decorates) return true;
  return !!l.fnNode && unwrap(l.fnNode).type !== 'none';
}

function isFalseKeyword(l: Listener, name: string): boolean {
  const v = l.call.args.keywords.get(name)?.value;
  return !!v && unwrap(v).type === 'false';
}

function sameTrigger(a: Listener, b: Listener): boolean {
  if (a.event !== b.event || !a.trigger || !b.trigger) return false;
  const ta = a.trigger.component ?? a.trigger.app ?? a.trigger.listener;
  const tb = b.trigger.component ?? b.trigger.app ?? b.trigger.listener;
  return !!ta && ta === tb;
}

/** Both calls are statements of the same block (same function, same branch, same Blocks context). */
function sameBlock(a: Listener, b: Listener): boolean {
  return a.call.fn === b.call.fn && sameParent(a, b);
}

function sameParent(a: Listener, b: Listener): boolean {
  const pa = statementNode(listenerNode(a)).parent, pb = statementNode(listenerNode(b)).parent;
  return !!pa && !!pb && pa.id === pb.id;
}

function components(io: Listener['inputs']): Set<Component> {
  return new Set(io.items.map((x) => x.component).filter((c): c is Component => !!c));
}

function conflict(ctx: RuleContext, a: Listener, b: Listener): { kind: 'twice' | 'overlap' | 'b-reads' | 'a-reads'; message: string } | undefined {
  const event = a.event === 'then' || a.event === 'success' || a.event === 'failure' ? `.${a.event}()` : `.${a.event}`;
  const ao = components(a.outputs), bo = components(b.outputs);
  const shared = [...ao].filter((c) => bo.has(c));
  if (shared.length) {
    const names = shared.map((c) => (c.name ? `\`${c.name}\`` : `a gr.${c.className}`)).join(', ');
    const twice = a.call.node.text.replace(/\s+/g, '') === b.call.node.text.replace(/\s+/g, '');
    return {
      kind: twice ? 'twice' : 'overlap',
      message: twice
        ? `This listener is registered twice on ${event}: both runs start together and write ${names}, so one update is lost`
        : `Two listeners on the same ${event} both write ${names}: they run in parallel and whichever finishes last wins; chain this one with .then(...)`,
    };
  }
  const bi = components(b.inputs), ai = components(a.inputs);
  const bReads = [...ao].filter((c) => bi.has(c));
  if (bReads.length && computes(ctx, a)) {
    return { kind: 'b-reads', message: `This listener reads ${label(bReads)}, which the other listener on the same ${event} computes: it gets the old value; chain it with .then(...)` };
  }
  const aReads = [...bo].filter((c) => ai.has(c));
  if (aReads.length && computes(ctx, b)) {
    return { kind: 'a-reads', message: `This listener computes ${label(aReads)}, which the other listener on the same ${event} reads: that one gets the old value; run them in order with .then(...)` };
  }
  return undefined;
}

function label(cs: Component[]): string {
  return cs.map((c) => (c.name ? `\`${c.name}\`` : `a gr.${c.className}`)).join(', ');
}

/** True when the listener's function derives its outputs from inputs (not a reset such as `lambda: ""`). */
function computes(ctx: RuleContext, l: Listener): boolean {
  if (l.inputs.kind === 'absent' || l.inputs.kind === 'none') return false;
  const fn = l.handler;
  if (!fn) return true;
  return !onlyConstants(ctx, fn);
}

function onlyConstants(ctx: RuleContext, fn: FunctionInfo): boolean {
  if (fn.yields.length || !fn.returns.length) return false;
  return fn.returns.every((r) => !r.value || isConstant(ctx, r.value));
}

function isConstant(ctx: RuleContext, n: Node, depth = 0): boolean {
  if (depth > 8) return false;
  const v = unwrap(n);
  if (literalValue(v) !== undefined) return true;
  if (v.type === 'tuple' || v.type === 'expression_list' || v.type === 'list') return v.namedChildren.every((c) => !c || c.type === 'comment' || isConstant(ctx, c, depth + 1));
  if (v.type === 'dictionary') return v.namedChildCount === 0;
  if (v.type === 'call') {
    // gr.update(...), gr.skip(), gr.Textbox(value="") with literal arguments.
    const callee = v.childForFieldName('function');
    if (!callee || ctx.model.pathOf(callee) === undefined) return false;
    const args = v.childForFieldName('arguments');
    return !args || args.namedChildren.every((c) => !c || c.type === 'comment'
      || (c.type === 'keyword_argument' ? isConstant(ctx, c.childForFieldName('value')!, depth + 1) : isConstant(ctx, c, depth + 1)));
  }
  return false;
}

/** `a(...)` then `b(...)` as consecutive statements become `a(...).then(<b's arguments>)`. */
function chain(ctx: RuleContext, a: Listener, b: Listener, allowed: boolean): FixSpec | undefined {
  if (!allowed || a.call.decorator || b.call.decorator || !b.call.args.list) return undefined;
  const sa = statementNode(a.call.node), sb = statementNode(b.call.node);
  if (sa.type !== 'expression_statement' || sb.type !== 'expression_statement') return undefined;
  if (unwrap(sa.firstNamedChild!).id !== a.call.node.id || unwrap(sb.firstNamedChild!).id !== b.call.node.id) return undefined;
  let next = sa.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  if (next?.id !== sb.id) return undefined;
  const line = wholeLines(ctx, sb);
  if (!line) return undefined;
  // b's trailing comment moves along when a's line has none.
  const comment = line.comment && !restOfLine(ctx, a.call.node.endIndex).trim() ? `  ${line.comment}` : '';
  return {
    title: 'Chain this listener with `.then(...)` after the other',
    safe: false,
    edits: [
      { start: a.call.node.endIndex, end: a.call.node.endIndex, text: `.then${b.call.args.list.text}${comment}` },
      { start: line.start, end: line.end, text: '' },
    ],
  };
}

function restOfLine(ctx: RuleContext, at: number): string {
  let end = at;
  while (end < ctx.text.length && ctx.text[end] !== '\n' && ctx.text[end] !== '\r') end++;
  return ctx.text.slice(at, end);
}

/** Deletes a listener registered a second time (a standalone statement). */
function removeDuplicate(ctx: RuleContext, b: Listener): FixSpec | undefined {
  if (b.call.decorator) return undefined;
  const sb = statementNode(b.call.node);
  if (sb.type !== 'expression_statement' || unwrap(sb.firstNamedChild!).id !== b.call.node.id) return undefined;
  // The only statement of its block cannot go.
  if (sb.parent?.type === 'block' && sb.parent.namedChildren.filter((c) => c && c.type !== 'comment').length < 2) return undefined;
  const line = wholeLines(ctx, sb);
  return line ? { title: 'Remove the duplicate listener', safe: false, edits: [{ start: line.start, end: line.end, text: '' }] } : undefined;
}

/** The range of a statement's whole lines (with a trailing comment, returned too), when no other statement shares them. */
function wholeLines(ctx: RuleContext, stmt: Node): { start: number; end: number; comment: string } | undefined {
  let start = stmt.startIndex;
  while (start > 0 && (ctx.text[start - 1] === ' ' || ctx.text[start - 1] === '\t')) start--;
  if (start > 0 && ctx.text[start - 1] !== '\n' && ctx.text[start - 1] !== '\r') return undefined;
  const rest = restOfLine(ctx, stmt.endIndex);
  const comment = rest.trim();
  if (comment && !comment.startsWith('#')) return undefined;
  let end = stmt.endIndex + rest.length;
  if (ctx.text[end] === '\r') end++;
  if (ctx.text[end] === '\n') end++;
  return { start, end, comment };
}

