/**
 * The command line of the project's scripts (`scan`, `evaluate`): flags
 * (`--json`), options with a value (`--dataset FILE`), `-h` / `--help`, and
 * positional arguments. After `--` every argument is positional. An unknown
 * option, an option without its value or too many positional arguments is an
 * error with a message to print above the usage. Node only.
 */

export interface CliSpec<F extends string, V extends string> {
  /** Options without a value, without the dashes: `json` for `--json`. */
  flags: readonly F[];
  /** Options with a value, without the dashes, and what the value is: `{ dataset: 'a file' }`. */
  values: Readonly<Record<V, string>>;
  /** At most this many positional arguments (unlimited when left out), and what one is, for the error. */
  positionals?: { max: number; what: string };
}

export interface CliArgs<F extends string, V extends string> {
  help: boolean;
  flags: Set<F>;
  values: Partial<Record<V, string>>;
  positionals: string[];
}

/** Parses `argv` (without node and the script); `{ error }` says what is wrong. */
export function parseCliArgs<F extends string, V extends string = never>(
  argv: readonly string[],
  spec: CliSpec<F, V>,
): CliArgs<F, V> | { error: string } {
  const out: CliArgs<F, V> = { help: false, flags: new Set(), values: {}, positionals: [] };
  const isFlag = (name: string): name is F => (spec.flags as readonly string[]).includes(name);
  const isValue = (name: string): name is V => Object.hasOwn(spec.values, name);
  let optionsEnd = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (optionsEnd || !a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    if (a === '--') {
      optionsEnd = true;
      continue;
    }
    if (a === '-h' || a === '--help') {
      out.help = true;
      continue;
    }
    const name = a.startsWith('--') ? a.slice(2) : '';
    if (isFlag(name)) out.flags.add(name);
    else if (isValue(name)) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return { error: `${a} needs ${spec.values[name]}` };
      out.values[name] = next;
      i++;
    } else return { error: `unknown option ${a}` };
  }
  const max = spec.positionals?.max;
  if (max !== undefined && out.positionals.length > max) {
    const what = spec.positionals?.what ?? 'argument';
    return { error: max === 0 ? `no ${what} expected` : `at most ${max} ${what}${max === 1 ? '' : 's'}` };
  }
  return out;
}
