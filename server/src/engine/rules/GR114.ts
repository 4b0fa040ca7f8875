import type { Rule } from './types';
import { APP_LAUNCH_KEYWORDS } from '../knowledge/migrations';
import { classNameOf, keywordHits, keywordMessage, moveToLaunchFix, phase } from './migration';

const WHEN = { deprecated: '6.0.0' };

export const GR114: Rule = {
  code: 'GR114',
  title: 'App styling keywords moved from `Blocks(...)` to `launch(...)`',
  severity: 'warning',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`theme=\`, \`css=\`, \`css_paths=\`, \`js=\`, \`head=\` and \`head_paths=\` passed to \`gr.Blocks(...)\` or
\`gr.Interface(...)\`. Gradio 6.0 moved these app-wide settings to \`launch(...)\`.

## Why is this bad?
Gradio 6 still honours them there but warns on every start, and a Blocks nested in another app has no say over
the page: only the launched app's settings apply.

## Example
\`\`\`python
with gr.Blocks(theme=gr.themes.Soft(), css=".title {color: teal}") as demo:
    gr.Markdown("# Hello", elem_classes="title")
demo.launch()
\`\`\`

Use instead:
\`\`\`python
with gr.Blocks() as demo:
    gr.Markdown("# Hello", elem_classes="title")
demo.launch(theme=gr.themes.Soft(), css=".title {color: teal}")
\`\`\`

## Fix
Moves the keyword to every \`launch(...)\` (or \`gr.mount_gradio_app(...)\`) of the same app in the file. Safe when
the value means the same there: a literal, a module-level constant or import, a \`gr.themes\` call; a value
that depends on a local variable is moved but not by fix-all. If \`launch\` already sets it, the constructor's
copy is just deleted (the \`launch\` value wins).
`,
  check(ctx) {
    const severity = phase(ctx, WHEN);
    if (!severity) return;
    for (const hit of keywordHits(ctx, ['Blocks', 'Interface'], APP_LAUNCH_KEYWORDS, true)) {
      const cls = classNameOf(hit.path);
      if (cls !== 'Blocks' && cls !== 'Interface') continue;
      const move = moveToLaunchFix(ctx, hit.call, hit.kw);
      ctx.report({
        node: hit.kw.node,
        severity,
        message: keywordMessage(ctx, `${cls}(${hit.kw.name}=...)`, WHEN, `pass it to \`${move?.where ?? 'launch(...)'}\` instead`),
        fixes: move ? [move.fix] : [],
      });
    }
  },
};
