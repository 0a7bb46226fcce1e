// English: the catalogue's reference. Every other language has exactly these
// keys and parameters (ru.ts is typed by this one). One file per area:
// errors (every error envelope and notice main writes), dialog (the labels,
// sections and decoded explanations of a dialog), cli (the terminal's output),
// files (what a lead saves), menu (the application menu).
import { cli } from './en/cli';
import { dialog } from './en/dialog';
import { errors } from './en/errors';
import { files } from './en/files';
import { menu } from './en/menu';

export const en = {
  language: {
    name: 'English',
  },
  errors,
  dialog,
  cli,
  files,
  menu,
};

export type Messages = typeof en;
