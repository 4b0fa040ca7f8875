// The rule registry: every rule, in code order. Adding a rule means adding its file and one line here.
import type { Rule } from './types';
import { GR001 } from './GR001';
import { GR002 } from './GR002';
import { GR003 } from './GR003';
import { GR004 } from './GR004';
import { GR005 } from './GR005';
import { GR006 } from './GR006';
import { GR008 } from './GR008';
import { GR009 } from './GR009';
import { GR010 } from './GR010';
import { GR011 } from './GR011';
import { GR012 } from './GR012';
import { GR013 } from './GR013';
import { GR015 } from './GR015';
import { GR016 } from './GR016';
import { GR017 } from './GR017';
import { GR018 } from './GR018';
import { GR020 } from './GR020';
import { GR021 } from './GR021';
import { GR022 } from './GR022';
import { GR023 } from './GR023';
import { GR024 } from './GR024';
import { GR025 } from './GR025';
import { GR026 } from './GR026';
import { GR027 } from './GR027';
import { GR028 } from './GR028';
import { GR029 } from './GR029';
import { GR100 } from './GR100';
import { GR101 } from './GR101';
import { GR102 } from './GR102';
import { GR103 } from './GR103';
import { GR104 } from './GR104';
import { GR105 } from './GR105';
import { GR106 } from './GR106';
import { GR107 } from './GR107';
import { GR108 } from './GR108';
import { GR109 } from './GR109';
import { GR110 } from './GR110';
import { GR111 } from './GR111';
import { GR112 } from './GR112';
import { GR113 } from './GR113';
import { GR114 } from './GR114';
import { GR115 } from './GR115';
import { GR116 } from './GR116';
import { GR117 } from './GR117';
import { GR118 } from './GR118';
import { GR119 } from './GR119';
import { GR120 } from './GR120';
import { GR121 } from './GR121';
import { GR122 } from './GR122';
import { GR123 } from './GR123';
import { GR124 } from './GR124';
import { GR125 } from './GR125';
import { GR126 } from './GR126';
import { GR127 } from './GR127';
import { GR128 } from './GR128';
import { GR129 } from './GR129';
import { GR130 } from './GR130';
import { GR131 } from './GR131';
import { GR198 } from './GR198';
import { GR199 } from './GR199';
import { GR200 } from './GR200';
import { GR201 } from './GR201';
import { GR203 } from './GR203';
import { GR207 } from './GR207';
import { GR208 } from './GR208';
import { GR210 } from './GR210';

export const RULES: readonly Rule[] = [GR001, GR002, GR003, GR004, GR005, GR006, GR008, GR009, GR010, GR011, GR012, GR013, GR015, GR016, GR017, GR018, GR020, GR021, GR022, GR023, GR024, GR025, GR026, GR027, GR028, GR029, GR100, GR101, GR102, GR103, GR104, GR105, GR106, GR107, GR108, GR109, GR110, GR111, GR112, GR113, GR114, GR115, GR116, GR117, GR118, GR119, GR120, GR121, GR122, GR123, GR124, GR125, GR126, GR127, GR128, GR129, GR130, GR131, GR198, GR199, GR200, GR201, GR203, GR207, GR208, GR210]
  .sort((a, b) => a.code.localeCompare(b.code));

/** Data-driven rules that give way to a specific rule reporting the same mistake. */
export const GENERIC_CODES: ReadonlySet<string> = new Set(['GR198', 'GR199', 'GR207']);

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code.toUpperCase());
}

/** Where a rule's documentation page lives (the diagnostic's code link). */
export const DOCS_BASE_URL = 'https://github.com/gradio-lsp/gradio-lsp/blob/main/docs/rules/';
export function docsUrl(code: string): string {
  return `${DOCS_BASE_URL}${code}.md`;
}
