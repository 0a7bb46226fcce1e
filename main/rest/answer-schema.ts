// The REST envelope every Bitrix24 answer comes in, checked before anything
// downstream trusts it. Loose objects: unknown fields pass through untouched.
// What a method's `result` holds is its caller's to check (a dialog's shape is
// main/core/dialog-schema.ts).
import { z } from 'zod';

export const timeSchema = z.looseObject({
  start: z.number().optional(),
  finish: z.number().optional(),
  duration: z.number().optional(),
  processing: z.number().optional(),
  date_start: z.string().optional(),
  date_finish: z.string().optional(),
  operating: z.number().optional(),
  operating_reset_at: z.number().optional(),
});

/** A successful REST answer: `{result, time}`. */
export const successEnvelopeSchema = z.looseObject({
  result: z.unknown(),
  time: z.unknown(),
});

/**
 * A REST error answer: `{error, error_description}`. The code must be text
 * (anything else says nothing); a description that is not text is dropped,
 * not a reason to lose the code.
 */
export const errorEnvelopeSchema = z.looseObject({
  error: z.string().min(1).max(200),
  error_description: z.string().nullish().catch(undefined),
});
