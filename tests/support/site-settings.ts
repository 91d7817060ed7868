// The site's settings as the tests build with them: the configured defaults, whatever
// environment the test runner has (config/site.ts reads SITE_* only when asked to).
import { siteSettingsFromEnvironment } from '../../scripts/lib/config/site.ts';

export const siteSettings = siteSettingsFromEnvironment({});
