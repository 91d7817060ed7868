import { describe, expect, it } from 'vitest';
import { headlineHtml } from '../../scripts/lib/site/headline-html.ts';

describe('headlineHtml', () => {
  it('isolates each Latin run left to right inside a right-to-left headline', () => {
    expect(headlineHtml('Google تفتح مكتباً: نمو 12.5% و«COVID-19» يتراجع')).toBe(
      '<bdi dir="rtl"><bdi dir="ltr">Google</bdi> تفتح مكتباً: نمو <bdi dir="ltr">12.5%</bdi> و«<bdi dir="ltr">COVID-19</bdi>» يتراجع</bdi>',
    );
  });

  it('gives an Arabic headline without Latin its direction only', () => {
    expect(headlineHtml('الحكومة تقر الموازنة')).toBe('<bdi dir="rtl">الحكومة تقر الموازنة</bdi>');
  });

  it('sets a headline written wholly in Latin left to right', () => {
    expect(headlineHtml('Interview with John Smith')).toBe('<bdi dir="ltr">Interview with John Smith</bdi>');
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)> سنديان'],
    ['markup around a Latin run', 'خبر <b>AT&T</b> "قال" \'نعم\''],
  ])('escapes %s: only its own bdi elements are markup', (_case, title) => {
    const html = headlineHtml(title);
    expect(html.replace(/<\/?bdi( dir="(rtl|ltr)")?>/g, '')).not.toMatch(/[<>"']/);
    expect(html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(title);
  });
});
