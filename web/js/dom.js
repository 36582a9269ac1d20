// Building DOM without HTML strings: text goes in as text, never as markup.

/** el('td', { class: 'x', title: 'y' }, 'text', childNode, ...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Shows a message in a status element: kind is 'ok' or 'error'. */
export function say(target, text, kind = 'ok') {
  target.textContent = text;
  target.classList.remove('ok', 'error');
  target.classList.add(kind);
}
