// The emulator in a process of its own, for the bench (portal-process.ts):
// started with the options in argv[2] (JSON), it tells its parent its address
// and certificate, and on asking, the portal's own time on every request
// answered so far.
import { startEmulator, type EmulatorOptions } from '../../main/emulator/index';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator(options);
process.send?.({ kind: 'ready', url: emulator.webhookUrl(), certificate: emulator.certificate });
process.on('message', (message: { kind?: string }) => {
  if (message.kind !== 'answered') return;
  const ms = emulator.requests.reduce((sum, request) => sum + request.answeredInMs, 0);
  process.send?.({ kind: 'answered', ms, count: emulator.requests.length });
});
process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
