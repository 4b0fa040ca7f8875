import type { Rule, FixSpec, OffsetEdit } from './types';
import type { Component, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import type { Severity } from '../types';
import { resolveAnyVersion } from '../knowledge';
import { stringValue, unwrap } from '../tree';
import { argument, boundParams, isNone, usesOf, wiredHere } from './body';
import { compareVersions, shortVersion } from '../version';

export const GR013: Rule = {
  code: 'GR013',
  title: 'Chatbot history in the tuples format',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Finds chat history written as \`[user, bot]\` pairs where it goes into a \`gr.Chatbot\`:
- a literal \`gr.Chatbot(value=[["Hi", "Hello!"]])\`;
- a handler that returns (or yields) a list of pairs to a Chatbot output, or that appends a pair to the history it
  receives from a Chatbot input (\`history.append([message, reply])\`) or sets \`history[-1][1]\`;
- \`gr.Examples\` rows that give a Chatbot input a list of pairs.

Pairs anywhere else (a Dataframe, \`HighlightedText\`, \`ChatInterface\` examples with additional inputs) are not
reported.

## Why is this bad?
Gradio 6 removed the tuples format: a Chatbot value is a list of messages such as
\`{"role": "user", "content": "Hi"}\`, and a pair raises \`gr.Error("Data incompatible with messages format")\`.
In Gradio 5 the tuples format is deprecated (and already fails with a Chatbot that has \`type="messages"\`).

## Example
\`\`\`python
def respond(message, history):
    history.append([message, bot(message)])
    return "", history
\`\`\`

Use instead:
\`\`\`python
def respond(message, history):
    history.extend([{"role": "user", "content": message}, {"role": "assistant", "content": bot(message)}])
    return "", history
\`\`\`

## Fix
Rewrites each literal pair as two messages, dropping a \`None\` side (not part of fix-all: other code in the handler,
such as \`history[-1][1] += token\`, may still expect pairs). Offered where the Chatbot uses the messages format.
`,
  check(ctx) {
    const v6 = compareVersions(ctx.version, '6.0.0') >= 0;
    /** The format a Chatbot works in for the target, or undefined when its `type=` is not a literal. */
    const format = (c: Component): 'messages' | 'tuples' | undefined => {
      if (v6) return 'messages';
      const kw = c.call.args.keywords.get('type');
      if (!kw) return c.call.args.starKwargs ? undefined : 'tuples';
      const v = stringValue(kw.value);
      return v === 'messages' || v === 'tuples' ? v : undefined;
    };
    // A handler used by several listeners is reported once per place.
    const reported = new Set<number>();
    const report = (node: Node, chatbot: Component, what: string, edits: OffsetEdit[] | undefined, l?: Listener) => {
      const f = format(chatbot);
      if (!f || reported.has(node.id)) return;
      reported.add(node.id);
      const severity: Severity = f === 'messages' ? 'error' : 'warning';
      const why = v6 ? `Gradio ${shortVersion(ctx.version)} accepts only messages ({"role": ..., "content": ...}): gr.Error when it is shown`
        : f === 'messages' ? 'this Chatbot has type="messages": gr.Error when it is shown'
          : `the tuples format is deprecated in Gradio ${shortVersion(ctx.version)} and removed in 6.0`;
      const fixes: FixSpec[] = edits && f === 'messages' ? [{ title: 'Rewrite the pairs as role/content messages', safe: false, edits }] : [];
      ctx.report({ node, severity, message: `${what} in the tuples format ([user, bot] pairs): ${why}`, fixes, related: l ? [wiredHere(l)] : undefined });
    };

    // (a) Constructor values.
    for (const c of ctx.model.components) {
      if (c.className !== 'Chatbot') continue;
      const value = argument(ctx.apis, { call: c.call, path: c.path }, 'value');
      if (value && isPairList(value)) report(value, c, 'The Chatbot value is', pairListEdits(unwrap(value)));
    }

    // (b) Handlers.
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || l.event === 'Interface') continue;
      const outChatbots = l.outputs.items.map((o) => (o.component?.className === 'Chatbot' ? o.component : null));
      if (!outChatbots.some(Boolean) || (l.outputs.kind !== 'single' && l.outputs.kind !== 'list')) continue;
      for (const { value, chatbot } of valuesToChatbots(fn, l, outChatbots)) {
        const inner = pairsIn(value);
        if (inner) report(inner.node, chatbot, 'The handler returns Chatbot history', inner.edits, l);
      }
      const bound = boundParams(ctx.model, l) ?? [];
      for (const b of bound) {
        const chatbot = b.item.component;
        if (chatbot?.className !== 'Chatbot' || !outChatbots.includes(chatbot)) continue;
        for (const hit of pairWrites(fn, b.param.name)) report(hit.node, chatbot, `\`${b.param.name}\` (the Chatbot's history) is changed`, hit.edits, l);
      }
    }

    // (c) Examples rows for a Chatbot input.
    for (const g of ctx.model.gradioCalls) {
      const r = resolveAnyVersion(g.path);
      if (!((r?.kind === 'class' && r.info.name === 'Examples') || (r?.kind === 'function' && r.info.name === 'create_examples'))) continue;
      const examples = argument(ctx.apis, g, 'examples');
      const inputs = argument(ctx.apis, g, 'inputs');
      if (!examples || !inputs) continue;
      const io = ctx.model.ioOf(inputs, g.call.scope);
      if (io.kind !== 'single' && io.kind !== 'list') continue;
      const rows = unwrap(examples);
      if (rows.type !== 'list') continue;
      io.items.forEach((item, i) => {
        if (item.component?.className !== 'Chatbot') return;
        for (const row of elements(rows)) {
          const cell = io.kind === 'single' ? row : unwrap(row).type === 'list' ? elements(unwrap(row))[i] : undefined;
          if (cell && isPairList(cell)) report(cell, item.component, 'The example for the Chatbot is', pairListEdits(unwrap(cell)));
        }
      });
    }
  },
};

