// The CLI's cipher: AES-256-GCM with a random key kept in a file beside the
// data, readable by its owner only (0600). It keeps secrets out of plain
// sight in config.json and out of backups that skip the key file; it does not
// protect them from someone who can read the user's files, as the OS keychain
// would. README "Where data is kept" says so.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretCipher } from './secret-cipher';

export const KEY_FILE_NAME = 'secrets.key';
const TAG = 'keyfile:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

function readKey(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${KEY_FILE_NAME} does not hold a ${KEY_BYTES}-byte key`);
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    // Copied or restored with looser permissions: ours again.
    fs.chmodSync(file, 0o600);
  }
  return key;
}

function createKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(KEY_BYTES);
  try {
    // 'wx': never overwrite a key another process created meanwhile; its
    // secrets would become unreadable.
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file);
    throw error;
  }
}

/**
 * `create: false` for readers that must not leave a key file behind (the
 * app, reading what the CLI saved): null when there is none.
 */
export function keyFileCipher(dataDir: string, options: { create: false }): SecretCipher | null;
export function keyFileCipher(dataDir: string, options?: { create?: true }): SecretCipher;
export function keyFileCipher(dataDir: string, options: { create?: boolean } = {}): SecretCipher | null {
  const file = keyFilePath(dataDir);
  let key: Buffer | null = null;
  // Only sealing makes a key: reading with none means nothing was sealed here.
  const load = (sealing: boolean): Buffer => {
    key ??= fs.existsSync(file) || !sealing || options.create === false ? readKey(file) : createKey(file);
    return key;
  };
  if (options.create === false && !fs.existsSync(file)) return null;
  return {
    canPersist: true,
    encrypt(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', load(true), iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return TAG + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(TAG)) throw new Error('not a key-file secret');
      const raw = Buffer.from(stored.slice(TAG.length), 'base64');
      if (raw.length < IV_BYTES + AUTH_TAG_BYTES) throw new Error('truncated key-file secret');
      const decipher = crypto.createDecipheriv('aes-256-gcm', load(false), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + AUTH_TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + AUTH_TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
