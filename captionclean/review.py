"""The review page: one self-contained HTML file to look at a run's work.

Each caption is shown with its fields marked in the text (displaCy-style, a colour
per field and a legend), its repairs shown with what the text was, its doubts and
warnings beside it, and its parsed fields in a compact row. Filters (only doubtful,
agency, gallery, warning or doubt, text search), counts and a bar chart of credits
sit at the top. The rows travel as one JSON array inside the page and are drawn a
page at a time, so ten thousand captions open at once from a shared drive. Nothing
is loaded from the network.

Markup contract (tests and other tools rely on it): each caption is an element
``<article class="cap" data-id="…">`` (the input's ``id`` column, else the row's
position from 1); each marked field is ``<span data-field="photographer"
data-start="…" data-end="…">``, offsets in the repaired caption (the ``spans``
column); each repair shown is ``<mark class="fix" data-start data-end>``.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .core import Options, Summary
from .repair.text import changed_middle
from .spans import SPAN_FIELDS

PAGE_SIZE = 100
ID_COLUMNS = ("id", "input_id", "SourceFile", "System:SourceFile")
SHOWN_FIELDS = ("photographer", "agency", "distributor", "city", "region", "country", "date", "restrictions",
                "credit", "keywords")
COLOURS = {  # background, for dark text: readable on white, told apart side by side
    "photographer": "#fde68a", "agency": "#bfdbfe", "distributor": "#ddd6fe", "city": "#bbf7d0",
    "region": "#d9f99d", "country": "#a5f3fc", "date": "#fbcfe8", "restrictions": "#fecaca",
}


@dataclass
class ReviewResult:
    path: str
    rows: int
    summary: Summary

    def lines(self) -> list[str]:
        s = self.summary
        return [f"review of {self.rows} captions written to {self.path}",
                f"rows read: {s.rows_read}, unique: {s.unique}, doubtful: {s.doubtful}",
                f"repairs: {s.repairs} in {s.repaired_captions} captions"]


def _items(cell: object) -> list[str]:
    text = "" if cell is None or cell != cell else str(cell)
    return [p for p in (s.strip() for s in text.split("; ")) if p]


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` widened to the word around it (letters, digits, apostrophes)."""
    def inside(ch: str) -> bool:
        return ch.isalnum() or ch in "'’?\ufffd-"
    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end


def locate_repairs(caption: str, repairs: object) -> list[dict]:
    """Each repair of the row as ``{rule, was, now, start, end}``: the word it changed,
    as it was and as it is, and where that word is in the repaired caption (start -1
    when the repair's context is not in the text, e.g. a space collapsed)."""
    out = []
    used_to = 0
    for item in _items(repairs):
        rule, sep, change = item.partition(": ")
        before, arrow, after = change.partition(" → ")
        if not (sep and arrow):
            out.append({"rule": item, "was": "", "now": "", "start": -1, "end": -1})
            continue
        b0, b1, a0, a1 = changed_middle(before, after)
        at = caption.find(after, used_to) if after else -1
        if at < 0 and after:
            at = caption.find(after)
        if at >= 0 and a1 >= a0:
            s, e = _word_around(caption, at + a0, at + max(a1, a0 + (1 if a1 == a0 else 0)))
            e = min(e, len(caption))
            ws, we = s - at, e - at  # the same word in the context as it was: widen the change
            was = before[max(0, b0 - (a0 - ws)): b1 + (we - a1)] if ws <= a0 and we >= a1 else before
            out.append({"rule": rule, "was": was, "now": caption[s:e], "start": s, "end": e})
            used_to = at
        else:
            out.append({"rule": rule, "was": before[b0:b1] or before, "now": after[a0:a1] or after,
                        "start": -1, "end": -1})
    return out


def _spans(cell: object) -> dict[str, list[int]]:
    if isinstance(cell, dict):
        return cell
    if isinstance(cell, str) and cell.startswith("{"):
        return json.loads(cell)
    return {}


