/**
 * The build's own id, for what the background saves of a compile (its
 * snapshot, lib/storage/packs.ts `compiledCache`): a Vite plugin (wired in
 * wxt.config.ts) that replaces `BUILD_ID_PLACEHOLDER` in every output chunk
 * holding it with a hash of that chunk's code. The background's chunk holds
 * all the code that makes and reads the snapshot (core/recognize, core/pack,
 * the bundled pack), so any change to it — a release, or a dev rebuild with
 * the same version — gives another id, and a snapshot of other code is not
 * restored. Unit tests run without the plugin: the placeholder is their id.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { BUILD_ID_PLACEHOLDER } from '../../lib/storage/build-id';

/** The id of a chunk's code (the placeholder in it, not yet replaced). */
export function buildIdOf(code: string): string {
  return createHash('sha256').update(code).digest('hex').slice(0, 16);
}

/** The chunk with its id in place of the placeholder; null when it holds none. */
export function withBuildId(code: string): string | null {
  if (!code.includes(BUILD_ID_PLACEHOLDER)) return null;
  return code.replaceAll(BUILD_ID_PLACEHOLDER, buildIdOf(code));
}

export function buildIdPlugin(): Plugin {
  return {
    name: 'crosscheck:build-id',
    // After minification (the id is of the code as shipped).
    enforce: 'post',
    renderChunk(code) {
      const replaced = withBuildId(code);
      return replaced === null ? null : { code: replaced, map: null };
    },
  };
}
