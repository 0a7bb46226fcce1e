// The shape a dialog answer must have before anything downstream trusts it.
// Loose: unknown fields pass through untouched (the inspector shows them),
// but the fields we decode must have the documented types. Core owns it
// because decoding is core's: rest checks only the REST envelope around it.
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