function elements(n: Node): Node[] {
  return n.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
}

function isPair(n: Node): boolean {
  const u = unwrap(n);
  return (u.type === 'list' || u.type === 'tuple') && elements(u).length === 2 && !elements(u).some((c) => c.type === 'list_splat');
}

/** A list literal of pairs (at least one), possibly with `*history` spreads between them. */
function isPairList(n: Node): boolean {
  const u = unwrap(n);
  if (u.type !== 'list') return false;
  const els = elements(u);
  const pairs = els.filter(isPair);
  return pairs.length > 0 && els.every((e) => isPair(e) || e.type === 'list_splat');
}

/** The pair list in a returned value: `[[a, b]]`, `history + [[a, b]]`, `[*history, (a, b)]`. */
function pairsIn(value: Node): { node: Node; edits: OffsetEdit[] | undefined } | undefined {
  const v = unwrap(value);
  if (isPairList(v)) return { node: v, edits: pairListEdits(v) };
  if (v.type === 'binary_operator' && v.childForFieldName('operator')?.text === '+') {
    const right = v.childForFieldName('right');
    if (right && isPairList(right)) return { node: v, edits: pairListEdits(unwrap(right)) };
  }
  return undefined;
}

/** Values the handler returns or yields into a Chatbot output, with that Chatbot. */
function valuesToChatbots(fn: FunctionInfo, l: Listener, outChatbots: (Component | null)[]): { value: Node; chatbot: Component }[] {
  const out: { value: Node; chatbot: Component }[] = [];
  const values = [...fn.returns.map((r) => r.value), ...fn.yields.map((y) => y.firstNamedChild)];
  for (const value of values) {
    if (!value) continue;
    const v = unwrap(value);
    if (l.outputs.kind === 'single') {
      if (outChatbots[0]) out.push({ value: v, chatbot: outChatbots[0] });
      continue;
    }
    if (v.type !== 'expression_list' && v.type !== 'tuple') continue;
    const els = elements(v);
    if (els.length !== outChatbots.length) continue;
    els.forEach((e, i) => {
      const c = outChatbots[i];
      if (c) out.push({ value: e, chatbot: c });
    });
  }
  return out;
}

