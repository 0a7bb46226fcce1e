// One self-signed certificate per process: tests start many emulators, and
// generating a key on every start would dominate their run time.
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

let pending: Promise<Certificate> | null = null;

export function emulatorCertificate(): Promise<Certificate> {
  pending ??= create().catch((error: unknown) => {
    // A failed attempt must not poison every later start.
    pending = null;
    throw error;
  });
  return pending;
}

async function create(): Promise<Certificate> {
  // EC P-256 instead of RSA: about 20 ms instead of 200-600 ms, and every TLS
  // client we care about (Node, Electron's Chromium) accepts it.
  const dayMs = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // Backdated a day so a client whose clock is a little behind still accepts it.
    notBeforeDate: new Date(now - dayMs),
    notAfterDate: new Date(now + 365 * dayMs),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
