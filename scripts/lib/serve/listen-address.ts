// Where `npm run serve` and `npm start` listen: PORT and HOST from the environment the entry
// point passes in, else the command's own defaults.

import { parseCount } from '../cli/command-line.ts';

export interface ListenAddress {
  port: number;
  host: string;
}

const HIGHEST_PORT = 65_535;

/** The port and host to listen on, or why PORT cannot be one (a usage error). */
export function listenAddress(env: Readonly<Record<string, string | undefined>>, defaults: ListenAddress): ListenAddress | { error: string } {
  const port = env.PORT === undefined || env.PORT === '' ? defaults.port : parseCount(env.PORT, 0);
  if (port === undefined || port > HIGHEST_PORT) return { error: `PORT must be a whole number from 0 to ${HIGHEST_PORT}, not «${env.PORT}»` };
  const host = env.HOST === undefined || env.HOST === '' ? defaults.host : env.HOST;
  return { port, host };
}
