// The program behind `pcn` and `npm run pcn`: compiled to dist-cli/pcn.js by scripts/build-cli.mjs.
import type { CliIO } from './io';
import { run } from './main';

const io: CliIO = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };
run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
