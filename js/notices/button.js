// A plain button styled through the CSSOM (no style attribute in markup: strict style-src).
export function button(label, css, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.style.cssText = css;
  b.addEventListener('click', onClick);
  return b;
}
