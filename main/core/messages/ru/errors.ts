import type { Messages } from '../en';

export const errors: Messages['errors'] = {};
