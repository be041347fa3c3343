// Builds elements. Text always goes in through text nodes, never as HTML, so nothing a user
// said can become markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// "2024-03-01 09:00 UTC" from an RFC 3339 time.
export function when(time) {
  return time ? `${time.slice(0, 10)} ${time.slice(11, 16)} UTC` : "";
}
