/**
 * The command line of the scripts (scan, evaluate).
 */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../lib/cli-args';

const SPEC = {
  flags: ['json', 'corpus'],
  values: { dataset: 'a file', sample: 'a number' },
  positionals: { max: 1, what: 'folder' },
} as const;

describe('parseCliArgs', () => {
  it('reads flags, options with a value and positional arguments, in any order', () => {
    const args = parseCliArgs(['dir', '--dataset', 'd.json', '--json'], SPEC);
    expect(args).toEqual({
      help: false,
      flags: new Set(['json']),
      values: { dataset: 'd.json' },
      positionals: ['dir'],
    });
    expect(parseCliArgs([], SPEC)).toEqual({ help: false, flags: new Set(), values: {}, positionals: [] });
  });

  it('takes -h and --help as help, and every argument after -- as positional', () => {
    expect(parseCliArgs(['-h'], SPEC)).toMatchObject({ help: true });
    expect(parseCliArgs(['--help', 'x'], SPEC)).toMatchObject({ help: true, positionals: ['x'] });
    expect(parseCliArgs(['--json', '--', '--corpus'], SPEC)).toMatchObject({
      flags: new Set(['json']),
      positionals: ['--corpus'],
    });
    expect(parseCliArgs(['-'], SPEC)).toMatchObject({ positionals: ['-'] });
  });

  it('says what is wrong: an unknown option, a missing value, too many positional arguments', () => {
    expect(parseCliArgs(['--jsn'], SPEC)).toEqual({ error: 'unknown option --jsn' });
    expect(parseCliArgs(['-json'], SPEC)).toEqual({ error: 'unknown option -json' });
    expect(parseCliArgs(['--dataset'], SPEC)).toEqual({ error: '--dataset needs a file' });
    expect(parseCliArgs(['--sample', '--json'], SPEC)).toEqual({ error: '--sample needs a number' });
    expect(parseCliArgs(['a', 'b'], SPEC)).toEqual({ error: 'at most 1 folder' });
    expect(parseCliArgs(['a'], { flags: [], values: {}, positionals: { max: 0, what: 'file' } })).toEqual({
      error: 'no file expected',
    });
    // Without a limit, any number of positional arguments.
    expect(parseCliArgs(['a', 'b', 'c'], { flags: ['json'], values: {} })).toMatchObject({
      positionals: ['a', 'b', 'c'],
    });
  });
});
