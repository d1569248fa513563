// `pcn <command> [options]` (src/cli/bin.ts, compiled to dist-cli/pcn.js): dispatches to one file
// per command. `run(argv, io)` does all the work and returns the exit code, so tests call it in-process.
import { commandHelp, parseArgs, suggest, type Command } from './args';
import { alignCommand } from './align';
import { clusterCommand } from './cluster';
import { compareCommand } from './compare';
import { footprintsCommand } from './footprints';
import { EXIT, type CliIO, type ExitCode } from './io';

const PROGRAM = 'npm run pcn --';

/** Every command, in the order `--help` lists them. Add a command here and in its own file. */
export const COMMANDS: readonly Command[] = [footprintsCommand, clusterCommand, alignCommand, compareCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'PCN Planner command line: check and export Primary Care Network plans.',
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    `       ${PROGRAM} <command> --help    every option of one command`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'Exit codes: 0 success; 1 invalid input (each problem on stderr, one per line, then a count)',
    'or an output that could not be written; 2 usage error (unknown command or option, missing or',
    'bad option value); 3 internal error (a bug). A failed run never leaves a partial output file.',
    '',
    'Example, on the synthetic demo region in data/:',
    ...COMMANDS[0].spec.examples.slice(0, 2).map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function usageError(io: CliIO, message: string, helpFor?: string): ExitCode {
  io.stderr(`${message}\nRun "${PROGRAM} ${helpFor ? `${helpFor} ` : ''}--help" for usage.\n`);
  return EXIT.usage;
}

export async function run(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(mainHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = COMMANDS.find((c) => c.spec.name === topic);
    if (topic !== undefined && !command) return usageError(io, `unknown command "${topic}"`);
    io.stdout(command ? commandHelp(PROGRAM, command.spec) : mainHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    const names = COMMANDS.map((c) => c.spec.name);
    const hint = name.startsWith('-')
      ? ' (a command comes first, then its options)'
      : suggest(name, names)
        ? ` (did you mean ${suggest(name, names)}?)`
        : '';
    return usageError(io, `unknown command "${name}"${hint}; commands: ${names.join(', ')}`);
  }
  const parsed = parseArgs(rest, command.spec);
  if (!parsed.ok) {
    const why = parsed.errors.map((e) => e.message).join('; ');
    return usageError(io, `${command.spec.name}: ${why}`, command.spec.name);
  }
  if (parsed.value.help) {
    io.stdout(commandHelp(PROGRAM, command.spec));
    return EXIT.ok;
  }
  try {
    return await command.run(parsed.value, io);
  } catch (e) {
    io.stderr(
      `internal error in ${command.spec.name} (a bug, please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT.internal;
  }
}
