import type { Rule } from './types';
import type { Model } from '../model/link';
import type { Binding, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { qualifiedName, statementNode, usesOf, wiredHere } from './body';

const MUTATORS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'add', 'setdefault', 'popitem',
  'discard', 'appendleft', 'extendleft', 'popleft', 'sort', 'reverse']);
const CONTAINER_CALLS = new Set(['list', 'dict', 'set', 'collections.deque', 'collections.OrderedDict', 'collections.defaultdict']);

export const GR006: Rule = {
  code: 'GR006',
  title: 'Chat history kept in a module-level variable',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Reports a handler that adds to (or replaces) a module-level list or dict and then shows that same object in a
\`gr.Chatbot\`: the conversation is stored in a global.

## Why is this bad?
Module-level variables are shared by every visitor of the app (and every browser tab). All users append to the
same history and see each other's messages; a "Clear" from one user wipes everyone's. Per-user data belongs in a
\`gr.State\`, or in the Chatbot's own value passed back as an input.

Shared data that is meant to be shared (a visitor counter, a leaderboard, a cache) is not reported, and neither
are changes made under a \`with lock:\` block.

## Example
\`\`\`python
history = []

def chat(message):
    history.append({"role": "user", "content": message})
    history.append({"role": "assistant", "content": answer(message)})
    return history

msg.submit(chat, msg, chatbot)
\`\`\`

Use instead:
\`\`\`python
def chat(message, history):
    return history + [{"role": "user", "content": message},
                      {"role": "assistant", "content": answer(message)}]

msg.submit(chat, [msg, chatbot], chatbot)
\`\`\`
`,
  check(ctx) {
    const seen = new Set<string>();
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || fn.kind !== 'def') continue;
      for (const name of globalsShownInChatbot(ctx.model, l, fn)) {
        const key = `${fn.node.id}:${name}`;
        if (seen.has(key)) continue;
        const mutation = firstMutation(ctx.model, fn, name);
        if (!mutation) continue;
        seen.add(key);
        ctx.report({
          node: mutation,
          related: [wiredHere(l)],
          message: `\`${name}\` is a module-level variable shared by every user: this handler changes it and shows it in a Chatbot, so all users see (and change) the same conversation. Keep the history per user in gr.State or pass the Chatbot as an input`,
        });
      }
    }
  },
};

/** Names returned (or yielded) by the handler to a Chatbot output that are module-level mutable containers. */
function globalsShownInChatbot(model: Model, l: Listener, fn: FunctionInfo): string[] {
  const outs = l.outputs;
  if (outs.kind !== 'single' && outs.kind !== 'list') return [];
  const chat = outs.items.map((o) => o.component?.className === 'Chatbot');
  if (!chat.some(Boolean)) return [];
  const values = [...fn.returns.map((r) => r.value), ...fn.yields.map((y) => y.firstNamedChild)];
  const names: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const v = unwrap(value);
    const elements = outs.kind === 'single' ? [v]
      : v.type === 'expression_list' || v.type === 'tuple' ? v.namedChildren.filter((c) => c && c.type !== 'comment') as Node[] : [];
    if (outs.kind === 'list' && elements.length !== outs.items.length) continue;
    elements.forEach((e, i) => {
      const id = unwrap(e);
      if (!chat[i] || id.type !== 'identifier' || names.includes(id.text)) return;
      if (moduleContainer(model, fn, id)) names.push(id.text);
    });
  }
  return names;
}

/** True when `id` in the handler denotes a module-level variable bound to a list/dict/set/deque. */
function moduleContainer(model: Model, fn: FunctionInfo, id: Node): boolean {
  const b = model.lookup(id.text, fn.scope, id.startIndex);
  const all = model.module.bindings.get(id.text);
  if (!b || !all?.includes(b)) return false;
  return all.some((x) => isContainer(model, x));
}

function isContainer(model: Model, b: Binding): boolean {
  if (b.kind !== 'assign' || !b.value) return false;
  const v = unwrap(b.value);
  if (['list', 'dictionary', 'set', 'list_comprehension', 'dictionary_comprehension', 'set_comprehension'].includes(v.type)) return true;
  if (v.type !== 'call') return false;
  const callee = v.childForFieldName('function');
  if (!callee) return false;
  const q = qualifiedName(model, callee, model.module) ?? (callee.type === 'identifier' && !model.lookup(callee.text, model.module, v.startIndex) ? callee.text : undefined);
  return !!q && CONTAINER_CALLS.has(q);
}

/** The first statement of the handler that changes the global `name` in place or rebinds it (with `global`),
 *  outside any `with ...lock...:` block. */
function firstMutation(model: Model, fn: FunctionInfo, name: string): Node | undefined {
  for (const id of usesOf(fn, name)) {
    const p = id.parent;
    if (!p) continue;
    let hit = false;
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id && p.parent?.type === 'call'
      && MUTATORS.has(p.childForFieldName('attribute')?.text ?? '')) hit = true;
    else if (p.type === 'subscript' && p.childForFieldName('value')?.id === id.id && (p.parent?.type === 'assignment' || p.parent?.type === 'augmented_assignment' || p.parent?.type === 'delete_statement')
      && (p.parent.type === 'delete_statement' || p.parent.childForFieldName('left')?.id === p.id)) hit = true;
    else if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('left')?.id === id.id && fn.globals.has(name)) hit = true;
    if (!hit) continue;
    // Still the module's variable here (not a local of the same name).
    const b = model.lookup(name, fn.scope, id.startIndex);
    if (!b || !model.module.bindings.get(name)?.includes(b)) {
      if (!fn.globals.has(name)) continue;
    }
    if (underLock(model, fn, id)) return undefined;
    return statementNode(id);
  }
  return undefined;
}

/** True when `node` sits in a `with` block whose context is a lock (named `...lock...` or a threading lock). */
function underLock(model: Model, fn: FunctionInfo, node: Node): boolean {
  for (let p = node.parent; p && p.id !== fn.node.id; p = p.parent) {
    if (p.type !== 'with_statement') continue;
    const clause = p.firstNamedChild;
    for (const item of clause?.namedChildren ?? []) {
      const value = item?.childForFieldName('value');
      const expr = value?.type === 'as_pattern' ? value.firstNamedChild : value;
      if (!expr) continue;
      if (/lock|mutex|semaphore/i.test(expr.text)) return true;
      const q = qualifiedName(model, expr.type === 'call' ? expr.childForFieldName('function') ?? expr : expr, fn.scope);
      if (q && /^threading\.|^asyncio\.Lock/.test(q)) return true;
    }
  }
  return false;
}
