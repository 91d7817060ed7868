// The subscribe page's copy buttons (hidden without JavaScript, where the links themselves
// serve): each puts its feed's absolute URL on the clipboard and says so, in the button and
// to screen readers; the words come from the page (locale-ar.ts), not from here.
const list = document.querySelector('[data-copied]');
const status = document.querySelector('[data-copy-status]');
for (const button of document.querySelectorAll('[data-copy-link]')) {
  const label = button.textContent;
  let timer;
  button.hidden = false;
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
