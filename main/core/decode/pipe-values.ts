// The small readers every pipe-separated field shares. Bitrix24 writes these
// strings with PHP string casts, so only plain ASCII digits count as numbers;
// anything else is reported as unreadable rather than guessed at.

const DIGITS = /^\d+$/;

// Date's own range limit (±8.64e15 ms); past it toISOString throws.
const MAX_DATE_MS = 8.64e15;

/** "42" → 42; "", "-1", "1.5", "x", or beyond a safe integer → null. */
export function parseNonNegativeInt(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Like parseNonNegativeInt, but 0 also means "none" → null. */
export function parsePositiveInt(text: string): number | null {
  const value = parseNonNegativeInt(text);
  return value === null || value === 0 ? null : value;
}

/** Unix seconds (number, fractions allowed) → ISO 8601 UTC; 0, negative or out of range → null. */
export function unixToIso(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const ms = seconds * 1000;
  if (ms > MAX_DATE_MS) return null;
  return new Date(ms).toISOString();
}

/** Unix seconds written as digits → ISO 8601 UTC; "0", "" or non-numeric → null. */
export function unixTextToIso(text: string): string | null {
  const seconds = parseNonNegativeInt(text);
  return seconds === null ? null : unixToIso(seconds);
}

/** Splits a pipe string; "" has no parts at all (not one empty part). */
export function splitPipes(raw: string): string[] {
  return raw === '' ? [] : raw.split('|');
}
