// What applies to one file: its project (target version, Spaces), the pyproject [tool.gradio-lint] table and the
// editor's or command line's settings, merged so that the CLI and the editor give the same findings.
import { mergeConfig, parsePyprojectConfig, type LintConfig } from './config';
import { detectProject, versionFromComment, type FileHost, type ProjectFacts } from './project';
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

/**
 * `editor`: settings the project file may override; `overrides`: command-line flags, which win over both.
 * Target version order: flag or editor setting, the file's own `# gradio-lint: target-version=` comment,
 * pyproject `[tool.gradio-lint] target-version`, then the pins found in the project (see project.ts).
 */
export function resolveSettings(
  path: string | undefined, text: string, host: FileHost, editor: EditorSettings = {}, overrides: LintConfig = {},
): ResolvedSettings {
  const explicit = overrides.targetVersion ?? editor.targetVersion;
  let project = detectProject(path, text, host, { newest: NEWEST_VERSION, explicit });
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
  if (!explicit && fromFile?.targetVersion && !versionFromComment(text)) {
    project = detectProject(path, text, host, {
      newest: NEWEST_VERSION, explicit: fromFile.targetVersion, explicitSource: 'pyproject.toml [tool.gradio-lint] target-version',
    });
  }
  const config = mergeConfig(overrides, mergeConfig(fromFile, editor));
  const options: AnalyzeOptions = { targetVersion: project.target.version, config, isSpace: project.isSpace };
  return { project, config, configErrors, options };
}
