// A stream a command prints to when --output takes its output: the text is
// kept in memory and written to the file whole once the command is done.
import { Writable } from 'node:stream';

export class CollectedText extends Writable {
  readonly #chunks: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    done();
  }

  get text(): string {
    return this.#chunks.join('');
  }
}
