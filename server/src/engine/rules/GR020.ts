import type { Rule } from './types';
import type { Node } from '../parse';
import { resolveAnyVersion } from '../knowledge';
import { gradioModuleName } from './edits';
import { shortVersion } from '../version';

/** `gr.Row.update(visible=...)` is a static method that still exists. */
const STILL_HAS_UPDATE = new Set(['Row']);

export const GR020: Rule = {
  code: 'GR020',
  title: 'Per-component `.update()` removed in Gradio 4.0',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports the Gradio 3.x per-component update calls, such as \`gr.Textbox.update(value="")\` on the class or
\`textbox.update(visible=False)\` on a component object.

## Why is this bad?
Gradio 4.0 removed the \`update()\` method from the component classes: the call raises \`AttributeError\` when the
event runs. (\`gr.Row.update\` is the one that remains.)

## Example
\`\`\`python
def hide():
    return gr.Textbox.update(visible=False)
\`\`\`

Use instead:
\`\`\`python
def hide():
    return gr.update(visible=False)
\`\`\`

## Fix
Replaces \`gr.Textbox.update(\` with \`gr.update(\` (safe: same keywords, same meaning). When the file imports
neither the module nor \`update\`, it returns a new component instead (\`Textbox(visible=False)\`), which
updates the same properties.
`,
  check(ctx) {
    const gr = gradioModuleName(ctx.model);
    const updateName = [...ctx.model.aliases].find(([, path]) => path === 'update')?.[0];
    const replacement = gr ? `${gr}.update` : updateName;
    for (const call of ctx.model.calls) {
      const callee = call.callee;
      const method = ctx.model.methodOf(call);
      if (method?.name !== 'update') continue;
      const receiver = method.receiver;
      if (!receiver) continue;
      let className: string | undefined;
      let onClass = false;
      const path = ctx.model.pathOf(receiver);
      if (path !== undefined) {
        const r = resolveAnyVersion(path);
        if (r?.kind !== 'class' || !r.info.mro.includes('Block')) continue;
        className = r.info.name;
        onClass = true;
      } else {
        const e = ctx.model.entityOf(receiver, call.scope);
        if (e?.kind !== 'component') continue;
        className = e.component.className;
      }
      if (STILL_HAS_UPDATE.has(className)) continue;
      // Without `gr` or `update` in scope, a new component instance (`Textbox(...)`) is the same update.
      const to = replacement ?? (onClass ? receiver.text : undefined);
      const fixes = to
        ? [{ title: `Replace with \`${to}(\``, safe: true, edits: [{ start: callee.startIndex, end: callee.endIndex, text: to }] }]
        : [];
      ctx.report({
        node: call.node as Node,
        message: `\`${callee.text}()\`: components have no \`update()\` method since Gradio 4.0 (AttributeError in ${shortVersion(ctx.version)}); use \`gr.update(...)\``
          + (onClass ? '' : ' or return a new component'),
        fixes,
      });
    }
  },
};
