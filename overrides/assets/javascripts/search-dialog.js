// The site's search (Pagefind) in the theme's header dialog (overrides/partials/search-dialog.html),
// loaded by search.js when the reader opens search. Pagefind's bundle then loads, for the
// page's language only, and each query fetches only the index chunks it needs. The offline
// copy (orkest/offline/) names its own engine in data-search-offline: scripts, no fetch.
(function (here) {
window.orkestSearchDialog = { start: start };
function start(dialog, toggle) {
  var words = JSON.parse(document.getElementById("__config").textContent).translations.search;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("../stylesheets/search.css", here).href;
  document.head.appendChild(style);
  var form = dialog.querySelector("[data-search-form]");
  var input = dialog.querySelector("[data-search-query]");
  var status = dialog.querySelector("[data-search-status]");
  var list = dialog.querySelector("[data-search-results]");
  var chips = dialog.querySelector("[data-search-filters]");
  var FILTERS = ["audience", "instrument", "groep", "type"];
  // Each result shown fetches its page's text: five at first, five more when the reader asks.
  var SHOWN = 5;
  var chosen = {}; // filter name -> the values the reader picked
  var loading = null; // the promise of Pagefind, once search has been opened
  var asked = 0; // the newest query: older answers arriving later are dropped
  var timer = 0;

  function bundle() {
    var base = new URL(dialog.getAttribute("data-search-bundle"), document.baseURI);
    return { url: base.href, site: new URL("..", base).pathname };
  }

  // Classic scripts one after the other; the last one sets window.orkestOfflineSearch.
  function scripts(sources) {
    return sources.reduce(function (done, source) {
      return done.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(source, document.baseURI).href;
          script.onload = resolve;
          script.onerror = reject;
          document.head.appendChild(script);
        });
      });
    }, Promise.resolve()).then(function () { return window.orkestOfflineSearch; });
  }

  function load() {
    if (!loading) {
      status.textContent = words.loading;
      var offline = dialog.getAttribute("data-search-offline");
      var where = offline ? {} : bundle();
      loading = (offline ? scripts(offline.split(" ")) : import(where.url + "pagefind.js")).then(function (pagefind) {
        // The main thread: one request less than Pagefind's worker, and this index is small.
        return pagefind.options({ baseUrl: where.site, noWorker: true, excerptLength: 24 })
          .then(function () { return pagefind.filters(); })
          .then(function (available) { showChips(available); return pagefind; });
      });
      loading.catch(function () { status.textContent = words.failed; loading = null; });
    }
    return loading;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    if (document.activeElement !== input) input.focus();
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
    address("");
  }

  function address(query) {
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function count(n) {
    return n === 0 ? words.none : n === 1 ? words.one : words.other.replace("#", String(n));
  }

  // Pagefind's excerpt as text and <mark> elements only, never as markup of its own.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var paragraph = document.createElement("p");
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function link(url, heading, text, documentLevel) {
    var anchor = document.createElement("a");
    anchor.className = "md-search-result__link";
    anchor.href = url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset" +
      (documentLevel ? " md-search-result__article--document" : "");
    if (documentLevel) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var title = document.createElement(documentLevel ? "h1" : "h2");
    title.textContent = heading;
    article.appendChild(title);
    article.appendChild(excerpt(text));
    anchor.appendChild(article);
    return anchor;
  }

  function item(data) {
    var entry = document.createElement("li");
    entry.className = "md-search-result__item";
    entry.appendChild(link(data.url, data.meta.title || data.url, data.excerpt, true));
    // Headings on the page where the words are: each jumps to its anchor.
    data.sub_results.filter(function (sub) {
      return sub.url.indexOf("#") > 0 && sub.title !== data.meta.title;
    }).slice(0, 3).forEach(function (sub) {
      entry.appendChild(link(sub.url, sub.title, sub.excerpt, false));
    });
    return entry;
  }

  function query() {
    var term = input.value.trim();
    var picked = {};
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name].length) picked[name] = { any: chosen[name] };
    });
    var filtered = Object.keys(picked).length > 0;
    var mine = ++asked;
    dialog.setAttribute("data-search-state", "busy");
    address(term);
    if (!term && !filtered) {
      list.replaceChildren();
      moreButton.hidden = true;
      status.textContent = words.initial;
      dialog.setAttribute("data-search-state", "done");
      return Promise.resolve();
    }
    return load().then(function (pagefind) {
      return pagefind.search(term || null, { filters: picked });
    }).then(function (found) {
      if (mine !== asked) return;
      list.replaceChildren();
      moreButton.hidden = true;
      return more(found.results, 0, mine).then(function () {
        if (mine !== asked) return;
        status.textContent = count(found.results.length);
        dialog.setAttribute("data-search-state", "done");
      });
    }).catch(function () { if (mine === asked) status.textContent = words.failed; });
  }

  // Results from `from` on, SHOWN at a time; the button after the list asks for the next ones.
  var moreButton = document.createElement("button");
  moreButton.type = "button";
  moreButton.className = "md-button search-more";
  moreButton.textContent = words.more;
  moreButton.hidden = true;
  list.after(moreButton);
  var showMore = null; // what the button does for the current results

  function more(results, from, mine) {
    return Promise.all(results.slice(from, from + SHOWN).map(function (r) { return r.data(); }))
      .then(function (pages) {
        if (mine !== asked) return;
        var added = pages.map(item);
        added.forEach(function (entry) { list.appendChild(entry); });
        moreButton.hidden = results.length <= from + SHOWN;
        showMore = function () {
          more(results, from + SHOWN, mine).then(function () {
            var first = added.length && list.children[from + SHOWN];
            if (first) first.querySelector("a").focus();
          });
        };
      });
  }

  moreButton.addEventListener("click", function () { if (showMore) showMore(); });

  function later() {
    dialog.setAttribute("data-search-state", "busy");
    clearTimeout(timer);
    timer = setTimeout(query, 80);
  }

  function showChips(available) {
    chips.replaceChildren();
    FILTERS.forEach(function (name) {
      var values = Object.keys(available[name] || {}).sort(function (a, b) {
        return a.localeCompare(b, document.documentElement.lang, { numeric: true });
      });
      if (!values.length) return;
      var group = document.createElement("div");
      group.className = "search-filters__group";
      group.setAttribute("role", "group");
      var label = document.createElement("span");
      label.className = "search-filters__name";
      label.id = "__search-filter-" + name;
      label.textContent = words.filter_names[name];
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      values.forEach(function (value) {
        var chip = document.createElement("button");
        chip.type = "button";
        chip.className = "search-filters__chip";
        chip.textContent = value;
        chip.setAttribute("aria-pressed", "false");
        chip.addEventListener("click", function () {
          var on = chip.getAttribute("aria-pressed") !== "true";
          chip.setAttribute("aria-pressed", String(on));
          var now = (chosen[name] || []).filter(function (v) { return v !== value; });
          chosen[name] = on ? now.concat([value]) : now;
          query();
        });
        group.appendChild(chip);
      });
      chips.appendChild(group);
    });
    chips.hidden = !chips.childElementCount;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) open(); else close();
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", later);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { query(); input.focus(); });
  });
  list.addEventListener("click", function (event) {
    // A result on this very page only scrolls: the dialog must get out of the way.
    if (event.target.closest("a")) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var inDialog = dialog.contains(document.activeElement);
    if (toggle.checked && event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (toggle.checked && inDialog && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var stops = [input].concat(links(), moreButton.hidden ? [] : [moreButton]);
      var at = stops.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
      event.preventDefault();
      stops[next].focus();
      return;
    }
  });

  // A shared address (?q=...) opens search with its results; so does what was typed while
  // this file loaded.
  var shared = new URL(location.href).searchParams.get("q");
  if (shared && !input.value) input.value = shared;
  if (toggle.checked || document.activeElement === input || input.value) open();
  if (input.value) query();
}
})(document.currentScript.src);