def review_data(table, summary: Summary, *, title: str = "") -> dict:
    """What the page shows, as plain data: the rows (each with its fields, spans,
    repairs located in the text, doubts, warnings) and the counts."""
    id_column = next((c for c in ID_COLUMNS if c in table.columns), None)
    rows = []
    agencies, credits, reasons, warnings = Counter(), Counter(), Counter(), Counter()
    for i, rec in enumerate(table.to_dict("records"), start=1):
        caption = str(rec.get("caption") or "")
        n = int(rec.get("occurrences") or 1) or 1
        row = {
            "id": str(rec[id_column]) if id_column and rec.get(id_column) not in (None, "") else str(i),
            "caption": caption,
            "gallery": str(rec.get("gallery") or ""),
            "occurrences": n,
            "source_rows": str(rec.get("source_rows") or ""),
            "fields": {f: str(rec.get(f) or "") for f in SHOWN_FIELDS if rec.get(f) not in (None, "")},
            "spans": {f: s for f, s in _spans(rec.get("spans")).items() if f in SPAN_FIELDS},
            "repairs": locate_repairs(caption, rec.get("repairs")),
            "doubt": _items(rec.get("doubt")),
            "warnings": _items(rec.get("warnings")),
        }
        if rec.get("date_inferred") is True:
            row["fields"]["date"] = row["fields"].get("date", "") + " (inferred)"
        rows.append(row)
        agencies[row["fields"].get("agency", "(no agency)")] += n
        if rec.get("credit"):
            credits[str(rec["credit"])] += n
        reasons.update(row["doubt"])
        warnings.update({w.split(":", 1)[0] for w in row["warnings"]})
    return {
        "title": title,
        "page_size": PAGE_SIZE,
        "colours": COLOURS,
        "counts": {"rows": summary.rows_read, "unique": len(rows), "repairs": summary.repairs,
                   "repaired": summary.repaired_captions, "doubtful": sum(bool(r["doubt"]) for r in rows),
                   "no_credit": summary.no_credit},
        "agencies": agencies.most_common(),
        "credits": credits.most_common(12),
        "reasons": reasons.most_common(),
        "warnings": warnings.most_common(),
        "galleries": list(dict.fromkeys(r["gallery"] for r in rows if r["gallery"])),
        "rows": rows,
    }


def _script_json(data: object) -> str:
    """JSON safe inside a <script> element (no "</", no "<!--", no U+2028)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(data: dict) -> str:
    """The page: styles, data and script inline."""
    title = html.escape(data.get("title") or "Caption review")
    legend = "".join(f'<span class="key" style="background:{c}">{f}</span>' for f, c in data["colours"].items())
    field_css = "\n".join(f'.f[data-field="{f}"]{{background:{c}}}' for f, c in data["colours"].items())
    return (_PAGE.replace("%TITLE%", title).replace("%LEGEND%", legend).replace("%FIELD_CSS%", field_css)
            .replace("%DATA%", _script_json(data)))


def write_review(inputs: list[str | Path], output: str | Path, options: Options | None = None, *,
                 column: str | None = None, fmt: str | None = None, title: str | None = None,
                 progress=None) -> ReviewResult:
    """Clean ``inputs`` and write their review page to ``output`` (one HTML file)."""
    from dataclasses import replace

    from .engine.local import clean_inputs
    from .write import WriteError, write_text_atomic

    if output is None or str(output) == "-":
        raise WriteError("the review page is a file: give one with -o")
    options = replace(options or Options(), only_doubtful=False)  # the page filters itself
    run = clean_inputs(list(inputs), options, column=column, fmt=fmt, progress=progress)
    names = ", ".join(Path(str(p)).name for p in inputs)
    data = review_data(run.table, run.summary, title=title or f"Caption review: {names}")
    write_text_atomic(Path(output), render_html(data))
    _readable(Path(output))
    return ReviewResult(str(output), len(data["rows"]), run.summary)


def _readable(path: Path) -> None:
    """The page as readable as a new file (umask), not only by its writer: it goes on a shared drive."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass


