// text -> findings: parse once, build the model in one walk, run every enabled rule, then apply suppressions,
// severity overrides and the one-finding-per-mistake rule.
import { parse, type Tree } from './parse';
import { Model } from './model/link';
import { syntaxOf, type SyntaxTree } from './syntax';
import { apisAround, NEWEST_VERSION, type Api } from './knowledge';
import { isRuleEnabled, parseSuppressions, severityFor, type LintConfig } from './config';
import { RULES, GENERIC_CODES } from './rules';
import type { Report, Rule, RuleContext } from './rules/types';
import { LineIndex, compareRanges } from './text';
import { screenFixes } from './errorRegions';
import { normalizeVersion, versionIn } from './version';
import type { Finding, Fix, Range } from './types';

export interface AnalyzeOptions {
  /** Normalized or loose version ("5.49"); default: the newest known release. */
  targetVersion?: string;
  config?: LintConfig;
  isSpace?: boolean;
  /** A tree already parsed from `text` (the server's incremental tree). */
  tree?: Tree;
  /** The line index of `text`, when the caller already has it (the server's document). */
  lines?: LineIndex;
  /** Called when a rule throws; the other rules still report. */
  onRuleError?: (code: string, error: unknown) => void;
  /** Restrict to these rules (tests). */
  rules?: readonly Rule[];
}

/** `import gradio_client` / `from gradio_client import ...` at the start of a line. */
function importsGradioClient(text: string): boolean {
  return /^[ \t]*(?:import[ \t]+gradio_client\b|from[ \t]+gradio_client(?:\.[\w.]+)?[ \t]+import\b)/m.test(text);
}

/** Cheap pre-check: a file that never mentions gradio cannot import it. */
export function mayUseGradio(text: string): boolean {
  return text.includes('gradio');
}

export function analyze(text: string, opts: AnalyzeOptions = {}): Finding[] {
  if (!mayUseGradio(text)) return [];
  const tree = opts.tree ?? parse(text);
  try {
    return analyzeTree(tree, text, opts);
  } finally {
    if (!opts.tree) tree.delete();
  }
}

export function analyzeTree(tree: Tree, text: string, opts: AnalyzeOptions = {}): Finding[] {
  return analyzeWithState(tree, text, opts).findings;
}

const models = new WeakMap<SyntaxTree, Model>();

/** The model of a tree's copy, built once per copy (the analysis, hovers and inlay hints share it). */
export function modelOf(syntax: SyntaxTree): Model {
  let m = models.get(syntax);
  if (!m) models.set(syntax, (m = new Model(syntax.rootNode)));
  return m;
}

/** Drops the model of a copy that was moved to another text (it is built again from the copy). */
export function forgetModel(syntax: SyntaxTree): void {
  models.delete(syntax);
}

/** What an analysis concluded, kept so that the next version of the document can reuse it (incremental.ts). */
export interface AnalysisState {
  findings: Finding[];
  /** Absent when the file was not analyzed (no gradio, or an unparsable text). */
  syntax?: SyntaxTree;
  model?: Model;
  /** What each rule reported, before suppressions and severity settings. */
  reports?: RuleReport[];
  /** The options the rules ran with. */
  key?: OptionsKey;
}

/** The options that decide which rules run and what they see. */
export interface OptionsKey { version: string; config: LintConfig | undefined; isSpace: boolean; rules: readonly Rule[] | undefined }

export function optionsKey(opts: AnalyzeOptions): OptionsKey {
  const version = normalizeVersion(opts.targetVersion ?? opts.config?.targetVersion) ?? NEWEST_VERSION;
  return { version, config: opts.config, isSpace: opts.isSpace ?? false, rules: opts.rules };
}

export function sameOptions(a: OptionsKey, b: OptionsKey): boolean {
  return a.version === b.version && a.config === b.config && a.isSpace === b.isSpace && a.rules === b.rules;
}

export function analyzeWithState(tree: Tree, text: string, opts: AnalyzeOptions = {}): AnalysisState {
  if (!mayUseGradio(text)) return { findings: [] };
  const syntax = syntaxOf(tree, text);
  const model = modelOf(syntax);
  // A script that only talks to a Gradio app through gradio_client gets the rules written for it (GR128).
  const clientOnly = !model.usesGradio && importsGradioClient(text);
  if (!model.usesGradio && !clientOnly) return { findings: [] };
  const config = opts.config ?? {};
  const key = optionsKey(opts);
  const { version } = key;
  const lines = opts.lines?.text === text ? opts.lines : new LineIndex(text);
  const rules = (opts.rules ?? RULES).filter((rule) => isRuleEnabled(rule.code, config) && versionIn(version, rule.versions)
    && (!clientOnly || rule.gradioClient));
  const reports = runRules(rules, { lines, syntax, model, version, opts });
  return { findings: findingsOf(reports, text, lines, tree, config), syntax, model, reports, key };
}

