// The portal's open lines as imopenlines.config.list.get answers them: each
// line's name and its answer-time targets, which the conversation's timings
// are measured against
// (https://apidocs.bitrix24.com/api-reference/imopenlines/openlines/imopenlines-config-list-get.html).
import type { LineKpi } from './conversation';
import type { DecodedDialog } from './dialog-types';

export const CONFIG_LIST_GET = 'imopenlines.config.list.get';

export interface LineFacts {
  name: string;
  kpi: LineKpi;
}

/** Line id → its facts. */
export type LineDirectory = Readonly<Record<string, LineFacts>>;

/** Only the fields read: a line carries some ninety settings. */
export const LINE_FIELDS = ['ID', 'LINE_NAME', 'KPI_FIRST_ANSWER_TIME', 'KPI_FURTHER_ANSWER_TIME'] as const;

/** The parameters of a config.list.get command that asks for LINE_FIELDS only, flat for a batch command's query. */
export function lineListParams(): Record<string, string> {
  return Object.fromEntries(LINE_FIELDS.map((field, index) => [`PARAMS[select][${index}]`, field]));
}

/** Seconds; 0 turns a target off. */
function seconds(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : null;
}

export function linesFrom(result: unknown): LineDirectory {
  const lines: Record<string, LineFacts> = {};
  const list = Array.isArray(result) ? result : typeof result === 'object' && result !== null ? Object.values(result) : [];
  for (const line of list) {
    if (typeof line !== 'object' || line === null) continue;
    const item = line as Record<string, unknown>;
    const id = typeof item['ID'] === 'number' || typeof item['ID'] === 'string' ? String(item['ID']) : '';
    if (!/^\d{1,9}$/.test(id)) continue;
    lines[id] = {
      name: typeof item['LINE_NAME'] === 'string' ? item['LINE_NAME'] : '',
      kpi: { firstAnswerSeconds: seconds(item['KPI_FIRST_ANSWER_TIME']), furtherAnswerSeconds: seconds(item['KPI_FURTHER_ANSWER_TIME']) },
    };
  }
  return lines;
}

/** The dialog's line: the session's when it names one, else entity_id's. */
export function lineIdOf(decoded: DecodedDialog): number | null {
  const fromSession = decoded.session?.lineId;
  if (fromSession !== null && fromSession !== undefined && fromSession > 0) return fromSession;
  return decoded.entity?.lineId ?? null;
}
