import type { Rule, RuleContext, FixSpec, OffsetEdit } from './types';
import type { Node } from '../parse';
import type { CallSite, Component } from '../model/types';
import { api } from '../knowledge';
import { STYLE_KEYWORDS } from '../knowledge/migrations';
import { appendArgument } from './edits';
import { indentAt, lineStartAt, unwrap } from '../tree';
import { isPortable, literalOf, phase, replaceNode, text } from './migration';

const WHEN = { removed: '4.0.0' };

export const GR101: Rule = {
  code: 'GR101',
  title: '`.style(...)` removed: pass the settings to the constructor',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`.style(...)\` called on a Gradio component or layout (\`gr.Textbox().style(container=False)\`,
\`gr.Row().style(equal_height=True)\`). Gradio 3.x deprecated it and 4.0 removed it; its settings are
constructor parameters.

## Why is this bad?
\`AttributeError: 'Textbox' object has no attribute 'style'\` while the app is built.

## Example
\`\`\`python
gallery = gr.Gallery(label="Results").style(grid=3, height="auto")
\`\`\`

Use instead:
\`\`\`python
gallery = gr.Gallery(label="Results", columns=3, height="auto")
\`\`\`

## Fix
Moves each keyword into the constructor the way the 3.50 \`.style()\` did: Gallery \`grid\` becomes \`columns\`,
Button \`full_width=True\` becomes \`scale=1\`, the others keep their names; keywords \`.style()\` ignored
(\`rounded\`, \`margin\`, \`border\`, anything unknown to that component) are dropped. Safe when \`.style()\` is
chained on the constructor call, or called once on a variable bound once in the same scope.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const call of ctx.model.calls) {
      const method = ctx.model.methodOf(call);
      const attr = method?.nameNode;
      const receiver = method?.receiver;
      if (!attr || method.name !== 'style' || !receiver) continue;
      const e = receiverEntity(ctx, receiver, call);
      if (e?.kind !== 'component') continue;
      const component = e.component;
      if (ctx.apis.some((a) => { const r = a.resolve(component.path); return r?.kind === 'class' && !!r.info.methods?.style; })) continue;
      const fix = styleFix(ctx, call, receiver, component);
      ctx.report({
        start: attr.startIndex,
        end: call.node.endIndex,
        message: `\`${component.className}.style(...)\` was removed in Gradio 4.0: pass these settings to \`gr.${component.className}(...)\``,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

function styleTable(path: string): Readonly<Record<string, string | null>> {
  const r = api('3.50.2').resolve(path);
  if (r?.kind !== 'class') return {};
  for (const c of [r.info.name, ...r.info.mro]) if (STYLE_KEYWORDS[c]) return STYLE_KEYWORDS[c];
  return {};
}

function styleFix(ctx: RuleContext, call: CallSite, receiver: Node, component: Component): FixSpec | undefined {
  if (call.args.starKwargs) return undefined;
  const ctor = component.call;
  if (!ctor.args.list || ctor.args.starKwargs) return undefined;
  const chained = unwrap(receiver).id === ctor.node.id;
  let safe = chained || singleBinding(ctx, receiver, call, ctor);
  const table = styleTable(component.path);
  const moved: [string, string][] = [];
  for (const kw of call.args.keywords.values()) {
    const to = table[kw.name];
    if (!to) continue;
    if (kw.name === 'full_width') {
      const v = literalOf(kw.value);
      if (v === true) moved.push(['scale', '1']);
      else if (v !== false && v !== null) { moved.push(['scale', `1 if ${text(ctx, kw.value)} else None`]); }
      continue;
    }
    if (!chained && !isPortable(ctx.model, kw.value, call.scope, ctor.scope, ctor.node.startIndex)) safe = false;
    moved.push([to, text(ctx, kw.value)]);
  }
  const edits: OffsetEdit[] = [];
  const appended: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of moved) {
    if (seen.has(name)) continue;
    seen.add(name);
    const existing = ctor.args.keywords.get(name);
    if (existing) edits.push(replaceNode(existing.value, value));
    else appended.push(`${name}=${value}`);
  }
  if (appended.length) edits.push(appendArgument(ctx.text, ctor.args.list, appended.join(', ')));
  edits.push(...dropStyleCall(ctx, call, receiver));
  return { title: moved.length ? `Move the settings into \`gr.${component.className}(...)\`` : 'Remove `.style(...)` (its settings had no effect)', safe, edits };
}

/** Deletes the `.style(...)` call: the suffix when chained or used as a value, else its whole statement. */
function dropStyleCall(ctx: RuleContext, call: CallSite, receiver: Node): OffsetEdit[] {
  const stmt = call.node.parent;
  if (stmt?.type === 'expression_statement' && stmt.namedChildCount === 1 && unwrap(receiver).type === 'identifier') {
    const block = stmt.parent;
    const siblings = block ? block.namedChildren.filter((c) => c && c.type !== 'comment') : [];
    if (block?.type === 'block' && siblings.length === 1) return [replaceNode(stmt, 'pass')];
    const start = lineStartAt(ctx.text, stmt.startIndex);
    const rest = /^[ \t]*(#[^\r\n]*)?(\r\n|\r|\n)?/.exec(ctx.text.slice(stmt.endIndex))!;
    if (ctx.text.slice(start, stmt.startIndex) === indentAt(ctx.text, stmt.startIndex) && rest[2]) {
      return [{ start, end: stmt.endIndex + rest[0].length, text: '' }];
    }
  }
  return [{ start: receiver.endIndex, end: call.node.endIndex, text: '' }];
}

/** What the receiver of `.style` denotes; in `img = img.style(...)` the name still means the earlier binding. */
function receiverEntity(ctx: RuleContext, receiver: Node, call: CallSite) {
  const e = ctx.model.entityOf(receiver, call.scope);
  if (e || unwrap(receiver).type !== 'identifier') return e;
  const name = unwrap(receiver).text;
  const b = ctx.model.lookup(name, call.scope, receiver.startIndex);
  if (!b?.value || b.value.startIndex > call.node.startIndex || b.value.endIndex < call.node.endIndex) return e;
  for (let s: typeof call.scope | null = call.scope; s; s = s.parent) {
    const list = s.bindings.get(name);
    const i = list ? list.indexOf(b) : -1;
    if (i > 0 && list![i - 1].value) return ctx.model.entityOf(list![i - 1].value, s);
    if (i >= 0) break;
  }
  return e;
}

/** `box.style(...)` where `box` is bound once, in the same scope as the constructor call it names. */
function singleBinding(ctx: RuleContext, receiver: Node, call: CallSite, ctor: CallSite): boolean {
  const r = unwrap(receiver);
  if (r.type !== 'identifier' || call.scope !== ctor.scope || call.fn !== ctor.fn) return false;
  const b = ctx.model.lookup(r.text, call.scope, r.startIndex);
  if (!b) return false;
  for (let s: typeof call.scope | null = call.scope; s; s = s.parent) {
    const list = s.bindings.get(r.text);
    if (list?.includes(b)) return list.length === 1 && b.value?.id === ctor.node.id;
  }
  return false;
}
