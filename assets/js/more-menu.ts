// The navigation's «المزيد» menu (a <details>, which opens and closes by its button alone
// without JavaScript) closes as a reader expects of a menu: on a click or tap outside it, and
// on Escape, which also puts the focus back on its button when the focus was inside.

for (const menu of Array.from(document.querySelectorAll<HTMLDetailsElement>('details[data-more-menu]'))) {
  const button = menu.querySelector('summary');
  document.addEventListener('click', (event) => {
    if (menu.open && !(event.target instanceof Node && menu.contains(event.target))) menu.open = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    const focusInside = menu.contains(document.activeElement);
    menu.open = false;
    if (focusInside) button?.focus();
  });
}
