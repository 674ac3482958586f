/**
 * Tiny DOM helpers for the pane. Text always goes in through text nodes: workbook cells can hold
 * anything (`<img src=x onerror=…>`), and nothing from a cell may ever be parsed as HTML.
 * IE11-safe: no append/prepend/closest/classList on SVG, no NodeList.forEach.
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error('taskpane.html lacks #' + id);
  return found as T;
}

/** An element with optional class names and text (as a text node, never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string | number,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.appendChild(document.createTextNode(String(text)));
  return node;
}

/** Appends children (elements or plain strings, which become text nodes); returns the parent. */
export function add<T extends Node>(parent: T, ...children: Array<Node | string | null | undefined | false>): T {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return parent;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function setText(node: HTMLElement, text: string): void {
  // textContent (not innerText/innerHTML): plain text in every browser, IE11 included.
  node.textContent = text;
}

export function show(node: HTMLElement, visible: boolean): void {
  const hidden = /(^|\s)is-hidden(\s|$)/.test(node.className);
  if (visible && hidden) node.className = node.className.replace(/(^|\s)is-hidden(?=\s|$)/g, ' ').replace(/^\s+|\s+$/g, '');
  if (!visible && !hidden) node.className = (node.className ? node.className + ' ' : '') + 'is-hidden';
}

export function isShown(node: HTMLElement): boolean {
  return !/(^|\s)is-hidden(\s|$)/.test(node.className);
}

/** A link-styled button that shows and hides `target`, with the two labels given. */
export function toggleButton(target: HTMLElement, showLabel: string, hideLabel: string, initiallyOpen: boolean): HTMLButtonElement {
  const button = el('button', 'link-button ms-font-xs');
  button.type = 'button';
  const sync = (open: boolean) => {
    show(target, open);
    setText(button, open ? hideLabel : showLabel);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  sync(initiallyOpen);
  button.onclick = () => sync(!isShown(target));
  return button;
}
