// Findings as LSP diagnostics: code, link to the rule's page, source, and the fixes carried in `data`.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix } from '../engine';
import { docsUrl } from '../engine/rules';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'gradio';

export interface DiagnosticData { fixes: Fix[] }

export function toDiagnostic(uri: string, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: docsUrl(f.code) },
    source: SOURCE,
    message: f.message,
    data: { fixes: f.fixes } satisfies DiagnosticData,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return d;
}

export function fixesOf(d: Diagnostic): Fix[] {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}
