// The language switcher keeps the reader's place: the section read now (the #anchor, or the last
// heading scrolled past) is found on the twin by its position among the headings, since its
// anchor is in the other language. Kept for one page load in this tab only (sessionStorage).
(function () {
  var KEY = "orkest-language-switch";
  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll("article h1[id], article h2[id], article h3[id]"));
  }
  function current(all) {
    var id = decodeURIComponent(location.hash.slice(1)), at = -1;
    // An anchor that is no heading (a footnote) has no place to find on the twin.
    if (id) return all.map(function (heading) { return heading.id; }).indexOf(id);
    all.forEach(function (heading, index) { if (heading.getBoundingClientRect().top < 100) at = index; });
    return at;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-language-switch]");
    if (!link || link.getAttribute("aria-current")) return;
    var all = headings(), at = current(all);
    try { sessionStorage.setItem(KEY, JSON.stringify({ to: link.pathname, section: at, count: all.length })); } catch (e) {}
    link.hash = location.hash; // a reader's own anchor, should the twin have it
  });
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(KEY)); sessionStorage.removeItem(KEY); } catch (e) {}
  if (!saved || saved.to !== location.pathname || saved.section < 0) return;
  var all = headings(), heading = all[saved.section];
  if (!heading || all.length !== saved.count) return; // the twin's sections differ: its top is the honest place
  if (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) return;
  history.replaceState(history.state, "", "#" + heading.id);
  heading.scrollIntoView();
})();
