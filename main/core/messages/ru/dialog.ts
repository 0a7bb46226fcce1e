import type { Messages } from '../en';

export const dialog: Messages['dialog'] = {};
