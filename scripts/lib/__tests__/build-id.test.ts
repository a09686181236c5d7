import { describe, expect, it } from 'vitest';
import { BUILD_ID, BUILD_ID_PLACEHOLDER } from '../../../lib/storage/build-id';
import { buildIdOf, withBuildId } from '../build-id';

describe('the build id (scripts/lib/build-id.ts)', () => {
  const chunk = (body: string) => `const BUILD_ID = "${BUILD_ID_PLACEHOLDER}"; ${body}`;

  it('replaces the placeholder with a hash of the chunk’s code, which changes with the code', () => {
    const a = withBuildId(chunk('compile(1);'))!;
    const b = withBuildId(chunk('compile(2);'))!;
    expect(a).toBe(`const BUILD_ID = "${buildIdOf(chunk('compile(1);'))}"; compile(1);`);
    expect(a).not.toContain(BUILD_ID_PLACEHOLDER);
    expect(a).not.toBe(b.replace('compile(2)', 'compile(1)'));
    expect(withBuildId(chunk('compile(1);'))).toBe(a); // the same code, the same id
  });

  it('leaves a chunk without the placeholder alone; unit tests see the placeholder', () => {
    expect(withBuildId('compile();')).toBeNull();
    expect(BUILD_ID).toBe(BUILD_ID_PLACEHOLDER);
  });
});
