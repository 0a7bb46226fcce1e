// What a domain module of the API exports: its channels' argument schemas and
// their handlers, both checked against the contract channel by channel.
import type { z } from 'zod';
import type { ArgsOf, Channel, ResultOf } from '../../preload/api-contract';

/** One handler per channel the module owns. */
export type HandlersFor<C extends Channel> = { [K in C]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

type AllSchemas = { [K in Channel]: z.ZodType<ArgsOf<K>> };

/**
 * A module's argument schemas: every key must be a channel of the contract,
 * and every schema must produce exactly that channel's argument type.
 */
export function schemasFor<S extends Partial<AllSchemas>>(schemas: S & Record<Exclude<keyof S, Channel>, never>): S {
  return schemas;
}

/** The channels a module's schemas cover. */
export type ChannelsOf<S> = keyof S & Channel;
