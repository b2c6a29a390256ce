/* Safe Markdown for the assistant's answers.
 *
 * Builds DOM nodes with createElement and text nodes only; nothing is ever parsed as HTML,
 * so markup in a message is shown as text. Understood: **vet**, *cursief*, [tekst](url),
 * bare http(s) links, lines starting with "- " as a list, line breaks. Links are only made
 * for http: and https: and open in a new tab without access to this page (rel=noopener).
 */
var renderMarkdown = (function () {
  "use strict";

  var INLINE = new RegExp([
    "\\*\\*(?=\\S)([\\s\\S]*?\\S)\\*\\*",                                                  // 1: **bold**
    "\\[([^\\[\\]]+)\\]\\(\\s*(https?:\\/\\/[^\\s()]+(?:\\([^\\s()]*\\)[^\\s()]*)*)\\s*\\)", // 2, 3: [label](url)
    "(https?:\\/\\/[^\\s<>()\"']*[^\\s<>()\"'.,;:!?])",                                // 4: bare url
    "\\*(?=[^\\s*])([^*]*?[^\\s*])\\*"                                                // 5: *italic*
  ].join("|"), "g");
  var LIST_ITEM = /^\s*[-•]\s+(.*)$/;

  function safeUrl(raw) {
    var url;
    try { url = new URL(raw); } catch (e) { return null; }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  function appendLink(parent, label, href, inLink) {
    var url = inLink ? null : safeUrl(href);
    if (!url) { appendInline(parent, label, true); return; }
    var a = document.createElement("a");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    appendInline(a, label, true);
    parent.appendChild(a);
  }

  function appendInline(parent, text, inLink) {
    var re = new RegExp(INLINE.source, "g"), last = 0, m, node;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) {
        node = document.createElement("strong");
        appendInline(node, m[1], inLink);
        parent.appendChild(node);
      } else if (m[2] !== undefined) {
        appendLink(parent, m[2], m[3], inLink);
      } else if (m[4] !== undefined) {
        if (inLink) parent.appendChild(document.createTextNode(m[4]));
        else appendLink(parent, m[4], m[4], false);
      } else {
        node = document.createElement("em");
        appendInline(node, m[5], inLink);
        parent.appendChild(node);
      }
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* Text → DocumentFragment of <p> (lines joined by <br>) and <ul> (lines starting with "- "). */
  return function renderMarkdown(text) {
    var fragment = document.createDocumentFragment(), list = null, paragraph = null;
    String(text == null ? "" : text).replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
      var item = LIST_ITEM.exec(line), li;
      if (item) {
        paragraph = null;
        if (!list) { list = document.createElement("ul"); fragment.appendChild(list); }
        li = document.createElement("li");
        appendInline(li, item[1], false);
        list.appendChild(li);
        return;
      }
      list = null;
      if (!line.trim()) { paragraph = null; return; }
      if (paragraph) paragraph.appendChild(document.createElement("br"));
      else { paragraph = document.createElement("p"); fragment.appendChild(paragraph); }
      appendInline(paragraph, line, false);
    });
    return fragment;
  };
}());
