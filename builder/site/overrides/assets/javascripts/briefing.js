/* The archive's own script (builder/site/overrides, loaded by main.html on every page). Three progressive
   enhancements; without JavaScript every quote, row and link is there as it is:
   - quote cards: a "Copy citation" button on every quote (li.briefing-quote), the citation made from the
     page's data (script#briefing-quotes, written by builder.site.site_plugin) and the quote's permanent link;
   - "what did X say about Y": on a person page the articles and quotes narrowed to a topic or an event, on an
     event page the quotes to a speaker; the choice is kept in the address (?topic=…&event=…&speaker=…);
   - link previews: hovering or focusing a link to a person or an event shows who or what it is and the
     latest quote (previews/<people|events>/<id>.json, written at build time); Escape hides it.
   Nothing from the data is ever parsed as HTML: every text goes in with textContent. */
(function () {
  "use strict";

  function readJSON(id) {
    var element = document.getElementById(id);
    if (!element) { return null; }
    try { return JSON.parse(element.textContent); } catch (error) { return null; }
  }

  // Read when the page is parsed: the page's data comes after this script, at the end of the body.
  var config = {}, root = null, data = {};

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text) { element.textContent = text; }
    return element;
  }

  // A status line read out by screen readers when it changes.
  function announcer(className) {
    var status = make("p", className);
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    return status;
  }

  /* --- quote cards ------------------------------------------------------------------------------------ */

  // The page's public address: its canonical link when the site has a site_url, else where it was loaded from.
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical && canonical.href ? canonical.href : window.location.href.split("#")[0];
  }

  function citation(item, facts) {
    var link = item.querySelector("a.briefing-permalink");
    var address = new URL(link ? link.getAttribute("href") : "#" + item.id, pageAddress()).href;
    var words = facts.direct ? "“" + facts.words + "”" : facts.words + " (reported speech)";
    var where = ["“" + facts.title + "”", facts.outlet, facts.date].filter(Boolean).join(", ");
    return facts.speaker + ": " + words + ". In " + where + ". " + address;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http: the older way, through a selected, off-screen text area.
    return new Promise(function (resolve, reject) {
      var area = make("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function quoteCards() {
    var cite = data.cite || {};
    var items = document.querySelectorAll("li.briefing-quote");
    if (!items.length) { return; }
    var status = announcer("briefing-copied");
    document.body.appendChild(status);
    items.forEach(function (item) {
      var facts = cite[item.id];
      if (!facts) { return; }
      var button = make("button", "briefing-cite md-button", "Copy citation");
      button.type = "button";
      button.setAttribute("data-citation", citation(item, facts));
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-citation");
        copy(text).then(function () {
          status.textContent = "Citation copied: " + text;
          button.textContent = "Copied";
        }, function () {
          status.textContent = "The browser refused to copy; the citation is: " + text;
        });
        window.setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button);
    });
  }

  /* --- what did X say about Y ------------------------------------------------------------------------- */

  var LABELS = {topic: ["Topic", "All topics", "topics"], event: ["Event", "All events", "events"],
                speaker: ["Speaker", "All speakers", "speaker"]};

  function words(element, name) {
    return (element.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
  }

  function narrowing() {
    var choices = data.choices || {};
    var kinds = Object.keys(LABELS).filter(function (kind) { return choices[kind] && Object.keys(choices[kind]).length; });
    var rows = Array.prototype.slice.call(document.querySelectorAll("li.briefing-row"));
    if (!kinds.length || !rows.length) { return; }
    var form = make("form", "briefing-narrow");
    form.setAttribute("aria-label", "Narrow the quotes");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var selects = {};
    var query = new URLSearchParams(window.location.search);
    kinds.forEach(function (kind) {
      var label = make("label", "", LABELS[kind][0] + " ");
      var select = make("select");
      select.name = kind;
      select.appendChild(new Option(LABELS[kind][1], ""));
      Object.keys(choices[kind]).forEach(function (id) { select.appendChild(new Option(choices[kind][id], id)); });
      var wanted = query.get(kind);
      if (wanted && choices[kind][wanted]) { select.value = wanted; }
      select.addEventListener("change", apply);
      selects[kind] = select;
      label.appendChild(select);
      form.appendChild(label);
    });
    var status = announcer("briefing-narrow-count");
    form.appendChild(status);
    var list = rows[0].closest("ul");
    var section = list;
    // Above the month headings of an event page, else above the list.
    while (section.previousElementSibling && section.previousElementSibling.tagName === "H3") { section = section.previousElementSibling; }
    section.parentNode.insertBefore(form, section);

    function apply() {
      var chosen = {};
      kinds.forEach(function (kind) { chosen[kind] = selects[kind].value; });
      var shownRows = 0, shownQuotes = 0;
      rows.forEach(function (row) {
        var match = (!chosen.topic || words(row, "topics").indexOf(chosen.topic) >= 0) &&
                    (!chosen.event || words(row, "events").indexOf(chosen.event) >= 0);
        var quotes = row.querySelectorAll("li.briefing-quote");
        var visible = 0;
        quotes.forEach(function (quote) {
          // On a person's page an event keeps the quotes said in a paragraph naming it.
          var mine = (!chosen.speaker || quote.getAttribute("data-speaker") === chosen.speaker) &&
                     (!chosen.event || words(quote, "events").indexOf(chosen.event) >= 0);
          quote.hidden = !mine;
          if (mine) { visible += 1; }
        });
        if (chosen.speaker && !visible) { match = false; }
        row.hidden = !match;
        if (match) { shownRows += 1; shownQuotes += visible; }
      });
      // A month heading whose articles are all hidden goes too.
      document.querySelectorAll("h3 + ul").forEach(function (ul) {
        if (!ul.querySelector("li.briefing-row")) { return; }
        ul.previousElementSibling.hidden = !ul.querySelector("li.briefing-row:not([hidden])");
      });
      status.textContent = shownRows + " of " + rows.length + " article" + (rows.length === 1 ? "" : "s") +
        " on this page, " + shownQuotes + " quote" + (shownQuotes === 1 ? "" : "s") + ".";
      var params = new URLSearchParams(window.location.search);
      kinds.forEach(function (kind) { if (chosen[kind]) { params.set(kind, chosen[kind]); } else { params.delete(kind); } });
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    apply();
  }

  /* --- link previews ---------------------------------------------------------------------------------- */

  var PREVIEWED = /^(people|events)\/([a-z0-9][a-z0-9-]*)\/$/;
  var cache = {};

  function previewOf(link) {
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#") { return null; }
    var target = new URL(href, window.location.href);
    if (target.origin !== root.origin || target.pathname.indexOf(root.pathname) !== 0) { return null; }
    var match = PREVIEWED.exec(target.pathname.slice(root.pathname.length));
    return match ? new URL("previews/" + match[1] + "/" + match[2] + ".json", root).href : null;
  }

  function previews() {
    var tip = make("div", "briefing-preview");
    tip.id = "briefing-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null, hideTimer = null;

    function hide() {
      window.clearTimeout(hideTimer);
      if (current) { current.removeAttribute("aria-describedby"); }
      current = null;
      tip.hidden = true;
    }

    function fill(facts) {
      tip.textContent = "";
      tip.appendChild(make("strong", "", facts.name));
      if (facts.about) { tip.appendChild(make("span", "briefing-preview-about", facts.about)); }
      if (facts.latest) {
        var said = make("span", "briefing-preview-quote",
                        (facts.latest.direct ? "“" + facts.latest.words + "”" : facts.latest.words));
        tip.appendChild(said);
        tip.appendChild(make("span", "briefing-preview-when",
                             (facts.latest.speaker ? facts.latest.speaker + ", " : "") + (facts.latest.date || "undated")));
      }
    }

    function show(link) {
      var address = previewOf(link);
      if (!address) { return; }
      window.clearTimeout(hideTimer);
      current = link;
      var request = cache[address] || (cache[address] = fetch(address).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () { return null; }));
      request.then(function (facts) {
        if (current !== link || !facts) { return; }
        fill(facts);
        tip.hidden = false;
        link.setAttribute("aria-describedby", tip.id);
        var box = link.getBoundingClientRect();
        var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
        tip.style.left = (left + window.scrollX) + "px";
        tip.style.top = (box.bottom + window.scrollY + 6) + "px";
      });
    }

    function later() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, 300);
    }

    document.addEventListener("mouseover", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && link !== current && previewOf(link)) { show(link); }
    });
    document.addEventListener("mouseout", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && link === current && !link.contains(event.relatedTarget)) { later(); }
    });
    document.addEventListener("focusin", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && previewOf(link)) { show(link); } else if (current) { hide(); }
    });
    document.addEventListener("focusout", function (event) {
      if (event.target === current) { hide(); }
    });
    // The preview stays while the pointer is on it, so it can be read (WCAG 1.4.13).
    tip.addEventListener("mouseover", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseout", function (event) { if (!tip.contains(event.relatedTarget)) { later(); } });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !tip.hidden) { hide(); }
    });
  }

  function start() {
    config = readJSON("__config") || {};
    // The site's root, wherever it is published (Material's base is relative to this page).
    root = new URL((config.base || ".") + "/", window.location.href);
    data = readJSON("briefing-quotes") || {};
    quoteCards();
    narrowing();
    previews();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
