// The book's charts on the static site: drawn as they near the viewport, sized to their column.
//
// Each chart is a <div class="h200-chart" data-spec="ID"> with its Vega-Lite spec in
// <script type="application/json" id="ID">, or (on the built site) data-spec-url="file.json".  Nothing heavy loads with the page: the Vega bundle
// (served by the site itself, never a CDN) is imported when the first chart comes within
// NEAR_VIEWPORT of the screen, and each chart is compiled only then.  Single and layered charts
// take the width of their column ("container" width); stacked (vconcat) charts are drawn once,
// measured and redrawn so their panels fill the column.  Titles wrap to the column; on a narrow
// screen side legends move below the chart.  Every drawn view is kept in window.h200Views[id] (the tests use it).

const NEAR_VIEWPORT = "600px 0px";
const NARROW = 560; // px: below this, legends go under the chart
const bundleUrl = new URL("./vega-bundle.js", import.meta.url).href;
let bundle = null;

window.h200Views = window.h200Views || {};

function loadVega() {
  bundle = bundle || import(bundleUrl);
  return bundle.then(() => window.vegaEmbed);
}

// The spec sits in the page (<script type="application/json" id=data-spec>) or, on the built
// site, in its own file (data-spec-url), so the page's HTML does not carry every chart's data.
const specs = new Map();
function loadSpec(container) {
  if (!specs.has(container.id)) {
    const inline = container.dataset.spec && document.getElementById(container.dataset.spec);
    specs.set(container.id, inline
      ? Promise.resolve(JSON.parse(inline.textContent))
      : fetch(container.dataset.specUrl).then((response) => {
          if (!response.ok) throw new Error(`${container.dataset.specUrl}: HTTP ${response.status}`);
          return response.json();
        }));
  }
  return specs.get(container.id).then((spec) => structuredClone(spec));
}

function isStacked(spec) {
  return Array.isArray(spec.vconcat);
}

function isSingle(spec) {
  return !["vconcat", "hconcat", "concat", "facet", "repeat"].some((key) => key in spec);
}

// Split a title into lines of at most maxChars characters (Vega draws an array as lines).
function wrapText(text, maxChars) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 1 ? lines : text;
}

// Every chart, axis and legend title in the spec, wrapped to the width available.  Tooltips,
// data, parameters and transforms are left alone.
function wrapTitles(node, maxChars) {
  if (Array.isArray(node)) return node.map((item) => wrapTitles(item, maxChars));
  if (!node || typeof node !== "object") return node;
  const wrapped = {};
  for (const [key, value] of Object.entries(node)) {
    if (["tooltip", "data", "datasets", "params", "transform"].includes(key)) {
      wrapped[key] = value;
    } else if (key === "title" && typeof value === "string") {
      wrapped[key] = wrapText(value, maxChars);
    } else if (key === "title" && value && typeof value.text === "string") {
      wrapped[key] = { ...value, text: wrapText(value.text, maxChars) };
    } else {
      wrapped[key] = wrapTitles(value, maxChars);
    }
  }
  return wrapped;
}

function fitted(spec, width) {
  const copy = wrapTitles(structuredClone(spec), Math.max(20, Math.floor((width - 40) / 7)));
  if (isSingle(copy)) {
    copy.width = "container";
    copy.autosize = { type: "fit-x", contains: "padding" };
  }
  if (width < NARROW) {
    const legend = (copy.config = copy.config || {}).legend = { ...(copy.config.legend || {}) };
    if (legend.orient === undefined || legend.orient === "right" || legend.orient === "left") {
      legend.orient = "bottom";
      legend.direction = "horizontal";
    }
    // A chart may set its own columns as an expression of its width; a number is capped at 2.
    if (typeof legend.columns !== "object") legend.columns = Math.min(legend.columns || 2, 2);
    if (legend.labelLimit === undefined) legend.labelLimit = Math.max(80, Math.floor(width / 2) - 40);
  }
  return copy;
}

// Vega places several legends under a chart side by side; on a narrow screen, one above another.
function stackLegends(vegaSpec) {
  const config = (vegaSpec.config = vegaSpec.config || {});
  const legend = (config.legend = { ...(config.legend || {}) });
  legend.layout = { ...(legend.layout || {}), bottom: { anchor: "start", direction: "vertical", margin: 8 } };
  return vegaSpec;
}

function widen(spec, extra) {
  const copy = structuredClone(spec);
  for (const panel of copy.vconcat) {
    if (typeof panel.width === "number") panel.width = Math.max(120, panel.width + extra);
  }
  return copy;
}

async function draw(container) {
  const vegaEmbed = await loadVega();
  const spec = await loadSpec(container);
  const options = JSON.parse(container.dataset.embedOptions || "{}");
  const width = container.clientWidth;
  if (width < NARROW) options.patch = stackLegends;
  let shown = fitted(spec, width);
  let result = await vegaEmbed(container, shown, options);
  // A stacked chart: widen or narrow its panels until the drawing fills the column (beside the
  // actions button, for which vega-embed pads the container).  Two passes usually suffice.
  for (let pass = 0; isStacked(shown) && pass < 3; pass += 1) {
    const room = container.clientWidth - parseFloat(getComputedStyle(container).paddingRight || "0");
    const drawn = container.querySelector("svg.marks").getBoundingClientRect().width;
    const extra = Math.floor(room - drawn);
    if (extra >= 0 && extra <= 4) break;
    result.finalize();
    shown = widen(shown, extra);
    result = await vegaEmbed(container, shown, options);
  }
  // vega-embed's actions button is an icon: give it a name screen readers can say.
  const actions = container.querySelector("details > summary");
  if (actions) actions.setAttribute("aria-label", "Chart actions: save as SVG or PNG");
  container.style.minHeight = "";
  window.h200Views[container.id] = result.view;
  container.dataset.drawnWidth = String(width);
  return result;
}

function drawSafely(container) {
  if (container.dataset.drawing) return;
  container.dataset.drawing = "1";
  draw(container).catch((error) => console.error(`chart ${container.id}: ${error}`));
}

const charts = [...document.querySelectorAll(".h200-chart[data-spec], .h200-chart[data-spec-url]")];
if ("IntersectionObserver" in window) {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        drawSafely(entry.target);
      }
    }
  }, { rootMargin: NEAR_VIEWPORT });
  charts.forEach((chart) => observer.observe(chart));
} else {
  charts.forEach(drawSafely);
}

// A stacked chart cannot follow its column by itself: redraw it when the column's width changes
// (a phone turned sideways), keeping the values its sliders were set to.
if ("ResizeObserver" in window) {
  let pending = null;
  const resized = new ResizeObserver(() => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      for (const chart of charts) {
        const view = window.h200Views[chart.id];
        if (!view || chart.dataset.drawnWidth === String(chart.clientWidth)) continue;
        const spec = await loadSpec(chart);
        if (!isStacked(spec) && (chart.clientWidth >= NARROW) === (Number(chart.dataset.drawnWidth) >= NARROW)) continue;
        const state = view.getState({ data: () => false });
        view.finalize();
        const { view: redrawn } = await draw(chart);
        await redrawn.setState(state).runAsync();
      }
    }, 200);
  });
  charts.forEach((chart) => resized.observe(chart));
}
