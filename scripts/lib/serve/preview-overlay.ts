// What an open preview page shows while the build is failing: an Arabic overlay over the last
// good page, one entry per problem (where, Arabic, English, from problem-messages.ts), until
// a build succeeds and the page reloads. The view is made here, on the server; the browser
// script below only lays it out (with textContent: the messages quote the editor's text).
// Only `npm start` serves it: a production build never carries it.

import { COUNTED, countWithNoun, EDITOR_STRINGS } from '../config/locale-ar.ts';
import { describeProblem, type ProblemDescription } from '../content/problem-messages.ts';
import type { BuildFailure } from '../site/build-failure.ts';

export interface OverlayView {
  heading: string;
  /** How many problems: «مشكلتان». */
  summary: string;
  /** The last good site is shown; fix, save, and the overlay goes. */
  note: string;
  items: ProblemDescription[];
}

/** `lastGoodSite`: whether the preview has a site to show under the overlay (a build has succeeded once). */
export function overlayView(failure: BuildFailure, lastGoodSite = true): OverlayView {
  const items = failure.problems.length > 0
    ? failure.problems.map(describeProblem)
    : [{ where: '', arabic: EDITOR_STRINGS.buildError, english: failure.message ?? '' }];
  return {
    heading: EDITOR_STRINGS.previewFailed,
    summary: failure.problems.length > 0 ? countWithNoun(failure.problems.length, COUNTED.problems, String) : '',
    note: lastGoodSite ? EDITOR_STRINGS.previewKeepsLastGood : EDITOR_STRINGS.previewNoSiteYet,
    items,
  };
}

/**
 * The page the preview answers while no build has succeeded yet (no page, no 404 page to
 * put the overlay over): in Arabic, with the reload script the server adds, so the overlay
 * shows why and the page reloads into the site once a build succeeds.
 */
export function noSiteYetPage(): string {
  return `<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${EDITOR_STRINGS.previewFailed}</title>\n</head>\n<body>\n<p>${EDITOR_STRINGS.previewNoSiteYet}</p>\n</body>\n</html>\n`;
}

/** The id of the overlay's element: what a test looks for. */
export const OVERLAY_ID = 'preview-build-problems';

/**
 * The preview's script (served from the preview server: the pages' CSP allows no inline
 * script; styles are set through the DOM, which the CSP's style-src does not govern).
 * 'built' reloads the page; 'failed' carries an OverlayView.
 */
export function previewClientSource(eventsPath: string): string {
  return `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  events.addEventListener('built', () => location.reload());
  events.addEventListener('failed', (event) => show(JSON.parse(event.data)));
  const element = (name, text, style) => {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    Object.assign(node.style, style || {});
    return node;
  };
  function show(view) {
    document.getElementById(${JSON.stringify(OVERLAY_ID)})?.remove();
    const overlay = element('section', undefined, {
      position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', boxSizing: 'border-box',
      padding: '2rem', background: 'rgba(24, 24, 27, 0.96)', color: '#fafafa', font: '1rem/1.7 system-ui, sans-serif',
    });
    overlay.id = ${JSON.stringify(OVERLAY_ID)};
    overlay.setAttribute('role', 'alert');
    overlay.lang = 'ar';
    overlay.dir = 'rtl';
    const heading = element('h2', view.heading + (view.summary ? ': ' + view.summary : ''), { margin: '0 0 0.5rem', color: '#fca5a5', fontSize: '1.4rem' });
    const note = element('p', view.note, { margin: '0 0 1.5rem' });
    const list = element('ol', undefined, { margin: '0', paddingInlineStart: '1.5rem' });
    for (const item of view.items) {
      const entry = element('li', undefined, { marginBlockEnd: '1.25rem' });
      if (item.where) {
        const where = element('code', item.where, { display: 'block', color: '#93c5fd', unicodeBidi: 'isolate' });
        where.dir = 'ltr';
        entry.append(where);
      }
      const arabic = element('p', item.arabic, { margin: '0.25rem 0' });
      const english = element('p', item.english, { margin: '0', color: '#d4d4d8', textAlign: 'start' });
      english.lang = 'en';
      english.dir = 'ltr';
      entry.append(arabic, english);
      list.append(entry);
    }
    overlay.append(heading, note, list);
    document.body.append(overlay);
  }
})();
`;
}
