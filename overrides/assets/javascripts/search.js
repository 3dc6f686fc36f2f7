// Opening search (field, keys s f /, ?q=) loads search-dialog.js; until then nothing is fetched.
(function () {
  // Going back to a page, browsers restore a checked toggle: the menu or search would reopen.
  // (The theme's autocomplete="off" prevented that but is invalid on checkboxes; repairs.py drops it.)
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box && box.checked && !(id === "__search" && /[?&]q=/.test(location.search))) {
        box.checked = false;
        box.dispatchEvent(new Event("change"));
      }
    });
  });
  var dialog = document.querySelector("[data-search]"), toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector("input"), code = new URL("search-dialog.js", document.currentScript.src);
  // A classic script, not a module: modules do not load from file:// (the offline copy).
  function start() {
    if (!code) return;
    var script = document.createElement("script");
    script.src = code.href;
    script.onload = function () { window.orkestSearchDialog.start(dialog, toggle); };
    document.head.appendChild(script);
    code = null;
  }
  toggle.onchange = function () { if (toggle.checked) input.focus(); };
  input.onfocus = start;
  document.addEventListener("keydown", function (event) {
    var at = event.target;
    if (/^[sf/]$/.test(event.key) && !toggle.checked && !event.ctrlKey && !event.metaKey && !event.altKey &&
        !at.isContentEditable && !/^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName)) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
  if (/[?&]q=/.test(location.search)) start();
})();
