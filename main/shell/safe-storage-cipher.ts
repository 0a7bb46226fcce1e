// Secrets at rest, encrypted by the OS (Keychain, DPAPI, libsecret/kwallet)
// through Electron's safeStorage. Each value is tagged with how it was
// encrypted, so a later version can migrate it.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../accounts/secret-cipher';

const TAG = 'safeStorage:v1:';

export function createSafeStorageCipher(safeStorage: SafeStorage): SecretCipher {
  return {
    // On Linux without a keyring, safeStorage falls back to a hard-coded key
    // ('basic_text'): that is obfuscation, so we keep the key in memory only.
    get canPersist() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt(plain) {
      return TAG + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(TAG)) throw new Error('unknown secret format');
      return safeStorage.decryptString(Buffer.from(stored.slice(TAG.length), 'base64'));
    },
  };
}
