import type { Messages } from '../en';

export const cli: Messages['cli'] = {};
