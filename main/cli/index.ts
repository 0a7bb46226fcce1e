// The executable entry of `openlines-inspector` (package.json "bin").
import { errorEnvelope } from '../core/errors';
import { formatError } from './format-human';
import { main } from './run-cli';

main(process.argv.slice(2), process.env, process.stdout, process.stderr, process.stdin).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    // Never a stack trace: it could carry a webhook URL from a library's message.
    process.stderr.write(`${formatError(null, errorEnvelope('INTERNAL'))}\n`);
    process.exitCode = 1;
  },
);
