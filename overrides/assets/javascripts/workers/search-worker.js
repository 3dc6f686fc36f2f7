/* The theme's search worker, with stemmed type-ahead.
 *
 * The theme adds "*" to every word typed (type-ahead: "instru" finds
 * "instrument"), and lunr skips the stemmer for such words. So "instrumenten*"
 * would never find a page that only says "instrument". This wrapper loads the
 * theme's worker (named in ?theme=) and stems each such word before the "*".
 */
importScripts(new URL(new URL(self.location).searchParams.get("theme"), self.location).href);

(function (lunr) {
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || !/^[^*]+\*$/.test(clause.term)) return;
        var stems = pipeline.runString(clause.term.slice(0, -1), { fields: clause.fields });
        if (stems.length) clause.term = stems[0] + "*";
      });
    });
  };
})(self.lunr);
