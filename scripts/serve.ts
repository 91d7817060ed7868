// Entry point of `npm run serve`: serves the built _site as a static host would.
import { siteSettings } from './lib/config/site.ts';
import { startStaticServer } from './lib/serve/static-server.ts';

const port = Number(process.env.PORT ?? 8080);
const running = await startStaticServer({ root: '_site', pathPrefix: siteSettings.pathPrefix, port, host: process.env.HOST ?? '127.0.0.1' });
process.stdout.write(`serving _site at ${running.url} (Ctrl+C stops)\n`);
