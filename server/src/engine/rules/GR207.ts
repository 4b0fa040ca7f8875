import type { Rule } from './types';
import type { Node } from '../parse';
import { ALL_EVENT_NAMES } from '../knowledge';
import { classOf } from '../knowledge/signatures';
import { didYouMean } from './edits';
import { shortVersion } from '../version';

export const GR207: Rule = {
  code: 'GR207',
  title: 'Event the component does not have',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports an event listener called on a component that has no such event in the target version, such as
\`gr.Textbox().click(...)\` (a Textbox has \`change\`, \`input\`, \`submit\`, ... but no \`click\`), and misspelled
events such as \`img.chnage(...)\`.

## Why is this bad?
The listener method does not exist: \`AttributeError\` when the app is built.

## Example
\`\`\`python
name = gr.Textbox()
name.click(greet, name, out)
\`\`\`

Use instead:
\`\`\`python
name.submit(greet, name, out)
\`\`\`

## Fix
When one event of the component is close to the name used, the quick fix renames it (not part of fix-all).
`,
  check(ctx) {
    const seen = new Set<number>();
    for (const call of ctx.model.calls) {
      const method = ctx.model.methodOf(call);
      const attr = method?.nameNode;
      const receiver = method?.receiver;
      if (!attr || !receiver) continue;
      const event = attr.text;
      if (ctx.apis.some((a) => a.listener.dependencyEvents.includes(event))) continue;
      const e = ctx.model.entityOf(receiver, call.scope);
      if (e?.kind !== 'component' || seen.has(call.node.id)) continue;
      const classes = ctx.apis.map((a) => classOf(a, e.component.path));
      if (classes.some((c) => !c)) continue;
      if (classes.some((c) => c!.events.includes(event))) continue;
      // Blocks subclasses (gr.Workflow) and documented methods (`launch`, `render`) are not events.
      if (classes.some((c) => c!.mro.includes('Blocks') || c!.methods?.[event])) continue;
      const events = new Set(classes.flatMap((c) => c!.events));
      const guess = didYouMean(event, events);
      // A name that is no event anywhere is some other method (`render`, `preprocess`, ...) unless it is a near miss.
      if (!ALL_EVENT_NAMES.has(event) && !(guess && !isComponentMethod(event))) continue;
      seen.add(call.node.id);
      const node: Node = call.decorator ?? call.node;
      ctx.report({
        node,
        message: `\`${e.component.className}\` has no \`${event}\` event in Gradio ${shortVersion(ctx.version)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
        fixes: guess ? [{ title: `Use \`.${guess}(...)\``, safe: false, edits: [{ start: attr.startIndex, end: attr.endIndex, text: guess }] }] : [],
      });
    }
  },
};

/** Public methods components have besides events; a near miss of an event name among these is not a typo. */
const COMPONENT_METHODS = new Set([
  'render', 'unrender', 'update', 'style', 'preprocess', 'postprocess', 'api_info', 'example_payload', 'example_value',
  'as_example', 'get_config', 'flag', 'read_from_flag', 'process_example', 'move_resource_to_block_cache', 'attach_load_event',
  'get_block_name', 'get_expected_parent', 'recover_kwargs', 'serve_static_file', 'check_streamable', 'stream_output',
  'combine_stream', 'key', 'set_event_trigger',
]);
function isComponentMethod(name: string): boolean {
  return COMPONENT_METHODS.has(name) || name.startsWith('_');
}
