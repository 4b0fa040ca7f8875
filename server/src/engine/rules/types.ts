// The shape every rule file has: identity, documentation, default severity, versions, and the check.
import type { Node } from '../parse';
import type { Api } from '../knowledge';
import type { Model } from '../model/link';
import type { LineIndex } from '../text';
import type { Severity } from '../types';

export interface OffsetEdit { start: number; end: number; text: string }

export interface FixSpec {
  title: string;
  safe: boolean;
  edits: OffsetEdit[];
}

export interface Report {
  /** The most specific offending node; or give `start`/`end` offsets. */
  node?: Node;
  start?: number;
  end?: number;
  message: string;
  fixes?: FixSpec[];
  related?: { node: Node; message: string }[];
  /** Overrides the rule's default severity for this finding (e.g. too few outputs is an error, too many a warning). */
  severity?: Severity;
}

/** What a rule sees. Text is read through nodes (`node.text`) or `text`: the copy of the tree notes what each
 *  analysis read, and an edit elsewhere keeps the analysis (incremental.ts), while a rule that read `text` itself is
 *  run again after any edit. So a rule reads no text any other way, and keeps nothing derived from text in a
 *  module-level cache unless keyed by the model or the text itself. */
export interface RuleContext {
  readonly text: string;
  /** The file's line-break style (reading the text through the line index would not be noted). */
  readonly lines: Pick<LineIndex, 'eol'>;
  readonly model: Model;
  /** Normalized target version, e.g. "6.25.0". */
  readonly version: string;
  /** API tables around the target: one when the target is a known release, else the neighbours (see knowledge). */
  readonly apis: Api[];
  /** A Hugging Face Spaces project (README front matter `sdk: gradio`). */
  readonly isSpace: boolean;
  report(r: Report): void;
}

export interface Rule {
  code: string;
  title: string;
  /** Markdown: what it does, why it matters, an example, the fix. Written once: docs page, hover, `gradio-lint rule`. */
  docs: string;
  severity: Severity;
  /** semver range of Gradio versions the rule applies to, e.g. ">=4.0.0" or "*". */
  versions: string;
  /** Also runs on files that import only `gradio_client` (not `gradio`). */
  gradioClient?: boolean;
  check(ctx: RuleContext): void;
}
