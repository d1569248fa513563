// The program behind `pcn` and `npm run pcn`: compiled to dist-cli/pcn.js by scripts/build-cli.mjs.
import type { CliIO } from './io';
import { run } from './main';

// A reader that stops early (`pcn --help | head`) closes the pipe: that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

const io: CliIO = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
