import { changes } from './ru/changes';
import { cli } from './ru/cli';
import { dialog } from './ru/dialog';
import { errors } from './ru/errors';
import { files } from './ru/files';
import { menu } from './ru/menu';
import type { Messages } from './en';

export const ru: Messages = {
  language: {
    name: 'Русский',
  },
  errors,
  dialog,
  changes,
  cli,
  files,
  menu,
};
