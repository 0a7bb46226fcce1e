// English: the catalogue's reference. Every other language has exactly these
// keys and parameters (ru.ts is typed by this one). One file per area:
// errors (every error envelope and notice main writes), dialog (the labels,
// sections and decoded explanations of a dialog), changes (what changed between two copies), cli (the terminal's output),
// files (what a lead saves), menu (the application menu).
import { changes } from './en/changes';
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
  changes,
  cli,
  files,
  menu,
};

export type Messages = typeof en;
