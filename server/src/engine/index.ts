// The engine's public surface: the LSP server, the CLI and the tests import from here only.
export { initParser, parse, editFor, isParserReady } from './parse';
export type { Tree, Edit } from './parse';
export { analyze, analyzeTree, analyzeWithState, modelOf, mayUseGradio, type AnalyzeOptions, type AnalysisState } from './analyze';
export { analyzeChange, reuseAnalysis, type TreeChange } from './incremental';
export { applyFix, applyFixes, fixAll, safeFixes, MAX_FIX_PASSES } from './fixes';
export { RULES, ruleByCode } from './rules';
export type { Rule } from './rules/types';
export { KNOWN_VERSIONS, NEWEST_VERSION } from './knowledge';
export { normalizeVersion, shortVersion } from './version';
export { LineIndex, codePointColumn, compareRanges } from './text';
export * from './types';
export * from './config';
export * from './project';
export { resolveSettings, type ResolvedSettings, type EditorSettings } from './settings';
export { Model } from './model/link';
export { syntaxOf, SyntaxTree, SyntaxNode } from './syntax';
export { hoverAt, type HoverResult } from './hover';
export { parameterTypeHints, handlerParams, type TypeHint, type ParamFeeds } from './handlerTypes';