export type RuleReport = { rule: Rule; report: Report };

/** Runs `rules` over the model; a rule that throws is reported to `onRuleError` and the others still run. */
export function runRules(rules: readonly Rule[], on: { lines: LineIndex; syntax: SyntaxTree; model: Model; version: string; opts: AnalyzeOptions }): RuleReport[] {
  const ctx = new Context(on.syntax, on.lines, on.model, on.version, apisAround(on.version), on.opts.isSpace ?? false);
  for (const rule of rules) {
    ctx.rule = rule;
    on.syntax.readingAs(rule.code);
    try {
      rule.check(ctx);
    } catch (error) {
      on.opts.onRuleError?.(rule.code, error);
    } finally {
      on.syntax.readingAs(null);
    }
  }
  return ctx.reports;
}

/** What a rule sees; one per analysis, pointed at each rule in turn. */
class Context implements RuleContext {
  rule: Rule | undefined;
  readonly reports: RuleReport[] = [];

  constructor(
    private readonly syntax: SyntaxTree, readonly lines: LineIndex, readonly model: Model, readonly version: string,
    readonly apis: Api[], readonly isSpace: boolean,
  ) {}

  /** A rule that reads the text directly is run again after any edit (incremental.ts): the copy notes it. */
  get text(): string { return this.syntax.text; }

  readonly report = (report: Report): void => {
    this.reports.push({ rule: this.rule!, report });
  };
}

/** The reports as findings: suppressions, severity settings, the one-finding-per-mistake rule, fix screening in
 *  broken files, document order. */
export function findingsOf(reports: readonly RuleReport[], text: string, lines: LineIndex, tree: Tree, config: LintConfig): Finding[] {
  const findings = reports.map(({ rule, report }) => toFinding(rule, report, lines));
  const suppressions = parseSuppressions(text);
  const kept = dropSuperseded(findings).filter((f) => !suppressions.isSuppressed(f.code, f.range.start.line));
  for (const f of kept) f.severity = severityFor(f.code, f.severity, config);
  if (tree.rootNode.hasError) screenFixes(kept, text, lines, tree);
  return kept.sort((a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code));
}

function toFinding(rule: Rule, r: Report, lines: LineIndex): Finding {
  const start = r.node ? r.node.startIndex : r.start ?? 0;
  const end = r.node ? r.node.endIndex : r.end ?? start;
  const fixes: Fix[] = (r.fixes ?? []).map((f) => ({
    title: f.title,
    safe: f.safe,
    edits: f.edits.map((e) => ({ range: rangeOf(lines, e.start, e.end), newText: e.text })),
  }));
  const finding: Finding = { code: rule.code, severity: r.severity ?? rule.severity, message: r.message, range: rangeOf(lines, start, end), fixes };
  if (r.related?.length) finding.related = r.related.map((x) => ({ range: rangeOf(lines, x.node.startIndex, x.node.endIndex), message: x.message }));
  return finding;
}

/** The LSP range of two offsets. An offset between the \r and \n of a line break (a comment token ends after its \r)
 *  has no LSP position: it becomes the end of the line's content, as editors and `applyFix` read it. */
function rangeOf(lines: LineIndex, start: number, end: number): Range {
  const r = lines.range(start, end);
  for (const p of [r.start, r.end]) p.character = Math.min(p.character, lines.lineEnd(p.line) - lines.lineStart(p.line));
  return r;
}

/** A specific rule (GR001-GR131) wins over the data-driven ones (GR198, GR199, GR207) for the same mistake: a generic
 *  finding is dropped when a specific one starts where it starts and covers it (`gr.inputs` in `gr.inputs.Textbox`). */
function dropSuperseded(findings: Finding[]): Finding[] {
  const specific = findings.filter((f) => f.code < 'GR198');
  if (!specific.length) return findings;
  const covers = (outer: Finding, inner: Finding) =>
    outer.range.start.line === inner.range.start.line && outer.range.start.character === inner.range.start.character
    && compareRanges({ start: inner.range.end, end: inner.range.end }, { start: outer.range.end, end: outer.range.end }) <= 0;
  return findings.filter((f) => !GENERIC_CODES.has(f.code) || !specific.some((s) => covers(s, f)));
}
