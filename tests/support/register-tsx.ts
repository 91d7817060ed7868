// Eleventy imports .eleventy.ts and *.11tydata.ts with Node's own import(), outside
// vitest's module graph: register tsx's loader so Node can read TypeScript there too.
import { register } from 'tsx/esm/api';

register();
