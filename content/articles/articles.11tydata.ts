// Directory data for every article: its layout and its URL, so front matter stays the
// article's own facts. Drafts and future articles get no page in a production build.
import { isPublished } from '#site/news-collections-plugin.ts';
import { currentBuildContext } from '#site/build-context.ts';

export default {
  layout: 'article.njk',
  eleventyComputed: {
    permalink: (data: { id: string; draft?: unknown; date?: unknown }): string | false =>
      isPublished(data, currentBuildContext()) ? `articles/${data.id}/index.html` : false,
  },
};
