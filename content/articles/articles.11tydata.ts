// Directory data for every article: its layout and its URL, so front matter stays the
// article's own facts.
export default {
  layout: 'article.njk',
  permalink: (data: { id: string }): string => `articles/${data.id}/index.html`,
};
