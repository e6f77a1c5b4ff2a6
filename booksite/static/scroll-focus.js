// Keep a tab stop on each block that scrolls sideways or down (wide code, outputs, tables,
// formulas), so that keyboard readers can scroll it, and take it away from blocks that do not.
//
// Every such block has tabindex="0" in the HTML (booksite/scroll_focus.py writes it at build time),
// so each can take the focus from the first paint.  Whether a block scrolls depends on the screen,
// so it is measured here; measuring lays a block out, and measuring every block at load laid out
// even the long sections the browser skips until the reader nears them (content-visibility: auto):
// on a throttled phone, a task of 0.8 s.  Here a block is measured only while the browser renders
// it: at load if it is rendered then, otherwise when its section starts to be rendered
// (contentvisibilityautostatechange) or its folded code or solution is opened (toggle), again on a
// resize, and every block at once the first time the reader presses Tab, before the focus moves.
// A block scrolls if it overflows along an axis whose overflow is auto or scroll (what axe-core's
// scrollable-region-focusable calls scrollable).  A browser without those events gets every block
// measured at load, as the theme did.  booksite/scroll_focus.py appends this function to the
// theme's script and calls it in place of the theme's pass, with the theme's selectors and the
// site's own.
function h200FocusScrollables(selectors) {
  const selector = selectors.join(", ");
  const blocks = [...document.querySelectorAll(selector)];
  const scrollable = (overflow) => overflow === "auto" || overflow === "scroll";
  const scrolls = (block) => {
    const style = getComputedStyle(block);
    return (block.scrollWidth > block.clientWidth && scrollable(style.overflowX))
      || (block.scrollHeight > block.clientHeight && scrollable(style.overflowY));
  };
  const mark = (block) => {
    block.tabIndex = scrolls(block) ? 0 : -1;
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
