/** ANSI colours for the stylish and explain output; off for pipes, NO_COLOR and --no-color. */
export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s;
    return { bold: id, dim: id, red: id, yellow: id, blue: id, green: id, underline: id };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39), underline: wrap(4, 24) };
}

/** Colour when stdout is a terminal, unless NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function useColor(flagNoColor: boolean, flagColor: boolean, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flagNoColor) return false;
  if (flagColor) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY && env.TERM !== 'dumb';
}
