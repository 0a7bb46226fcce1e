// English texts of the cli area: the reference for ru/cli.ts.
export const cli = {};