/** `history.append([a, b])`, `history.extend([[a, b]])`, `history += [[a, b]]` and `history[i][1] = ...` in the
 *  handler's own body, where `history` is the parameter fed by a Chatbot. */
function pairWrites(fn: FunctionInfo, name: string): { node: Node; edits: OffsetEdit[] | undefined }[] {
  const out: { node: Node; edits: OffsetEdit[] | undefined }[] = [];
  for (const id of usesOf(fn, name)) {
    const p = id.parent;
    if (!p) continue;
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id && p.parent?.type === 'call') {
      const method = p.childForFieldName('attribute');
      const call = p.parent;
      const args = call.childForFieldName('arguments');
      const arg = args && elements(args);
      if (!method || !arg || arg.length !== 1 || arg[0].type === 'keyword_argument') continue;
      if (method.text === 'append' && isPair(arg[0])) {
        const msgs = pairMessages(unwrap(arg[0]));
        const edits: OffsetEdit[] | undefined = msgs === undefined ? undefined : msgs.length === 1
          ? [{ start: arg[0].startIndex, end: arg[0].endIndex, text: msgs[0] }]
          : [{ start: method.startIndex, end: method.endIndex, text: 'extend' }, { start: arg[0].startIndex, end: arg[0].endIndex, text: `[${msgs.join(', ')}]` }];
        out.push({ node: call, edits });
      } else if (method.text === 'extend' && isPairList(arg[0])) {
        out.push({ node: call, edits: pairListEdits(unwrap(arg[0])) });
      }
      continue;
    }
    if (p.type === 'augmented_assignment' && p.childForFieldName('left')?.id === id.id) {
      const right = p.childForFieldName('right');
      if (right && isPairList(right)) out.push({ node: p, edits: pairListEdits(unwrap(right)) });
      continue;
    }
    // history[-1][1] = reply / += token
    if (p.type === 'subscript' && p.childForFieldName('value')?.id === id.id) {
      const outer = p.parent;
      if (outer?.type !== 'subscript' || outer.childForFieldName('value')?.id !== p.id) continue;
      const index = outer.childForFieldName('subscript');
      if (!index || (index.text !== '0' && index.text !== '1')) continue;
      const stmt = outer.parent;
      if ((stmt?.type === 'assignment' || stmt?.type === 'augmented_assignment') && stmt.childForFieldName('left')?.id === outer.id) {
        out.push({ node: stmt, edits: undefined });
      }
    }
  }
  return out;
}

/** Edits rewriting every pair of a list literal as messages, or undefined when one cannot be rewritten. */
function pairListEdits(list: Node): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  for (const e of elements(list)) {
    if (e.type === 'list_splat') continue;
    const msgs = pairMessages(unwrap(e));
    if (!msgs) return undefined;
    edits.push({ start: e.startIndex, end: e.endIndex, text: msgs.join(', ') });
  }
  return edits;
}

/** `[a, b]` as message dicts (a `None` side dropped); undefined for file tuples or an all-None pair. */
function pairMessages(pair: Node): string[] | undefined {
  const [user, bot] = elements(pair);
  const msgs: string[] = [];
  for (const [role, v] of [['user', user], ['assistant', bot]] as const) {
    if (isNone(v)) continue;
    const u = unwrap(v);
    // (path, alt) tuples are files in the tuples format: no one-to-one rewrite.
    if (u.type === 'tuple' || u.type === 'list') return undefined;
    msgs.push(`{"role": "${role}", "content": ${v.text}}`);
  }
  return msgs.length ? msgs : undefined;
}
