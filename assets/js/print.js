// Shows the print button (hidden without JavaScript, where it could do nothing) and prints on click.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
