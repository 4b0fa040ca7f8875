import type { Rule } from './types';
import { REMOVED_NAMES } from '../knowledge/migrations';
import { checkRemovedNames } from './migration';

export const GR112: Rule = {
  code: 'GR112',
  title: '`gr.make_waveform` removed',
  severity: 'error',
  versions: '>=5.0.0',
  docs: `
## What it does
Reports \`gr.make_waveform(...)\`, which turned an audio file into a waveform video. Gradio 5.0 removed it.

## Why is this bad?
\`AttributeError: module 'gradio' has no attribute 'make_waveform'\`.

## Example
\`\`\`python
def visualize(audio_path):
    return gr.make_waveform(audio_path)
\`\`\`

Use instead:
\`\`\`python
def visualize(audio_path):
    return audio_path  # shown by a gr.Audio output, which draws its own waveform
\`\`\`
`,
  check(ctx) {
    checkRemovedNames(ctx, 'GR112', REMOVED_NAMES);
  },
};
