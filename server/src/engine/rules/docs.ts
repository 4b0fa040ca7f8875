// A rule's documentation rendered once for every place that shows it: docs pages, hovers and the CLI.
import type { Rule } from './types';
import { RULES } from './index';

function versions(rule: Rule): string {
  return rule.versions === '*' ? 'all' : rule.versions;
}

export function renderRuleDoc(rule: Rule): string {
  return `# ${rule.code}: ${rule.title}\n\nDefault severity: **${rule.severity}** · Gradio versions: \`${versions(rule)}\`\n${rule.docs.trimEnd()}\n`;
}

/** Markdown table of all rules; `base` prefixes the links to the rule pages. */
export function ruleTable(base: string): string {
  const rows = RULES.map((r) => `| [${r.code}](${base}${r.code}.md) | ${r.title} | ${r.severity} | ${versions(r).replace(/\|/g, '\\|')} | ${hasFix(r) ? 'yes' : ''} |`);
  return ['| Code | Rule | Severity | Gradio | Fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

function hasFix(rule: Rule): boolean {
  return /^## Fix\b/m.test(rule.docs);
}
