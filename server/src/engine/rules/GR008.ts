import type { Rule } from './types';
import { stringValue } from '../tree';
import { compareVersions, shortVersion } from '../version';

/** 3.x `type=` values and what they became: File/Files took "file" (a tempfile object), UploadButton "file" and
 *  "bytes"; 4.0 has "filepath", and UploadButton's "bytes" became "binary" in 4.41. */
const REPLACEMENTS: Record<string, Record<string, { to: string; since: string }>> = {
  File: { file: { to: 'filepath', since: '4.0.0' } },
  Files: { file: { to: 'filepath', since: '4.0.0' } },
  UploadButton: { file: { to: 'filepath', since: '4.0.0' }, bytes: { to: 'binary', since: '4.41.0' } },
};

export const GR008: Rule = {
  code: 'GR008',
  title: 'Gradio 3.x `type=` value on a file component',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports \`gr.File(type="file")\`, \`gr.Files(type="file")\` and \`gr.UploadButton(type="file")\`, the Gradio 3.x
values, and \`gr.UploadButton(type="bytes")\` from Gradio 4.41 on.

## Why is this bad?
Since Gradio 4.0 these components accept \`type="filepath"\` (the default: your function receives the path as a
\`str\`) or \`type="binary"\` (the file's \`bytes\`). Any other value raises \`ValueError\` when the app is built.

## Example
\`\`\`python
upload = gr.File(type="file")
\`\`\`

Use instead:
\`\`\`python
upload = gr.File(type="filepath")
\`\`\`

## Fix
Replaces \`"file"\` with \`"filepath"\` and \`"bytes"\` with \`"binary"\` (safe: the old value cannot work). The path
string still has a \`.name\` attribute, so \`f.name\` keeps working; \`f.read()\` must become \`open(f).read()\`.
`,
  check(ctx) {
    for (const c of ctx.model.components) {
      const table = REPLACEMENTS[c.className];
      const kw = table && c.call.args.keywords.get('type');
      if (!kw) continue;
      const value = stringValue(kw.value);
      const r = value !== undefined ? table[value] : undefined;
      if (!r || compareVersions(ctx.version, r.since) < 0) continue;
      const quote = kw.value.text.startsWith("'") ? "'" : '"';
      ctx.report({
        node: kw.node,
        message: `\`type="${value}"\` is not a valid \`gr.${c.className}\` type in Gradio ${shortVersion(ctx.version)} (ValueError): use \`type="${r.to}"\``,
        fixes: [{ title: `Replace with \`type="${r.to}"\``, safe: true, edits: [{ start: kw.value.startIndex, end: kw.value.endIndex, text: `${quote}${r.to}${quote}` }] }],
      });
    }
  },
};
