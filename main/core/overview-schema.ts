// The shapes the overview's list answers must have before a row is made of
// them (im.recent.get items, crm.activity.list activities). Loose, as
// dialog-schema.ts is: fields we do not read pass, and the field set differs
// between portal versions (facts §2.1: "parse leniently"); ids come as numbers
// or as digit strings (the docs' sample writes "30468"), and become numbers.
import { z } from 'zod';

/** A whole number ≥ 0, sent as a number or as its digits. */
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,15}$/).transform(Number)]);
const text = z.string().nullish();
/** Bitrix24 writes "no value" as false in some user fields. */
const maybeText = z.union([z.string(), z.literal(false)]).nullish();

export const recentItemSchema = z.looseObject({
  id: z.string(),
  chat_id: count.optional(),
  type: z.string(),
  title: text,
  message: z
    .looseObject({
      id: count.nullish(),
      author_id: count.nullish(),
      date: maybeText,
    })
    .nullish(),
  counter: count.nullish(),
  chat: z
    .looseObject({
      id: count,
      name: text,
      owner: count.nullish(),
      type: text,
      entity_type: text,
      entity_id: text,
      entity_data_1: text,
      entity_data_2: text,
      entity_data_3: text,
    })
    .nullish(),
  user: z.looseObject({ id: count.nullish(), name: text, connector: z.boolean().nullish(), bot: z.boolean().nullish() }).nullish(),
  lines: z.looseObject({ id: count.nullish(), status: count.nullish(), date_create: maybeText }).nullish(),
});

export type RecentItem = z.infer<typeof recentItemSchema>;

/** im.recent.get answers a plain array (facts §2.1). */
export const recentListSchema = z.array(z.unknown());

export const activitySchema = z.looseObject({
  ID: count,
  PROVIDER_ID: z.string(),
  PROVIDER_TYPE_ID: count.nullish(),
  ASSOCIATED_ENTITY_ID: count,
  SUBJECT: text,
  START_TIME: text,
  COMPLETED: z.enum(['Y', 'N']).nullish(),
  RESULT_STATUS: count.nullish(),
  RESPONSIBLE_ID: count.nullish(),
  OWNER_TYPE_ID: count.nullish(),
  OWNER_ID: count.nullish(),
  RESULT_SOURCE_ID: text,
  PROVIDER_PARAMS: z.looseObject({ USER_CODE: text }).or(z.array(z.unknown())).nullish(),
});

export type Activity = z.infer<typeof activitySchema>;

export const activityListSchema = z.array(z.unknown());
