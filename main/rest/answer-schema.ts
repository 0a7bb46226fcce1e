// The shape a Bitrix24 answer must have before anything downstream trusts it.
// Loose objects: unknown fields pass through untouched (the inspector shows
// them), but the fields we decode must have the documented types.
import { z } from 'zod';

const id = z.number().int().nonnegative();
const pipeString = z.string().nullish();

export const dialogSchema = z.looseObject({
  id: id.positive(),
  dialog_id: z.string().regex(/^chat\d+$/),
  name: z.string().nullish(),
  entity_type: z.string().nullish(),
  entity_id: pipeString,
  entity_data_1: pipeString,
  entity_data_2: pipeString,
  entity_data_3: pipeString,
});

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
