import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * AES-256-GCM for secrets that must be readable again (activation codes printed on sheets).
 * Stored form: base64url(iv[12] | tag[16] | ciphertext), prefixed with a key version for rotation.
 */
export class SecretBox {
  private static readonly version = 'v1';

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('La clé de chiffrement doit faire 32 octets.');
  }

  /** Key from PREAU_SECRET_KEY (hex or base64), else generated once into the data folder. */
  static fromConfig(secretKey: string | undefined, dataDir: string): SecretBox {
    if (secretKey) {
      const key = /^[0-9a-f]{64}$/i.test(secretKey) ? Buffer.from(secretKey, 'hex') : Buffer.from(secretKey, 'base64');
      return new SecretBox(key);
    }
    const file = join(dataDir, 'secret.key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${SecretBox.version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== SecretBox.version || !payload) throw new Error('Secret illisible (version inconnue).');
    const raw = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
