// The offline copy's search engine (orkest/offline/): the part of Pagefind's interface that
// search-dialog.js uses, over lunr.js with the page language's Snowball stemmer, built in the
// reader's browser from window.orkestOfflinePages when search is first opened. No fetch.
(function (root) {
  var pages = window.orkestOfflinePages;
  var language = document.documentElement.lang;
  var stemmer = lunr[language] ? lunr[language].stemmer : lunr.stemmer;
  var sections = [];
  pages.forEach(function (page, p) {
    page.sections.forEach(function (section, s) {
      sections.push({ ref: p + ":" + s, title: section.title, text: section.text });
    });
  });
  var index = lunr(function () {
    if (lunr[language]) this.use(lunr[language]);
    this.ref("ref");
    this.field("title", { boost: 5 });
    this.field("text");
    var builder = this;
    sections.forEach(function (section) { builder.add(section); });
  });

  function bare(word) { return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); }
  function words(text) { return lunr.tokenizer(text).map(String).map(bare).filter(Boolean); }
  function stem(word) { return stemmer(new lunr.Token(word.toLowerCase(), {})).toString(); }

  // Each word's sections: the word's stem, or any word it begins (the reader is still typing).
  function hits(word) {
    var found = {};
    index.query(function (query) {
      query.term(word, { boost: 10 });
      query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
    }).forEach(function (hit) { found[hit.ref] = hit.score; });
    return found;
  }

  function matches(page, filters) {
    return Object.keys(filters || {}).every(function (name) {
      var wanted = filters[name].any || [];
      return wanted.some(function (value) { return (page.filters[name] || []).indexOf(value) >= 0; });
    });
  }

  function escaped(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // About 24 words around the first match, every matching word marked.
  function excerpt(text, terms) {
    var all = text.split(/\s+/);
    var marked = all.map(function (word) {
      var plain = bare(word);
      return plain !== "" && terms.some(function (term) {
        return stem(plain) === term.stem || plain.indexOf(term.word) === 0;
      });
    });
    var first = Math.max(0, marked.indexOf(true) - 8);
    return all.slice(first, first + 24).map(function (word, i) {
      return marked[first + i] ? "<mark>" + escaped(word) + "</mark>" : escaped(word);
    }).join(" ");
  }

  function result(p, scored, terms) {
    var page = pages[p], url = new URL(page.url, root).href;
    var best = scored[0] !== undefined ? page.sections[scored[0]] : page.sections[0] || { text: "" };
    return {
      score: 0,
      data: function () {
        return Promise.resolve({
          url: url,
          meta: { title: page.title },
          excerpt: excerpt(best.text, terms),
          sub_results: scored.filter(function (s) { return page.sections[s].id; }).map(function (s) {
            var section = page.sections[s];
            return { url: url + "#" + section.id, title: section.title, excerpt: excerpt(section.text, terms) };
          })
        });
      }
    };
  }

  function search(term, options) {
    var filters = (options && options.filters) || {};
    var typed = term ? words(term) : [];
    var terms = typed.map(function (word) { return { word: word.toLowerCase(), stem: stem(word) }; });
    var score = {}, sectionsOf = {};
    pages.forEach(function (page, p) { if (matches(page, filters)) score[p] = 0; });
    // Every word must be on the page (as Pagefind does); a page's score adds up its sections'.
    typed.forEach(function (word) {
      var found = hits(word), seen = {};
      Object.keys(found).forEach(function (ref) {
        var p = ref.split(":")[0], s = Number(ref.split(":")[1]);
        if (!(p in score)) return;
        seen[p] = (seen[p] || 0) + found[ref];
        (sectionsOf[p] = sectionsOf[p] || {})[s] = ((sectionsOf[p] || {})[s] || 0) + found[ref];
      });
      Object.keys(score).forEach(function (p) {
        if (p in seen) score[p] += seen[p]; else delete score[p];
      });
    });
    var order = Object.keys(score).sort(function (a, b) { return score[b] - score[a] || a - b; });
    return Promise.resolve({
      results: order.map(function (p) {
        var bySection = sectionsOf[p] || {};
        var scored = Object.keys(bySection).map(Number).sort(function (a, b) { return bySection[b] - bySection[a]; });
        return result(Number(p), scored, terms);
      })
    });
  }

  function filters() {
    var counts = {};
    pages.forEach(function (page) {
      Object.keys(page.filters).forEach(function (name) {
        counts[name] = counts[name] || {};
        page.filters[name].forEach(function (value) { counts[name][value] = (counts[name][value] || 0) + 1; });
      });
    });
    return Promise.resolve(counts);
  }

  window.orkestOfflineSearch = {
    options: function () { return Promise.resolve(); },
    filters: filters,
    search: search
  };
})(new URL("../../", document.currentScript.src));
