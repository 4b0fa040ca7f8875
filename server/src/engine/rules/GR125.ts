import type { Rule, FixSpec } from './types';
import { api, NEWEST_VERSION } from '../knowledge';
import { callParams } from '../knowledge/signatures';
import { classNameOf, keywordHits, namesKeyword, phase, removeKeyword, renameKeyword, short } from './migration';

const WHEN = { deprecated: '4.39.0', removed: '6.0.0' };
const PLOTS = ['LinePlot', 'BarPlot', 'ScatterPlot'];
/** Keywords of the Altair-based plots (3.x to 4.38), before the native plots replaced them. */
const OLD_KEYWORDS: readonly string[] = [...new Set(['3.50.2', '4.0.0'].flatMap((v) =>
  PLOTS.flatMap((c) => (callParams(api(v), c) ?? []).filter((p) => p.k === 'p' || p.k === 'k').map((p) => p.n))))];

export const GR125: Rule = {
  code: 'GR125',
  title: 'Removed `LinePlot`/`BarPlot`/`ScatterPlot` keyword',
  severity: 'error',
  versions: '>=4.39.0',
  docs: `
## What it does
Reports keywords of the old Altair-based \`gr.LinePlot\`, \`gr.BarPlot\` and \`gr.ScatterPlot\` that the native
plots (Gradio 4.39) no longer use: \`overlay_point\`, \`width\`, \`stroke_dash\`, \`interactive\`,
\`show_actions_button\`, \`color_legend_title\`, \`vertical\`, \`group\`, the legend positions, and others.

## Why is this bad?
From 4.39 to 5.x the native plots accepted and ignored them (some with a warning), so they silently did
nothing; Gradio 6.0 removed them and the constructor raises \`TypeError\`.

## Example
\`\`\`python
gr.LinePlot(df, x="day", y="visits", overlay_point=True, width=600, color_legend_title="Site")
\`\`\`

Use instead:
\`\`\`python
gr.LinePlot(df, x="day", y="visits", color_title="Site")
\`\`\`

## Fix
Renames \`color_legend_title\` to \`color_title\`; deletes the others. Safe: since 4.39 they had no effect.
`,
  check(ctx) {
    // Before 6.0 the keywords are harmless leftovers: an info, so that a pinned 4.x/5.x project is not flooded.
    const phased = phase(ctx, WHEN);
    if (!phased) return;
    const severity = phased === 'error' ? 'error' : 'info';
    for (const hit of keywordHits(ctx, PLOTS, OLD_KEYWORDS)) {
      const name = hit.kw.name;
      const rename = name === 'color_legend_title' && !hit.call.args.keywords.has('color_title');
      const fix: FixSpec = rename
        ? { title: 'Rename to `color_title=`', safe: true, edits: [renameKeyword(hit.kw, 'color_title')] }
        : { title: `Remove \`${name}=\``, safe: name !== 'color_legend_title', edits: [removeKeyword(hit.kw)] };
      const what = `${classNameOf(hit.path)}(${name}=...)`;
      const advice = rename ? 'use `color_title=`' : 'delete it';
      ctx.report({
        node: hit.kw.node,
        severity,
        message: phased === 'error'
          ? `\`${what}\` was removed in Gradio ${short(WHEN.removed)} (it had no effect since the native plots of 4.39): ${advice}`
          : `\`${what}\` has no effect in Gradio ${short(ctx.version)} (the native plots of 4.39 ignore it)${namesKeyword(api(NEWEST_VERSION), hit.path, name) ? '' : ' and raises TypeError from 6.0'}: ${advice}`,
        fixes: [fix],
      });
    }
  },
};
