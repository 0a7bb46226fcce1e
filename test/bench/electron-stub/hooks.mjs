// Module hooks: `electron` resolves to the stand-in beside this file.
const STUB = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true };
  return nextResolve(specifier, context);
}
