// PORT and HOST from the environment choose where `npm run serve` and `npm start` listen;
// a PORT that is no port is a usage error, not a server on a random one.

import { describe, expect, it } from 'vitest';
import { listenAddress } from '../../scripts/lib/serve/listen-address.ts';

const DEFAULTS = { port: 8080, host: '127.0.0.1' };

describe('listenAddress', () => {
  it.each([
    [{}, { port: 8080, host: '127.0.0.1' }],
    [{ PORT: '3000' }, { port: 3000, host: '127.0.0.1' }],
    [{ HOST: '0.0.0.0' }, { port: 8080, host: '0.0.0.0' }],
    [{ PORT: '0', HOST: 'localhost' }, { port: 0, host: 'localhost' }],
    [{ PORT: '', HOST: '' }, { port: 8080, host: '127.0.0.1' }],
  ])('reads %j as %j', (env, expected) => {
    expect(listenAddress(env, DEFAULTS)).toEqual(expected);
  });

  it.each(['http', '80.5', '-1', '65536'])('refuses PORT=%s', (port) => {
    expect(listenAddress({ PORT: port }, DEFAULTS)).toEqual({ error: `PORT must be a whole number from 0 to 65535, not «${port}»` });
  });
});
