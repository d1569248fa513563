// Command-line arguments: a small declarative option table per command, parsed strictly
// (unknown options, missing values and bad numbers are usage errors that name the option),
// and help text generated from the same table so it can never drift from what is accepted.
import type { CliIO, ExitCode } from './io';
import type { Result } from '../core/model';

export const OPTION_KIND = { text: 'text', wholeNumber: 'wholeNumber', flag: 'flag' } as const;
export type OptionKind = (typeof OPTION_KIND)[keyof typeof OPTION_KIND];

export interface OptionSpec {
  /** Long name without dashes, e.g. "practices" for --practices. */
  readonly name: string;
  readonly kind: OptionKind;
  /** Placeholder shown in help, e.g. "FILE". */
  readonly valueName?: string;
  readonly required?: boolean;
  /** Shown in help; whole-number options fall back to it when omitted. */
  readonly defaultValue?: number;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Paragraphs printed under the usage line of `<command> --help`. */
  readonly description: readonly string[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

export interface ParsedArgs {
  readonly text: ReadonlyMap<string, string>;
  readonly numbers: ReadonlyMap<string, number>;
  readonly flags: ReadonlySet<string>;
  readonly help: boolean;
}

/** Failing, one `usage` error whose message is the line printed after the command's name. */
export type ParseOutcome = Result<ParsedArgs>;

const HELP_NAMES = new Set(['--help', '-h']);

/** Levenshtein distance, for "did you mean --boundary?" on a mistyped option. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** A whole number written plainly ("30000", "30_000" and "30,000" accepted), or null. */
export function parseWholeNumberArg(raw: string): number | null {
  const cleaned = raw.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Parses `--name value`, `--name=value` and `--flag` against the command's table.
 * `--help`/`-h` anywhere wins over every other problem, so help is always reachable.
 */
export function parseArgs(argv: readonly string[], command: CommandSpec): ParseOutcome {
  if (argv.some((a) => HELP_NAMES.has(a)))
    return { ok: true, value: { text: new Map(), numbers: new Map(), flags: new Set(), help: true }, warnings: [] };
  const byName = new Map(command.options.map((o) => [o.name, o]));
  const text = new Map<string, string>();
  const numbers = new Map<string, number>();
  const flags = new Set<string>();
  const seen = new Set<string>();
  const fail = (message: string): ParseOutcome => ({
    ok: false,
    errors: [{ severity: 'error', code: 'usage', message }],
    warnings: [],
  });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      return fail(`unexpected argument "${arg}" (${command.name} takes only --options; see ${command.name} --help)`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) {
      const hint = suggest(name, [...byName.keys()]);
      return fail(`unknown option --${name} for ${command.name}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    if (seen.has(name)) return fail(`option --${name} given more than once`);
    seen.add(name);
    if (spec.kind === OPTION_KIND.flag) {
      if (eq !== -1) return fail(`option --${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        return fail(`option --${name} needs a value (${spec.valueName ?? 'VALUE'})`);
      value = next;
      i += 1;
    }
    if (value.trim() === '')
      return fail(`option --${name} needs a value (${spec.valueName ?? 'VALUE'}), got an empty string`);
    if (spec.kind === OPTION_KIND.wholeNumber) {
      const n = parseWholeNumberArg(value);
      if (n === null) return fail(`option --${name} must be a whole number >= 0, got "${value}"`);
      numbers.set(name, n);
    } else text.set(name, value);
  }
  for (const spec of command.options) {
    if (spec.required && !seen.has(spec.name))
      return fail(`missing required option --${spec.name} ${spec.valueName ?? 'VALUE'}`);
    if (spec.kind === OPTION_KIND.wholeNumber && !numbers.has(spec.name) && spec.defaultValue !== undefined) {
      numbers.set(spec.name, spec.defaultValue);
    }
  }
  return { ok: true, value: { text, numbers, flags, help: false }, warnings: [] };
}

function optionUsage(o: OptionSpec): string {
  const value = o.kind === OPTION_KIND.flag ? '' : ` ${o.valueName ?? 'VALUE'}`;
  return `--${o.name}${value}`;
}

/** `pcn <command> --help`: usage line, description, every option with its default, examples. */
export function commandHelp(program: string, command: CommandSpec): string {
  const usage = command.options.map((o) => (o.required ? optionUsage(o) : `[${optionUsage(o)}]`)).join(' ');
  const width = Math.max(...command.options.map((o) => optionUsage(o).length)) + 2;
  const lines = [
    `Usage: ${program} ${command.name} ${usage}`,
    '',
    ...command.description.flatMap((p) => [p, '']),
    'Options:',
  ];
  for (const o of command.options) {
    const tags = [o.required ? 'required' : '', o.defaultValue !== undefined ? `default ${o.defaultValue}` : ''].filter(
      Boolean,
    );
    lines.push(`  ${optionUsage(o).padEnd(width)}${o.description}${tags.length ? ` (${tags.join(', ')})` : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(width)}Show this help.`);
  if (command.examples.length) lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}

/** A command: its option table and what it does. `run` returns the process exit code. */
export interface Command {
  readonly spec: CommandSpec;
  readonly run: (args: ParsedArgs, io: CliIO) => ExitCode | Promise<ExitCode>;
}
