// A line chart as inline SVG (no library, nothing external): labels along
// x, values up y, with the extremes and first/last labels written out and
// each point's value in a <title> so it is read on hover and by screen
// readers.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const format = (value) => (Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 100) / 100));

/** `{title, labels, values}` as an `<svg>` line chart. */
export function drawLineChart({ title, labels, values }) {
  const svg = node('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart', 'aria-label': `${title}: ${values.length} points, from ${format(Math.min(...values))} to ${format(Math.max(...values))}` });
  svg.append(node('title', {}, title));
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index) => PAD.left + (values.length === 1 ? plotWidth / 2 : (index * plotWidth) / (values.length - 1));
  const y = (value) => PAD.top + plotHeight - ((value - min) / span) * plotHeight;
  svg.append(
    node('line', { x1: PAD.left, y1: y(min), x2: WIDTH - PAD.right, y2: y(min), class: 'axis' }),
    node('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: PAD.top + plotHeight, class: 'axis' }),
    node('text', { x: PAD.left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, format(max)),
    node('text', { x: PAD.left - 6, y: y(min) + 4, 'text-anchor': 'end', class: 'tick' }, format(min)),
    node('text', { x: PAD.left, y: HEIGHT - 8, class: 'tick' }, labels[0] ?? ''),
    node('text', { x: WIDTH - PAD.right, y: HEIGHT - 8, 'text-anchor': 'end', class: 'tick' }, labels.at(-1) ?? ''),
  );
  const points = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  svg.append(node('polyline', { points, class: 'line' }));
  values.forEach((value, index) => {
    const dot = node('circle', { cx: x(index).toFixed(1), cy: y(value).toFixed(1), r: 3, class: 'dot' });
    dot.append(node('title', {}, `${labels[index]}: ${format(value)}`));
    svg.append(dot);
  });
  return svg;
}
