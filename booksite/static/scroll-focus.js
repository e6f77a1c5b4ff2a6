// Give each block that scrolls sideways or down (wide code, outputs, tables) a tab stop, so that
// keyboard readers can scroll it, and take it away from blocks that do not scroll.
//
// pydata-sphinx-theme does this once the page has loaded by measuring every such block at once.
// Measuring a block lays it out, so that pass laid out even the long sections the browser skips
// until the reader nears them (content-visibility: auto): on a throttled phone, a task of 0.8 s.
// Here a block is measured only while the browser renders it: at load if it is rendered then,
// otherwise when its section starts to be rendered (contentvisibilityautostatechange) or its
// folded code or solution is opened (toggle), again on a resize, and every block at once the first time the reader presses Tab.  A browser without
// those events gets the theme's pass.  widgets/site_scroll_focus.py appends this function to the
// theme's script and calls it in place of the theme's pass, with the theme's own selectors.
function h200FocusScrollables(selectors) {
  const selector = selectors.join(", ");
  const blocks = [...document.querySelectorAll(selector)];
  const mark = (block) => {
    block.tabIndex = block.scrollWidth > block.clientWidth || block.scrollHeight > block.clientHeight ? 0 : -1;
  };
  const lazy = typeof Element.prototype.checkVisibility === "function"
    && "oncontentvisibilityautostatechange" in document.documentElement;
  if (!lazy) {
    blocks.forEach(mark);
    return;
  }
  const rendered = (block) => block.checkVisibility({ contentVisibilityAuto: true });
  const markRendered = (within) => within.forEach((block) => { if (rendered(block)) mark(block); });
  markRendered(blocks);
  document.addEventListener("contentvisibilityautostatechange", (event) => {
    if (!event.skipped) markRendered(event.target.querySelectorAll(selector));
  }, true);
  document.addEventListener("toggle", (event) => {
    if (event.target.open) markRendered(event.target.querySelectorAll(selector));
  }, true);
  let everyBlock = false;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !everyBlock) {
      everyBlock = true;
      blocks.forEach(mark);
    }
  });
  let timer = null;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => markRendered(blocks), 300);
  });
}
