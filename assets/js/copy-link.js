// The copy and share buttons (hidden without JavaScript, where the links themselves serve).
// A copy button puts its absolute URL on the clipboard and says so, in the button and to
// screen readers. On an article page the «مشاركة» button opens the device's share sheet
// (navigator.share) where there is one; where there is none, the copy button marked
// data-copy-fallback stands in for it. The words come from the page (locale-ar.ts), not from here.
const list = document.querySelector('[data-copied]');
const status = document.querySelector('[data-copy-status]');
const canShare = typeof navigator.share === 'function';
for (const button of document.querySelectorAll('[data-share]')) {
  button.hidden = !canShare;
  button.addEventListener('click', () => {
    // A reader who closes the share sheet is no failure: nothing to say.
    navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl }).catch(() => undefined);
  });
}
for (const button of document.querySelectorAll('[data-copy-link]')) {
  const label = button.textContent;
  let timer;
  button.hidden = canShare && button.hasAttribute('data-copy-fallback');
  button.addEventListener('click', async () => {
    let message;
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      message = list?.dataset.copied ?? '';
    } catch {
      message = list?.dataset.copyFailed ?? '';
    }
    button.textContent = message;
    if (status) status.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(() => { button.textContent = label; }, 3000);
  });
}
