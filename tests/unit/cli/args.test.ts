import { describe, expect, it } from 'vitest';
import {
  OPTION_KIND,
  commandHelp,
  parseArgs,
  parseWholeNumberArg,
  suggest,
  type CommandSpec,
} from '../../../src/cli/args';

const spec: CommandSpec = {
  name: 'demo',
  summary: 'A test command.',
  description: ['Does nothing.'],
  options: [
    { name: 'in', kind: OPTION_KIND.text, valueName: 'FILE', required: true, description: 'Input.' },
    { name: 'min', kind: OPTION_KIND.wholeNumber, valueName: 'N', defaultValue: 30_000, description: 'Lowest.' },
    { name: 'dry-run', kind: OPTION_KIND.flag, description: 'Do not write.' },
  ],
  examples: ['pcn demo --in a.csv'],
};

const usageError = (argv: string[]) => {
  const r = parseArgs(argv, spec);
  return r.ok ? null : r.errors[0]?.message;
};

describe('parseArgs', () => {
  it('reads --name value, --name=value, flags and defaults', () => {
    const r = parseArgs(['--in', 'a.csv', '--dry-run'], spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text.get('in')).toBe('a.csv');
    expect(r.value.numbers.get('min')).toBe(30_000);
    expect(r.value.flags.has('dry-run')).toBe(true);
    const r2 = parseArgs(['--in=b.csv', '--min=25,000'], spec);
    expect(r2.ok && r2.value.text.get('in')).toBe('b.csv');
    expect(r2.ok && r2.value.numbers.get('min')).toBe(25_000);
  });

  it('lets --help through whatever else is wrong', () => {
    const r = parseArgs(['--bogus', '--help'], spec);
    expect(r.ok && r.value.help).toBe(true);
  });

  it('names the option in every usage error', () => {
    expect(usageError(['--inn', 'a.csv'])).toBe('unknown option --inn for demo (did you mean --in?)');
    expect(usageError([])).toBe('missing required option --in FILE');
    expect(usageError(['--in'])).toBe('option --in needs a value (FILE)');
    expect(usageError(['--in', '--dry-run'])).toBe('option --in needs a value (FILE)');
    expect(usageError(['--in', 'a', '--in', 'b'])).toBe('option --in given more than once');
    expect(usageError(['--in', 'a', '--min', 'lots'])).toBe('option --min must be a whole number >= 0, got "lots"');
    expect(usageError(['--in', 'a', '--min', '-5'])).toBe('option --min must be a whole number >= 0, got "-5"');
    expect(usageError(['--in', 'a', '--min', '3.5'])).toBe('option --min must be a whole number >= 0, got "3.5"');
    expect(usageError(['--in', 'a', 'stray'])).toMatch(/unexpected argument "stray"/);
    expect(usageError(['--in', 'a', '--dry-run=yes'])).toBe('option --dry-run takes no value');
    expect(usageError(['--in='])).toMatch(/needs a value/);
  });

  it('does not mutate argv', () => {
    const argv = ['--in', 'a.csv'];
    parseArgs(argv, spec);
    expect(argv).toEqual(['--in', 'a.csv']);
  });
});

describe('helpers', () => {
  it('parseWholeNumberArg accepts plain whole numbers only', () => {
    expect(parseWholeNumberArg('30000')).toBe(30_000);
    expect(parseWholeNumberArg('30_000')).toBe(30_000);
    expect(parseWholeNumberArg('1e4')).toBeNull();
    expect(parseWholeNumberArg('')).toBeNull();
    expect(parseWholeNumberArg('99999999999999999999')).toBeNull();
  });

  it('suggest finds near misses only', () => {
    expect(suggest('boundry', ['boundary', 'practices'])).toBe('boundary');
    expect(suggest('xyz', ['boundary', 'practices'])).toBeUndefined();
  });

  it('help lists every option with required/default tags and the examples', () => {
    const help = commandHelp('pcn', spec);
    expect(help).toMatch(/^Usage: pcn demo --in FILE \[--min N\] \[--dry-run\]/);
    expect(help).toMatch(/--in FILE\s+Input\. \(required\)/);
    expect(help).toMatch(/--min N\s+Lowest\. \(default 30000\)/);
    expect(help).toMatch(/--dry-run\s+Do not write\./);
    expect(help).toMatch(/--help\s+Show this help\./);
    expect(help).toContain('pcn demo --in a.csv');
  });
});
