import type { Rule } from './types';
import type { Model } from '../model/link';
import type { Scope } from '../model/types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { qualifiedName } from './body';

/** Constructors whose objects `copy.deepcopy` refuses (locks, open files and connections, executors). */
const NOT_COPYABLE = new Map<string, string>([
  ['threading.Lock', 'a lock'], ['threading.RLock', 'a lock'], ['threading.Condition', 'a condition variable'],
  ['threading.Semaphore', 'a semaphore'], ['threading.BoundedSemaphore', 'a semaphore'], ['threading.Event', 'an event'],
  ['threading.Barrier', 'a barrier'], ['threading.Thread', 'a thread'], ['_thread.allocate_lock', 'a lock'],
  ['multiprocessing.Lock', 'a lock'], ['multiprocessing.RLock', 'a lock'], ['multiprocessing.Queue', 'a process queue'],
  ['queue.Queue', 'a thread queue'], ['queue.LifoQueue', 'a thread queue'], ['queue.PriorityQueue', 'a thread queue'],
  ['queue.SimpleQueue', 'a thread queue'], ['sqlite3.connect', 'a database connection'], ['socket.socket', 'a socket'],
  ['socket.create_connection', 'a socket'], ['io.open', 'an open file'], ['open', 'an open file'],
  ['concurrent.futures.ThreadPoolExecutor', 'an executor'], ['concurrent.futures.ProcessPoolExecutor', 'an executor'],
]);
const MAX_DEPTH = 4;

export const GR004: Rule = {
  code: 'GR004',
  title: '`gr.State` initial value that cannot be deep-copied',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports a \`gr.State\` whose initial value is (or contains) an object that \`copy.deepcopy\` cannot copy: a
\`threading.Lock\` and other synchronisation objects, an open file, a socket, a database connection, a thread
queue, an executor, or a generator expression. A callable initial value is checked too (its result is copied).

## Why is this bad?
\`gr.State\` deep-copies its initial value when it is created and again for every new session, so each user gets
a private copy. These objects cannot be copied: \`TypeError\` when the app is built (or, for a callable value,
when a session starts).

## Example
\`\`\`python
lock = gr.State(threading.Lock())
\`\`\`

Use instead:
\`\`\`python
LOCK = threading.Lock()  # shared by every session, at module level

def handler(x, request: gr.Request):
    with LOCK:
        ...
\`\`\`
A per-session resource can live in a module-level dict keyed by \`request.session_hash\`.
`,
  check(ctx) {
    for (const c of ctx.model.components) {
      if (c.className !== 'State') continue;
      const kw = c.call.args.keywords.get('value');
      const value = kw?.value ?? c.call.args.positional[0];
      if (!value) continue;
      let expr = unwrap(value);
      let perSession = false;
      if (expr.type === 'lambda') {
        const body = expr.childForFieldName('body');
        if (!body) continue;
        expr = body;
        perSession = true;
      }
      const what = offender(ctx.model, expr, c.call.scope, 0);
      if (!what) continue;
      ctx.report({
        node: kw?.node ?? value,
        message: `gr.State deep-copies its initial value${perSession ? ' for every session' : ''}, and ${what.label} cannot be deep-copied: TypeError`
          + `${perSession ? ' when a session starts' : ' when the app is built'}. Keep it at module level, or in a dict keyed by \`request.session_hash\``,
      });
    }
  },
};

/** The first part of `node` that cannot be deep-copied, looking into literal containers and through a variable
 *  bound once to such a value. */
function offender(model: Model, node: Node, scope: Scope, depth: number): { label: string } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  node = unwrap(node);
  switch (node.type) {
    case 'generator_expression': return { label: 'a generator' };
    case 'call': {
      const callee = node.childForFieldName('function');
      if (!callee) return undefined;
      const q = qualifiedName(model, callee, scope) ?? builtin(model, callee, scope);
      const label = q ? NOT_COPYABLE.get(q) : undefined;
      return label ? { label: `${label} (\`${callee.text}()\`)` } : undefined;
    }
    case 'list': case 'tuple': case 'set': case 'dictionary': case 'pair': {
      for (const c of node.namedChildren) {
        const r = c && offender(model, c, scope, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    case 'identifier': {
      const b = model.lookup(node.text, scope, node.startIndex);
      const list = b ? bindingsOf(scope, node.text) : undefined;
      if (!b || b.kind !== 'assign' || !b.value || list?.length !== 1) return undefined;
      return offender(model, b.value, scope, depth + 1);
    }
  }
  return undefined;
}

/** `open` when it is Python's builtin (not rebound or imported in the file). */
function builtin(model: Model, callee: Node, scope: Scope): string | undefined {
  if (callee.type !== 'identifier' || callee.text !== 'open') return undefined;
  return model.lookup('open', scope, callee.startIndex) ? undefined : 'open';
}

function bindingsOf(scope: Scope, name: string) {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const list = s.bindings.get(name);
    if (list?.length) return list;
  }
  return undefined;
}
