// Editor settings (`gradio.*`), read per document through workspace/configuration and cached until they change.
import type { Connection } from 'vscode-languageserver';
import type { EditorSettings, Severity } from '../engine';

export interface ServerSettings {
  enable: boolean;
  lint: EditorSettings;
  fixAll: boolean;
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, lint: {}, fixAll: true, inlayHints: true };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Accepts the raw `gradio` configuration object and keeps only well-formed values. */
export function parseSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const lint = (r.lint && typeof r.lint === 'object' ? r.lint : {}) as Record<string, unknown>;
  const codes = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.toUpperCase()) : undefined);
  const severity: Record<string, Severity> = {};
  if (lint.severity && typeof lint.severity === 'object') {
    for (const [k, v] of Object.entries(lint.severity as object)) if (SEVERITIES.has(v)) severity[k.toUpperCase()] = v as Severity;
  }
  const select = codes(lint.select);
  const ignore = codes(lint.ignore);
  const targetVersion = typeof r.targetVersion === 'string' && r.targetVersion.trim() ? r.targetVersion.trim() : undefined;
  return {
    enable: lint.enable !== false,
    lint: {
      ...(select?.length ? { select } : {}),
      ...(ignore?.length ? { ignore } : {}),
      ...(Object.keys(severity).length ? { severity } : {}),
      ...(targetVersion ? { targetVersion } : {}),
    },
    fixAll: r.fixAll !== false,
    inlayHints: r.inlayHints?.enable !== false,
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with workspace/didChangeConfiguration, for clients without workspace/configuration (Neovim 0.7). */
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.supported()) return Promise.resolve(this.pushed);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'gradio' })
        .then(parseSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** The `gradio` section of a didChangeConfiguration payload; used only when the client cannot be asked. */
  push(raw: unknown) { this.pushed = raw === undefined || raw === null ? DEFAULT_SETTINGS : parseSettings(raw); }

  forget(uri: string) { this.cache.delete(uri); }
  clear() { this.cache.clear(); }
}
