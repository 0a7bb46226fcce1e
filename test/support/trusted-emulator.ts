// The emulator for a spawned CLI: its certificate is written to a file in a
// fresh folder, to be trusted the way a private CA is (NODE_EXTRA_CA_CERTS).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../main/emulator/index';
import { makeTempDir } from './temp-dir';

export interface TrustedEmulator {
  emulator: Emulator;
  temp: Awaited<ReturnType<typeof makeTempDir>>;
  /** The emulator's certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  close(): Promise<void>;
}

export async function startTrustedEmulator(options: EmulatorOptions = { rateLimit: false }): Promise<TrustedEmulator> {
  const emulator = await startEmulator(options);
  const temp = await makeTempDir();
  const caFile = path.join(temp.dir, 'emulator-ca.pem');
  await writeFile(caFile, emulator.certificate);
  return {
    emulator,
    temp,
    caFile,
    close: async () => {
      await emulator.close();
      await temp.remove();
    },
  };
}
