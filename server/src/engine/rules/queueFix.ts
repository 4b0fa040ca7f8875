// The "add queue" fix (SPEC 5), shared by GR001 (enable the 3.x queue) and GR028 (bound the queue's size):
// insert `NAME.queue(...)` on the line before `NAME.launch(...)`, turn `X.launch(` into `X.queue(...).launch(` when the
// launch is not a statement of its own line, or add a keyword to an existing `queue(...)` call.
import type { CallSite, MethodCall } from '../model/types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import { appendArgument, insertLineBefore } from './edits';
import { receiverName } from './launch';
import type { FixSpec, RuleContext } from './types';

/** A fix that calls `queue(args)` on the app right before `launch`. */
export function addQueueBeforeLaunch(ctx: RuleContext, launch: MethodCall, args: string, safe: boolean): FixSpec | undefined {
  const callee = launch.call.callee;
  const object = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  if (!object) return undefined;
  const name = receiverName(launch.call);
  const queue = `queue(${args})`;
  if (name && standsAlone(ctx.text, launch.call.node)) {
    return {
      title: `Add \`${name}.${queue}\` before \`${name}.launch()\``,
      safe,
      edits: [insertLineBefore(ctx.text, launch.call.node, `${name}.${queue}`, ctx.lines.eol())],
    };
  }
  return {
    title: `Call \`.${queue}\` before \`.launch()\``,
    safe,
    edits: [{ start: object.endIndex, end: object.endIndex, text: `.${queue}` }],
  };
}

/** A fix that adds `keyword` (e.g. `max_size=20`) to an existing `queue(...)` call. */
export function addToQueueCall(ctx: RuleContext, queue: CallSite, keyword: string, safe: boolean): FixSpec | undefined {
  const list = queue.args.list;
  if (!list) return undefined;
  return { title: `Add \`${keyword}\` to \`queue()\``, safe, edits: [appendArgument(ctx.text, list, keyword)] };
}

/** True when the call is a whole expression statement that begins its line (`demo.launch()` inside an `if` block
 *  on its own line), so a line can be inserted before it at the same indentation. */
function standsAlone(text: string, call: Node): boolean {
  const stmt = call.parent;
  if (!stmt || stmt.type !== 'expression_statement' || stmt.namedChildCount !== 1) return false;
  if (unwrap(stmt.firstNamedChild!).id !== call.id) return false;
  const container = stmt.parent?.type;
  if (container !== 'module' && container !== 'block') return false;
  for (let i = stmt.startIndex - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}
