// English texts of the errors area: the reference for ru/errors.ts.
export const errors = {};
