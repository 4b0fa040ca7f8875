// Analysis of open documents: settings and project facts resolved per document, findings cached per version,
// work debounced for large files and abandoned when a newer version arrives.
import { fileURLToPath } from 'node:url';
import { analyzeChange, mayUseGradio, reuseAnalysis, resolveSettings, versionFromComment, type AnalysisState, type AnalyzeOptions, type Finding, type ResolvedSettings } from '../engine';
import { nodeFileHost } from '../engine/nodeHost';
import type { Doc, DocumentStore } from './documents';
import type { ServerSettings, SettingsCache } from './settings';

export interface Analysis { version: number; findings: Finding[]; settings: ResolvedSettings | null }

const host = nodeFileHost();

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

/** Debounce delay: none for ordinary files (analysis takes a few ms), some for very large ones. */
export function debounceFor(doc: Doc): number {
  return doc.text.length > 400_000 ? 150 : doc.text.length > 100_000 ? 50 : 0;
}

/** Analyzes the document's current tree, reusing `previous` (the analysis of the tree before it) when the one edit
 *  between them cannot have changed it. With `reuseOnly`, undefined instead of a full analysis. */
export function analyzeDoc(doc: Doc, previous: { state: AnalysisState; generation: number } | undefined, opts: AnalyzeOptions): AnalysisState;
export function analyzeDoc(doc: Doc, previous: { state: AnalysisState; generation: number } | undefined, opts: AnalyzeOptions, reuseOnly: boolean): AnalysisState | undefined;
export function analyzeDoc(doc: Doc, previous: { state: AnalysisState; generation: number } | undefined, opts: AnalyzeOptions, reuseOnly = false): AnalysisState | undefined {
  const tree = doc.currentTree();
  const change = previous && previous.generation + 1 === doc.generation ? doc.lastChange : undefined;
  const o = { ...opts, lines: doc.lines };
  return reuseOnly ? reuseAnalysis(previous?.state, change, tree, doc.text, o) : analyzeChange(previous?.state, change, tree, doc.text, o);
}

export class Analyzer {
  private readonly results = new Map<string, Analysis>();
  /** Per document: the last analysis and the tree generation it was of, for the next one to reuse. */
  private readonly states = new Map<string, { state: AnalysisState; generation: number }>();
  /** Per document: the resolved settings and the file's own version comment they were resolved with. */
  private readonly projects = new Map<string, { comment: string | undefined; resolved: ResolvedSettings }>();

  /** Rules that threw: a broken rule is logged the first time only, not on every keystroke. */
  private readonly failedRules = new Set<string>();

  constructor(
    private readonly docs: DocumentStore,
    private readonly settings: SettingsCache,
    private readonly log: (msg: string) => void,
  ) {}

  private ruleFailed(code: string, uri: string, e: unknown) {
    if (this.failedRules.has(code)) return;
    this.failedRules.add(code);
    this.log(`rule ${code} failed on ${uri} (its later failures are not logged): ${(e as Error)?.stack ?? e}`);
  }

  /** Findings for the document's current version; computed once per version. With `reuseOnly`, only when the last
   *  analysis carries over (cheap), else undefined. */
  async analyze(doc: Doc, reuseOnly = false): Promise<Analysis | undefined> {
    const cached = this.results.get(doc.uri);
    if (cached?.version === doc.version) return cached;
    const version = doc.version;
    const s: ServerSettings = await this.settings.get(doc.uri);
    // The document changed or closed while settings were fetched: a newer request will do the work.
    if (this.docs.get(doc.uri) !== doc || doc.version !== version) return undefined;
    let result: Analysis;
    if (!s.enable || !mayUseGradio(doc.text)) result = { version, findings: [], settings: null };
    else {
      const resolved = this.project(doc, s);
      const state = analyzeDoc(doc, this.states.get(doc.uri), { ...resolved.options, onRuleError: (code, e) => this.ruleFailed(code, doc.uri, e) }, reuseOnly);
      if (!state) return undefined;
      this.states.set(doc.uri, { state, generation: doc.generation });
      result = { version, findings: state.findings, settings: resolved };
    }
    this.results.set(doc.uri, result);
    return result;
  }

  /** Project facts and merged configuration for a document, cached until files or settings change. */
  project(doc: Doc, s: ServerSettings): ResolvedSettings {
    const comment = versionFromComment(doc.text);
    const cached = this.projects.get(doc.uri);
    if (cached && cached.comment === comment) return cached.resolved;
    const resolved = resolveSettings(uriToPath(doc.uri), doc.text, host, s.lint);
    if (!cached) for (const e of resolved.configErrors) this.log(e);
    this.projects.set(doc.uri, { comment, resolved });
    return resolved;
  }

  cached(uri: string): Analysis | undefined { return this.results.get(uri); }

  forget(uri: string) {
    this.results.delete(uri);
    this.states.delete(uri);
    this.projects.delete(uri);
  }

  /** Settings or project files changed: everything must be recomputed. */
  invalidateAll() {
    this.results.clear();
    this.states.clear();
    this.projects.clear();
  }
}
