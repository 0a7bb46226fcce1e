// Several REST calls in one request (https://apidocs.bitrix24.com/settings/how-to-call-rest-api/batch.html):
// one slot of the rate limit for up to 50 commands, each answered under its
// own key by its result or its error, never failing the others (halt off).
import type { TimeBlock } from './dialog-types';
import { errorEnvelope, inspectorError, portalErrorEnvelope, type MainErrorEnvelope } from './error-codes';
import type { LookupClient } from './lookup-client';
import { messages } from './messages/index';

export const MAX_BATCH_COMMANDS = 50;

export type BatchCommands = Readonly<Record<string, readonly [method: string, params: Readonly<Record<string, string | number>>]>>;

export type BatchOutcome = { ok: true; result: unknown; time: TimeBlock | null } | { ok: false; error: MainErrorEnvelope };

type Item = Record<string, unknown>;

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `method?KEY=value&…`: the command as the batch server reads it (parse_url, then a query string). */
export function commandText(method: string, params: Readonly<Record<string, string | number>>): string {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)])).toString();
  return query === '' ? method : `${method}?${query}`;
}

/** A PHP map's entry: maps come as objects, or as `[]` when empty. */
function entry(map: unknown, key: string): unknown {
  return isItem(map) && Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * Runs `commands` as one batch request. The request as a whole can fail as
 * any call does (thrown); each command's own error is its outcome. A command
 * the answer says nothing about is MALFORMED: the answer is not what was asked.
 */
export async function callBatch<Options>(
  client: LookupClient<Options>,
  commands: BatchCommands,
  options?: Options,
): Promise<Record<string, BatchOutcome>> {
  const keys = Object.keys(commands);
  if (keys.length === 0) return {};
  if (keys.length > MAX_BATCH_COMMANDS) throw inspectorError('INVALID_ARGUMENT', { message: messages().errors.batch.tooMany(keys.length, MAX_BATCH_COMMANDS) });
  const cmd = Object.fromEntries(keys.map((key) => [key, commandText(...commands[key]!)]));
  const answer = await client.call('batch', { halt: 0, cmd }, options);
  const body = answer.result;
  if (!isItem(body)) throw inspectorError('UNEXPECTED_SHAPE', { message: messages().dialog.unexpectedShape('result: not a batch answer') });
  const outcomes: Record<string, BatchOutcome> = {};
  for (const key of keys) {
    const error = entry(body['result_error'], key);
    if (isItem(error) && typeof error['error'] === 'string') {
      const description = typeof error['error_description'] === 'string' ? error['error_description'] : undefined;
      // The limit is per method: the text names the command's, which is not the one the catalogue can know.
      const message = error['error'] === 'OPERATION_TIME_LIMIT' ? messages().errors.batch.operatingLimit(commands[key]![0]) : undefined;
      outcomes[key] = { ok: false, error: portalErrorEnvelope(error['error'], { ...(description ? { portalDescription: description } : {}), ...(message ? { message } : {}) }) };
      continue;
    }
    const result = entry(body['result'], key);
    if (result === undefined) {
      outcomes[key] = { ok: false, error: errorEnvelope('MALFORMED_ERROR', { message: messages().errors.batch.missing(key) }) };
      continue;
    }
    const time = entry(body['result_time'], key);
    outcomes[key] = { ok: true, result, time: isItem(time) ? (time as TimeBlock) : null };
  }
  return outcomes;
}
