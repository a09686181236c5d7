// The import zones of eslint.config.js hold: an import running against them fails lint.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint zones', { timeout: 60_000 }, () => {
  it('core/ may not import lib/, components/, wxt or preact', async () => {
    for (const [file, spec] of [
      ['core/views/x.ts', '../../lib/i18n'],
      ['core/x.ts', '../lib/messages'],
      ['core/views/x.ts', '../../components/Popover'],
      ['core/x.ts', 'wxt/browser'],
      ['core/x.ts', 'preact'],
      ['core/recognize/x.ts', 'preact/hooks'],
    ]) {
      const messages = await restrictedImports(file!, `import { a } from '${spec}';\nexport const b = a;\n`);
      expect(messages, `${file} importing ${spec}`).toHaveLength(1);
    }
  });

  it('components/ may not import lib/', async () => {
    const messages = await restrictedImports(
      'components/X.tsx',
      `import type { Settings } from '../lib/storage/settings';\nexport type S = Settings;\n`,
    );
    expect(messages).toHaveLength(1);
  });

  it('lets the allowed imports through', async () => {
    expect(
      await restrictedImports('core/views/x.ts', `import { a } from '../dataset/schema';\nexport const b = a;\n`),
    ).toEqual([]);
    expect(
      await restrictedImports('components/X.tsx', `import { a } from '../core/settings';\nexport const b = a;\n`),
    ).toEqual([]);
    expect(await restrictedImports('lib/x.ts', `import { a } from '../core/settings';\nexport const b = a;\n`)).toEqual(
      [],
    );
  });
});
