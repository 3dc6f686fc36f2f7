/* Two fixes to what the theme's script does on every page.
 *
 * 1. Skip the theme's sitemap prefetch. On every page load the theme downloads
 * "sitemap.xml" next to each <link rel="alternate">, to keep the page when the
 * reader switches language. Our hreflang links point at pages, not language
 * roots, so each of those downloads is the 404 page (about 5 KB each, 2-3 per
 * page on weak school wifi), and the theme then sends every click on the
 * language switcher to the twin's address without its final "/", a detour
 * through a redirect. Our switcher already links to each page's twin. So such
 * requests are never sent (nor answered): the theme leaves the switcher alone.
 *
 * 2. The copy button the theme adds to each code block sits in a <nav> of its
 * own: a page with two code blocks had two unnamed navigation landmarks alike
 * (axe's landmark-unique), for one button each. They are plain groups here.
 */
(function (open, send) {
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSitemapPrefetch = /\/sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.isSitemapPrefetch) return send.apply(this, arguments);
  };
})(XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send);

new MutationObserver(function () {
  document.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
    nav.setAttribute("role", "none");
  });
}).observe(document.body, { childList: true, subtree: true });
