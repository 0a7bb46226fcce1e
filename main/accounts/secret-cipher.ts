// Secrets at rest (webhook keys, client secrets, OAuth tokens). The app
// encrypts with Electron's safeStorage (main/shell/secret-cipher.ts), the CLI,
// which has no safeStorage, with a key file (key-file-cipher.ts). Every stored
// value starts with a tag naming how it was encrypted, so a reader can pick
// the cipher that wrote it and a later version can migrate it.

export interface SecretCipher {
  /** False when the OS offers no real encryption; secrets are then kept for this run only. */
  readonly canPersist: boolean;
  /** Returns `<tag><ciphertext>`. */
  encrypt(plain: string): string;
  /** Throws when the value is not this cipher's or cannot be decrypted (another machine, a reset keychain). */
  decrypt(stored: string): string;
}

/**
 * Encrypts with `primary`; decrypts with whichever cipher reads the value. So
 * the app, writing with safeStorage, still reads what the CLI wrote with its
 * key file.
 */
export function layeredCipher(primary: SecretCipher, readers: ReadonlyArray<() => SecretCipher | null>): SecretCipher {
  return {
    get canPersist() {
      return primary.canPersist;
    },
    encrypt: (plain) => primary.encrypt(plain),
    decrypt(stored) {
      try {
        return primary.decrypt(stored);
      } catch (first) {
        for (const reader of readers) {
          const cipher = reader();
          if (!cipher) continue;
          try {
            return cipher.decrypt(stored);
          } catch {
            // Not this one's either.
          }
        }
        throw first;
      }
    },
  };
}
