// What applies to one file: its project (target version, Spaces), the pyproject [tool.gradio-lint] table and the
// editor's or command line's settings, merged so that the CLI and the editor give the same findings.
import { mergeConfig, parsePyprojectConfig, type LintConfig } from './config';
import { detectProject, type FileHost, type ProjectFacts } from './project';
import { NEWEST_VERSION } from './knowledge';
import type { AnalyzeOptions } from './analyze';

export interface EditorSettings extends LintConfig {}

export interface ResolvedSettings {
  project: ProjectFacts;
  config: LintConfig;
  /** Problems found in the project's configuration (shown once, not as findings). */
  configErrors: string[];
  options: AnalyzeOptions;
}

/** `editor`: settings the project file may override; `overrides`: command-line flags, which win over both. */
export function resolveSettings(
  path: string | undefined, text: string, host: FileHost, editor: EditorSettings = {}, overrides: LintConfig = {},
): ResolvedSettings {
  let project = detectProject(path, text, host, { newest: NEWEST_VERSION });
  let fromFile: LintConfig | undefined;
  let configErrors: string[] = [];
  if (project.pyproject) {
    const toml = host.readFile(project.pyproject);
    if (toml !== undefined) {
      const parsed = parsePyprojectConfig(toml);
      fromFile = parsed.config;
      configErrors = parsed.errors.map((e) => `${project.pyproject}: ${e}`);
    }
  }
  const config = mergeConfig(overrides, mergeConfig(fromFile, editor));
  if (config.targetVersion) project = detectProject(path, text, host, { newest: NEWEST_VERSION, explicit: config.targetVersion });
  return { project, config, configErrors, options: { targetVersion: project.target.version, config, isSpace: project.isSpace } };
}
