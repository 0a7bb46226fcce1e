// English texts of the dialog area: the reference for ru/dialog.ts.
export const dialog = {};
