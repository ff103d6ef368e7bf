/** What the command line of `npm start` or `npm run web` asked for. */
export interface CommandLine {
  site: string | null;
  port: number | null;
  userDataDir: string | null;
}

/**
 * Reads `--site <folder>`, `--port <n>` and `--user-data-dir <folder>` (also as `--name=value`)
 * from the arguments, ignoring anything else (Electron and Chromium add their own); throws on a
 * bad port.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const result: CommandLine = { site: null, port: null, userDataDir: null };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [flag, inline] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      index++;
      return next;
    };
    if (flag === '--site') result.site = value();
    else if (flag === '--user-data-dir') result.userDataDir = value();
    else if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error('--port needs a number from 0 to 65535');
      result.port = port;
    }
  }
  return result;
}
