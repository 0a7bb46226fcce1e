import type { SecretCipher } from '../../main/api/connection';

/**
 * Stands in for Electron's safeStorage, which cannot run here: a reversible
 * transform that never stores the plaintext, tagged like the real one.
 */
export function testCipher(canPersist = true): SecretCipher & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    canPersist,
    encrypted,
    encrypt(plain) {
      const value = `test:v1:${Buffer.from(plain, 'utf8').reverse().toString('base64')}`;
      encrypted.push(value);
      return value;
    },
    decrypt(stored) {
      if (!stored.startsWith('test:v1:')) throw new Error('not ours');
      return Buffer.from(stored.slice(8), 'base64').reverse().toString('utf8');
    },
  };
}
