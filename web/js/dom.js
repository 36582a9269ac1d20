// Building DOM nodes from data without HTML strings: text is always text, never markup, so a
// station name or a grid leader's name can never inject anything into the page.

/**
 * el('a', {class: 'call', href: 'tel:…'}, 'text', child, …) → HTMLElement.
 * Attributes: class, dataset (object), on* (listeners), true (present) / false or null (absent),
 * others as attributes. Children: nodes, text, nested arrays; null, undefined and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** Calls fn once the calls have stopped for `ms`, with the last arguments. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Shows a message in a status element: kind is 'ok' or 'error'. */
export function say(target, text, kind = 'ok') {
  target.textContent = text;
  target.classList.remove('ok', 'error');
  target.classList.add(kind);
}