_PAGE = r"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
:root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f6f8fa;--card:#fff;--warn:#9a6700;--doubt:#bc4c00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--card);border-bottom:1px solid var(--line);padding:16px 28px 12px;position:sticky;top:0;z-index:2}
h1{font-size:19px;margin:0 0 8px;font-weight:600}
.stats{display:flex;gap:22px;flex-wrap:wrap;align-items:flex-start}
.num{font-size:22px;font-weight:600;line-height:1.1}
.num small{display:block;font-size:11px;font-weight:500;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.chart{min-width:300px;flex:1;max-width:520px}
.chart h2{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:0 0 4px;font-weight:600}
.bar{display:grid;grid-template-columns:190px 1fr 36px;gap:6px;align-items:center;font-size:12px;line-height:1.5;cursor:pointer}
.bar span:first-child{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bar i{display:block;height:9px;background:#8fb8ea;border-radius:2px}
.bar b{font-weight:500;color:var(--muted);text-align:right}
.controls{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin-top:10px;font-size:13px}
.controls input[type=search]{padding:5px 9px;border:1px solid var(--line);border-radius:6px;min-width:240px;font:inherit}
.controls select{padding:4px 6px;border:1px solid var(--line);border-radius:6px;font:inherit;max-width:220px;background:#fff}
.legend{display:flex;gap:6px;flex-wrap:wrap;margin-top:8px}
.key{font-size:11px;padding:1px 7px;border-radius:4px;text-transform:uppercase;letter-spacing:.03em;font-weight:600;color:#333}
main{padding:16px 28px 40px;max-width:1280px}
.pager{display:flex;gap:8px;align-items:center;font-size:13px;color:var(--muted);margin:4px 0 12px}
.pager button{font:inherit;padding:3px 10px;border:1px solid var(--line);background:#fff;border-radius:6px;cursor:pointer}
.cap{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:10px;display:grid;grid-template-columns:1fr 230px;gap:8px 20px}
.cap.doubtful{border-left:4px solid var(--doubt)}
.meta{grid-column:1/3;font-size:12px;color:var(--muted);display:flex;gap:12px;flex-wrap:wrap}
.meta .gal{font-weight:600;color:#444}
.text{font-size:15.5px;line-height:2.05;white-space:pre-wrap;overflow-wrap:anywhere}
.f{padding:2px 4px;border-radius:4px;margin:0 1px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.f::after{content:attr(data-field);font-size:9.5px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;margin-left:5px;color:rgba(0,0,0,.55);vertical-align:1px}
mark.fix{background:none;border-bottom:2px dashed #d4760a;color:inherit}
.side{font-size:12.5px;line-height:1.5}
.chip{display:inline-block;padding:0 7px;border-radius:10px;margin:0 4px 4px 0;font-size:11.5px}
.chip.d{background:#fff1e5;color:var(--doubt);border:1px solid #f5c6a5}
.chip.w{background:#fff8c5;color:var(--warn);border:1px solid #eed888}
.fixes{margin:4px 0 0;padding:0;list-style:none;color:#444}
.fixes li{margin-bottom:2px}
.fixes code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f2f4;padding:0 3px;border-radius:3px}
.fields{grid-column:1/3;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12.5px;border-top:1px solid #eef0f2;padding-top:6px}
.fields span b{font-weight:600;color:var(--muted);font-size:10.5px;text-transform:uppercase;letter-spacing:.03em;margin-right:4px}
.none{color:var(--muted);font-style:italic}
@media (max-width:800px){.cap{grid-template-columns:1fr}.meta,.fields{grid-column:1}}
%FIELD_CSS%
</style></head>
<body>
<header>
<h1>%TITLE%</h1>
<div class="stats" id="stats"></div>
<div class="controls">
<label><input type="checkbox" id="only-doubtful"> only doubtful</label>
<select id="agency"><option value="">all agencies</option></select>
<select id="gallery"><option value="">all galleries</option></select>
<select id="warning"><option value="">any doubt or warning</option></select>
<input type="search" id="search" placeholder="search captions and fields">
</div>
<div class="legend">%LEGEND%<span class="key" style="background:none;border-bottom:2px dashed #d4760a;border-radius:0">repaired</span></div>
</header>
<main>
<div class="pager" id="pager-top"></div>
<div id="rows"></div>
<div class="pager" id="pager-bottom"></div>
</main>
<script type="application/json" id="review-data">%DATA%</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var rows = data.rows, page = 0, shown = rows;
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]; }); }
  function el(id) { return document.getElementById(id); }

  // --- counts and the credit chart
  var c = data.counts, maxCredit = data.credits.length ? data.credits[0][1] : 1;
  function num(n, label) { return '<div class="num">' + n + "<small>" + label + "</small></div>"; }
  function bars(title, items, kind) {
    var max = items.length ? items[0][1] : 1;
    return '<div class="chart"><h2>' + esc(title) + "</h2>" + items.slice(0, 8).map(function (it) {
      return '<div class="bar" data-kind="' + kind + '" data-value="' + esc(it[0]) + '"><span title="' + esc(it[0]) + '">' +
        esc(it[0]) + '</span><i style="width:' + Math.max(2, 100 * it[1] / max).toFixed(1) + '%"></i><b>' + it[1] + "</b></div>";
    }).join("") + "</div>";
  }
  el("stats").innerHTML = num(c.rows, "rows read") + num(c.unique, "unique") + num(c.repairs, "repairs") +
    num(c.doubtful, "doubtful") + num(c.no_credit, "no credit") +
    bars("Credits (photos)", data.credits, "search") + bars("By agency (photos)", data.agencies.filter(function (a) { return a[0] !== "(no agency)"; }), "agency");

  // --- filters
  function fill(id, items, prefix) {
    var s = el(id);
    items.forEach(function (it) {
      var o = document.createElement("option");
      o.value = (prefix || "") + (Array.isArray(it) ? it[0] : it);
      o.textContent = (prefix ? prefix : "") + (Array.isArray(it) ? it[0] + " (" + it[1] + ")" : it);
      s.appendChild(o);
    });
  }
  fill("agency", data.agencies);
  fill("gallery", data.galleries);
  fill("warning", data.reasons, "doubt: ");
  fill("warning", data.warnings, "warning: ");
  var hay = null;
  function haystack(r) {
    return (r.caption + " " + Object.keys(r.fields).map(function (k) { return r.fields[k]; }).join(" ") +
      " " + r.gallery).toLowerCase();
  }
  function apply() {
    var only = el("only-doubtful").checked, ag = el("agency").value, gal = el("gallery").value,
        w = el("warning").value, q = el("search").value.trim().toLowerCase();
    if (q && !hay) hay = rows.map(haystack);
    shown = rows.filter(function (r, i) {
      if (only && !r.doubt.length) return false;
      if (ag && (r.fields.agency || "(no agency)") !== ag) return false;
      if (gal && r.gallery !== gal) return false;
      if (w) {
        if (w.indexOf("doubt: ") === 0) { if (r.doubt.indexOf(w.slice(7)) < 0) return false; }
        else if (!r.warnings.some(function (x) { return x.split(":")[0] === w.slice(9); })) return false;
      }
      return !q || hay[i].indexOf(q) >= 0;
    });
    page = 0;
    draw();
  }
  ["only-doubtful", "agency", "gallery", "warning"].forEach(function (id) { el(id).addEventListener("change", apply); });
  el("search").addEventListener("input", apply);
  el("stats").addEventListener("click", function (ev) {
    var b = ev.target.closest(".bar");
    if (!b) return;
    if (b.dataset.kind === "agency") el("agency").value = b.dataset.value; else el("search").value = b.dataset.value;
    apply();
  });

  // --- one caption: fields marked, repairs underlined
  function withFixes(text, a, b, fixes) {
    var out = "", pos = a;
    fixes.forEach(function (fx) {
      var s = Math.max(fx.start, pos), e = Math.min(fx.end, b);
      if (e <= s) return;
      out += esc(text.slice(pos, s)) + '<mark class="fix" data-start="' + s + '" data-end="' + e + '" title="' +
        esc(fx.rule + ": " + fx.was + " \u2192 " + fx.now) + '">' + esc(text.slice(s, e)) + "</mark>";
      pos = e;
    });
    return out + esc(text.slice(pos, b));
  }
  function marked(r) {
    var text = r.caption, spans = [], out = "", pos = 0;
    Object.keys(r.spans).forEach(function (f) { spans.push([r.spans[f][0], r.spans[f][1], f]); });
    spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var fixes = r.repairs.filter(function (fx) { return fx.start >= 0; })
      .sort(function (x, y) { return x.start - y.start; });
    spans.forEach(function (sp) {
      if (sp[0] < pos || sp[1] > text.length) return;  // overlaps one already drawn
      out += withFixes(text, pos, sp[0], fixes) + '<span class="f" data-field="' + sp[2] + '" data-start="' + sp[0] +
        '" data-end="' + sp[1] + '">' + withFixes(text, sp[0], sp[1], fixes) + "</span>";
      pos = sp[1];
    });
    return out + withFixes(text, pos, text.length, fixes);
  }
  var ORDER = ["photographer", "agency", "distributor", "credit", "city", "region", "country", "date", "restrictions", "keywords"];
  function card(r) {
    var side = r.doubt.map(function (d) { return '<span class="chip d" title="doubt">' + esc(d) + "</span>"; }).join("") +
      r.warnings.filter(function (w) { return r.doubt.indexOf(w.split(":")[0]) < 0; }).map(function (w) { return '<span class="chip w" title="' + esc(w) + '">' + esc(w.split(":")[0]) + "</span>"; }).join("");
    if (r.repairs.length) side += '<ul class="fixes">' + r.repairs.map(function (fx) {
      return "<li>" + esc(fx.rule) + ": <code>" + esc(fx.was) + "</code> \u2192 <code>" + esc(fx.now) + "</code></li>";
    }).join("") + "</ul>";
    var fields = ORDER.filter(function (f) { return r.fields[f]; }).map(function (f) {
      return "<span><b>" + f + "</b>" + esc(r.fields[f]) + "</span>"; }).join("");
    return '<article class="cap' + (r.doubt.length ? " doubtful" : "") + '" data-id="' + esc(r.id) + '">' +
      '<div class="meta"><span>#' + esc(r.id) + "</span>" + (r.gallery ? '<span class="gal">' + esc(r.gallery) + "</span>" : "") +
      "<span>" + r.occurrences + (r.occurrences === 1 ? " occurrence" : " occurrences") + "</span>" +
      (r.source_rows ? "<span>rows " + esc(r.source_rows.split(";").slice(0, 8).join(", ")) +
        (r.source_rows.split(";").length > 8 ? ", \u2026" : "") + "</span>" : "") + "</div>" +
      '<div class="text">' + marked(r) + "</div>" +
      '<div class="side">' + (side || '<span class="none">no doubts</span>') + "</div>" +
      '<div class="fields">' + (fields || '<span class="none">no fields found</span>') + "</div></article>";
  }
  function pager() {
    var pages = Math.max(1, Math.ceil(shown.length / data.page_size)), first = page * data.page_size;
    return '<button data-go="-1"' + (page ? "" : " disabled") + ">\u2039 previous</button>" +
      "<span>" + (shown.length ? first + 1 : 0) + "\u2013" + Math.min(shown.length, first + data.page_size) + " of " +
      shown.length + " captions (page " + (page + 1) + " of " + pages + ")</span>" +
      '<button data-go="1"' + (page + 1 < pages ? "" : " disabled") + ">next \u203a</button>";
  }
  function draw() {
    var first = page * data.page_size;
    el("rows").innerHTML = shown.slice(first, first + data.page_size).map(card).join("") ||
      '<p class="none">No caption matches the filters.</p>';
    el("pager-top").innerHTML = el("pager-bottom").innerHTML = pager();
  }
  document.body.addEventListener("click", function (ev) {
    var go = ev.target.getAttribute && ev.target.getAttribute("data-go");
    if (!go) return;
    page += +go;
    draw();
    window.scrollTo(0, 0);
  });
  // a link may open the page filtered: review.html#doubtful, #q=Reuters
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash) {
    hash.split("&").forEach(function (part) {
      if (part === "doubtful") el("only-doubtful").checked = true;
      else if (part.indexOf("q=") === 0) el("search").value = part.slice(2);
    });
    apply();
  } else draw();
})();
</script>
</body></html>
"""
