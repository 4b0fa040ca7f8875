// Gradio version numbers: parsing, comparing, and the known releases.
import semver from 'semver';

/** "5.49" -> "5.49.0"; "4" -> "4.0.0"; undefined when not a version. */
export function normalizeVersion(v: string | undefined | null): string | undefined {
  if (!v) return undefined;
  const m = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v);
  if (!m) return undefined;
  return `${Number(m[1])}.${Number(m[2] ?? 0)}.${Number(m[3] ?? 0)}`;
}

export function compareVersions(a: string, b: string): number {
  return semver.compare(normalizeVersion(a)!, normalizeVersion(b)!);
}

const satisfied = new Map<string, boolean>();

/** Does `version` satisfy a rule's range such as ">=4.0.0 <6.0.0" or "*"? (Asked for every rule of every analysis
 *  with the same few versions and ranges: the answers are kept.) */
export function versionIn(version: string, range: string): boolean {
  const key = `${version}\0${range}`;
  let v = satisfied.get(key);
  if (v === undefined) {
    v = semver.satisfies(normalizeVersion(version)!, range);
    if (satisfied.size < 10_000) satisfied.set(key, v);
  }
  return v;
}

/** Short display form: "6.25.0" -> "6.25". */
export function shortVersion(v: string): string {
  const n = normalizeVersion(v) ?? v;
  return n.endsWith('.0') ? n.slice(0, -2) : n;
}
