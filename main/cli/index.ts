// The executable entry of `openlines-inspector` (package.json "bin").
import { errorEnvelope } from '../core/error-codes';
import { formatError } from './format-human';
import { main } from './run-cli';

/** 128 + SIGPIPE: how a shell reports a program whose reader went away (`… | head -1`). */
export const CLOSED_PIPE_EXIT = 141;

// The reader closed the pipe: nobody is left to read, so stop at once and
// quietly, as Unix tools do, instead of Node's unhandled EPIPE and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
    throw error;
  });
}

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
