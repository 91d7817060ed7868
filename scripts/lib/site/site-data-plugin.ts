// Global data every template sees: the site settings, the Arabic strings, the build's "now".

import { STRINGS } from '../config/locale-ar.ts';
import type { BuildContext } from './build-context.ts';

export function siteDataPlugin(context: BuildContext) {
  return (eleventyConfig: { addGlobalData(name: string, value: unknown): void }): void => {
    eleventyConfig.addGlobalData('site', context.site);
    eleventyConfig.addGlobalData('strings', STRINGS);
    eleventyConfig.addGlobalData('build', { now: context.now.toISOString(), includeDrafts: context.includeDrafts });
  };
}
