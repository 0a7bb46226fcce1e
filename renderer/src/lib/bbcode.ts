// The BB-code parser lives in main/core (plain code that imports nothing), so
// the window draws a message and the CLI's transcript writes it from one reading.
export * from '../../../main/core/bbcode';
