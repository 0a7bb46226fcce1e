// The webhook key at rest: encrypted through safeStorage, tagged with how,
// and kept in memory only when the OS offers no real encryption.
import type { SafeStorage } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher } from '../../main/shell/safe-storage-cipher';

const MAGIC = Buffer.from('ENC1');
const KEY = 0x5a;

/** A stand-in for Electron's safeStorage: xor with a header, so garbage fails to decrypt like the real one. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const storage = {
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
    encryptString: vi.fn((plain: string) => Buffer.concat([MAGIC, Buffer.from(plain, 'utf8').map((byte) => byte ^ KEY)])),
    decryptString: vi.fn((encrypted: Buffer) => {
      if (!encrypted.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(MAGIC.length).map((byte) => byte ^ KEY)).toString('utf8');
    }),
  };
  return storage;
}

function cipherOver(storage: ReturnType<typeof fakeSafeStorage>) {
  return createSafeStorageCipher(storage as unknown as SafeStorage);
}

const realPlatform = process.platform;
function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}
afterEach(() => onPlatform(realPlatform));

const WEBHOOK_KEY = 'k3y-0f-th3-w3bh00k';

describe('encrypt and decrypt', () => {
  it('round-trips a key, including non-ASCII text', () => {
    const cipher = cipherOver(fakeSafeStorage());
    for (const plain of [WEBHOOK_KEY, 'ключ-🔑', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('stores a tagged value that does not contain the plaintext', () => {
    const storage = fakeSafeStorage();
    const stored = cipherOver(storage).encrypt(WEBHOOK_KEY);
    expect(stored.startsWith('safeStorage:v1:')).toBe(true);
    expect(stored).not.toContain(WEBHOOK_KEY);
    expect(stored).not.toContain(Buffer.from(WEBHOOK_KEY).toString('base64'));
    expect(storage.encryptString).toHaveBeenCalledWith(WEBHOOK_KEY);
    // What follows the tag is safeStorage's output, as base64.
    const payload = Buffer.from(stored.slice('safeStorage:v1:'.length), 'base64');
    expect(payload.equals(storage.encryptString.mock.results[0]!.value as Buffer)).toBe(true);
  });

  it('decrypts through safeStorage', () => {
    const storage = fakeSafeStorage();
    const cipher = cipherOver(storage);
    cipher.decrypt(cipher.encrypt(WEBHOOK_KEY));
    expect(storage.decryptString).toHaveBeenCalledTimes(1);
    expect(Buffer.isBuffer(storage.decryptString.mock.calls[0]![0])).toBe(true);
  });

  it.each([WEBHOOK_KEY, 'test:v1:abc', 'safestorage:v1:abc', 'safeStorage:v2:abc', ''])('refuses the untagged value %j', (stored) => {
    const storage = fakeSafeStorage();
    expect(() => cipherOver(storage).decrypt(stored)).toThrow('unknown secret format');
    expect(storage.decryptString).not.toHaveBeenCalled();
  });

  it('lets a value safeStorage cannot decrypt throw (another machine, a reset keychain)', () => {
    const cipher = cipherOver(fakeSafeStorage());
    expect(() => cipher.decrypt(`safeStorage:v1:${Buffer.from('garbage').toString('base64')}`)).toThrow(/decrypt/);
  });
});

describe('canPersist', () => {
  it('is false when encryption is unavailable, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      onPlatform(platform);
      expect(cipherOver(fakeSafeStorage({ available: false })).canPersist, platform).toBe(false);
    }
  });

  it.each(['basic_text', 'unknown'])('is false on Linux with the %s backend (a hard-coded key is no encryption)', (backend) => {
    onPlatform('linux');
    expect(cipherOver(fakeSafeStorage({ backend })).canPersist).toBe(false);
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('is true on Linux with the %s backend', (backend) => {
    onPlatform('linux');
    expect(cipherOver(fakeSafeStorage({ backend })).canPersist).toBe(true);
  });

  it.each(['darwin', 'win32'] as const)('is true on %s when encryption is available, without asking for a Linux backend', (platform) => {
    onPlatform(platform);
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    storage.getSelectedStorageBackend.mockImplementation(() => {
      throw new Error('getSelectedStorageBackend is only available on Linux');
    });
    expect(cipherOver(storage).canPersist).toBe(true);
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('is read afresh each time (safeStorage becomes available after ready)', () => {
    onPlatform('linux');
    const storage = fakeSafeStorage({ available: false });
    const cipher = cipherOver(storage);
    expect(cipher.canPersist).toBe(false);
    storage.isEncryptionAvailable.mockReturnValue(true);
    expect(cipher.canPersist).toBe(true);
  });
});
