// What a person watching `npm start` reads: short step lines, and service lines only when they matter.
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColour ? `\x1b[${code}m${text}\x1b[0m` : String(text));

export const bold = paint('1');
export const dim = paint('2');
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');

const NAME_COLOURS = ['36', '35', '34', '33', '32', '96', '95'];
const NAME_WIDTH = 8;

export function step(message) {
  process.stdout.write(`${dim('•')} ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`${red('✗')} ${message}\n`);
}

export function elapsed(startedAtMs) {
  return dim(`(${((Date.now() - startedAtMs) / 1000).toFixed(1)} s)`);
}

/** `ledger   │ …` with one colour per name, so interleaved lines stay readable. */
export function prefixed(name, index) {
  const label = paint(NAME_COLOURS[index % NAME_COLOURS.length])(name.padEnd(NAME_WIDTH));
  return (line) => process.stderr.write(`${label}${dim('│')} ${line}\n`);
}
