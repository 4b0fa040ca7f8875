import type { Rule, FixSpec } from './types';
import type { Node } from '../parse';
import { unwrap } from '../tree';
import type { CallSite } from '../model/types';
import { classNameOf, keywordHits, keywordStillNamed, literalOf, phase, replaceNode, text, writtenForOlderGradio } from './migration';

const WHEN = { deprecated: '6.0.0' };

export const GR126: Rule = {
  code: 'GR126',
  title: '`Dataframe` `row_count`/`col_count` tuples and `col_count=`',
  severity: 'warning',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`gr.Dataframe(col_count=...)\` and a tuple \`row_count=(n, "fixed" | "dynamic")\`. Gradio 6.0 splits the
count from the limits: \`row_count=n\` with \`row_limits=(min, max)\`, and \`column_count=n\` with
\`column_limits=(min, max)\`.

In code written for Gradio 6 (no other pre-6 API in the file), only a \`col_count\` that differs from the column
count Gradio 6 uses instead (the length of \`headers\`, else 3) is reported.

## Why is this bad?
Both only warn, but \`col_count\` is worse than deprecated: Gradio 6 ignores its value, so the table shows the
number of columns of \`headers\` (or 3) instead of the one you asked for.

## Example
\`\`\`python
grid = gr.Dataframe(row_count=(4, "dynamic"), col_count=5)
\`\`\`

Use instead:
\`\`\`python
grid = gr.Dataframe(row_count=4, column_count=5)
\`\`\`

## Fix
\`row_count=(n, "dynamic")\` becomes \`row_count=n\`, \`col_count=n\` and \`col_count=(n, "dynamic")\` become
\`column_count=n\` (safe). A \`"fixed"\` count becomes \`row_count=n, row_limits=(n, n)\` (or the column
equivalent) as the migration guide says; that is not applied by fix-all because Gradio 6.25 does not enforce
the limits yet (it warns "not yet implemented"), so the table would no longer be fixed.
`,
  check(ctx) {
    const severity = phase(ctx, WHEN);
    if (!severity) return;
    let older: boolean | undefined;
    for (const hit of keywordHits(ctx, ['Dataframe'], ['row_count', 'col_count'], true)) {
      // In code written for Gradio 6 only what misbehaves is reported: a col_count that differs from the column
      // count Gradio uses instead. When upgrading, every old form is.
      older ??= writtenForOlderGradio(ctx, '6.0.0');
      if (!older && !(hit.kw.name === 'col_count' && ignoredCountDiffers(hit.call, hit.kw.value))) continue;
      const row = hit.kw.name === 'row_count';
      const countName = row ? 'row_count' : 'column_count';
      const limitsName = row ? 'row_limits' : 'column_limits';
      if (!keywordStillNamed(ctx, hit.path, countName) || !keywordStillNamed(ctx, hit.path, limitsName)) continue;
      const pair = countAndMode(hit.kw.value);
      if (row && !pair) continue; // a plain row count is fine
      if (!row && literalOf(hit.kw.value) === null) continue;
      const kws = hit.call.args.keywords;
      let fix: FixSpec | undefined;
      let advice: string;
      const count = pair ? literalOf(pair.count) : undefined;
      const headers = headerCount(hit.call);
      if (!row && pair && headers !== undefined && (typeof count !== 'number' || count !== headers)) {
        // Gradio 6 requires len(headers) == column_count: the headers decide.
        advice = `the table shows ${headers} columns, one per header; change \`headers\` to get more`;
      } else if (pair && (pair.mode === 'fixed')) {
        const n = text(ctx, pair.count);
        const replacement = `${countName}=${n}, ${limitsName}=(${n}, ${n})`;
        advice = `use \`${replacement}\` (Gradio 6.25 does not enforce the limits yet)`;
        if (!kws.has(limitsName) && (row || !kws.has(countName))) fix = { title: `Replace with \`${replacement}\``, safe: false, edits: [replaceNode(hit.kw.node, replacement)] };
      } else if (pair && pair.mode === 'dynamic') {
        const replacement = `${countName}=${text(ctx, pair.count)}`;
        advice = `use \`${replacement}\``;
        if (row || !kws.has(countName)) fix = { title: `Replace with \`${replacement}\``, safe: true, edits: [replaceNode(hit.kw.node, replacement)] };
      } else if (!row) {
        const replacement = `column_count=${text(ctx, hit.kw.value)}`;
        const n = literalOf(hit.kw.value);
        if (headers !== undefined && typeof n === 'number' && headers !== n) {
          // Gradio 6 requires len(headers) == column_count: the headers decide.
          advice = `the table shows ${headers} columns, one per header; change \`headers\` to get ${n}`;
        } else {
          advice = 'use `column_count=`';
          const safe = typeof n === 'number' && (headers === undefined ? !kws.has('headers') : headers === n);
          if (!kws.has('column_count')) fix = { title: `Replace with \`${replacement}\``, safe, edits: [replaceNode(hit.kw.node, replacement)] };
        }
      } else continue;
      const what = `${classNameOf(hit.path)}(${hit.kw.name}=...)`;
      ctx.report({
        node: hit.kw.node,
        severity,
        message: row
          ? `A \`(count, mode)\` tuple for \`${what}\` is deprecated since Gradio 6.0: ${advice}`
          : `\`${what}\` is deprecated since Gradio 6.0 and its value is ignored: ${advice}`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** `(n, "fixed")` / `[n, "dynamic"]`: the count node and the mode. */
function countAndMode(value: Node): { count: Node; mode: string } | undefined {
  const v = unwrap(value);
  if (v.type !== 'tuple' && v.type !== 'list') return undefined;
  const items = v.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
  if (items.length !== 2) return undefined;
  const mode = literalOf(items[1]);
  if (mode !== 'fixed' && mode !== 'dynamic') return undefined;
  return { count: items[0], mode };
}

/** The column count Gradio 6 uses when `col_count` is ignored (len(headers), else 3) differs from the literal one. */
function ignoredCountDiffers(call: CallSite, value: Node): boolean {
  const pair = countAndMode(value);
  const n = literalOf(pair ? pair.count : value);
  if (typeof n !== 'number') return false;
  if (!call.args.keywords.has('headers')) return n !== 3;
  const h = headerCount(call);
  return h !== undefined && h !== n;
}

/** The number of `headers=[...]` given as a literal list. */
function headerCount(call: CallSite): number | undefined {
  const headers = call.args.keywords.get('headers')?.value;
  const h = headers && literalOf(headers);
  return Array.isArray(h) ? h.length : undefined;
}
