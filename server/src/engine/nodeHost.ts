// The FileHost used by the CLI and the language server: node:fs, size-capped, never throws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileHost } from './project';

/** A FileHost over the local file system. Files larger than `maxBytes` (and non-regular files) read as missing. */
export function nodeFileHost(maxBytes = 1 << 20): FileHost {
  return {
    readFile(path: string): string | undefined {
      try {
        const st = statSync(path, { throwIfNoEntry: false });
        if (!st || !st.isFile() || st.size > maxBytes) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    readDir(path: string): string[] | undefined {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
  };
}
