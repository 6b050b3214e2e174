import { html, type Html, trusted } from "./html.js";
import { inScript, languageTag, restoreKept, type Script } from "./script.js";

/**
 * One stylesheet, inline: a page is one request, and the whole of it stays far under 100 KB.
 * `details.fold` is a part a phone shows behind one tap (the filters, a decision's contents, its
 * comments, its rule-by-rule table) and a wider screen shows open without the tap: no script, and a
 * browser without `::details-content` keeps the tap on every screen.
 */
const STYLE = trusted(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 system-ui,"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
a{color:#0b4f8a}a:hover{color:#06335a}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.sample-data{margin:0 0 .5rem;padding:.2rem .6rem;background:#fff3cd;border-left:4px solid #b35900;font-size:.85rem;line-height:1.4}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header.site{background:#0b3d6b;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header.site a{color:#fff}header.site .name{font-weight:700;font-size:1.15rem;text-decoration:none}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.script{margin-left:auto}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer.site{border-top:1px solid #ccc;color:#444;padding:1rem;font-size:.9rem;text-align:center}
h1{font-size:1.6rem;line-height:1.3}h2{font-size:1.3rem;border-bottom:2px solid #0b3d6b;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
form.filters{background:#f3f6f9;padding:1rem;border-radius:.4rem;display:grid;gap:.75rem}
.filter-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem}
details.fold>summary{cursor:pointer;color:#0b4f8a;font-weight:600;padding:.3rem 0}
nav.toc ol{margin:.25rem 0;padding-left:1.5rem}
.sort{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}.sort select{width:auto}
label{display:block;font-weight:600}
input,select,textarea,button{font:inherit;max-width:100%}
input[type=search],input[type=text],select,textarea{width:100%;padding:.4rem;border:1px solid #555;border-radius:.25rem;background:#fff;color:#1a1a1a}
.check label{display:inline;font-weight:400}
button{background:#0b4f8a;color:#fff;border:0;border-radius:.25rem;padding:.5rem 1.2rem;cursor:pointer}
.results{list-style:none;padding:0}.results li{border-bottom:1px solid #ddd;padding:.75rem 0}
.meta{color:#444;font-size:.92rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
.notice{border-left:4px solid #b35900;background:#fff6ec;padding:.5rem .75rem;margin:.5rem 0}
.error{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem;margin:.5rem 0}
.ok{border-left:4px solid #1b6e20;background:#edf7ee;padding:.5rem .75rem;margin:.5rem 0}
.field-error{color:#b00020;font-weight:600;margin:.2rem 0}
ol.timeline{list-style:none;padding:0;border-left:3px solid #0b3d6b;margin-left:.5rem}
ol.timeline>li{padding:.25rem 0 .75rem 1rem;position:relative}
ol.timeline>li::before{content:"";position:absolute;left:-.55rem;top:.65rem;width:.8rem;height:.8rem;border-radius:50%;background:#0b3d6b}
ol.timeline>li.ahead{color:#444}ol.timeline>li.ahead::before{background:#fff;border:2px solid #0b3d6b}
ol.timeline>li.current{font-weight:700}
.comment{border:1px solid #ddd;border-radius:.3rem;padding:.5rem .75rem;margin:.5rem 0}
.reply{background:#f3f6f9;padding:.4rem .6rem;margin-top:.4rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}
@supports selector(::details-content){@media (min-width:40.01rem){details.fold>summary{display:none}details.fold::details-content{content-visibility:visible;display:block}nav.toc ol{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;list-style:none;padding:0}}}
.table-wrap{overflow-x:auto;margin:.5rem 0}
pre{white-space:pre-wrap;word-break:break-word;background:#f3f6f9;padding:.75rem;overflow:auto}
pre,code,textarea.code{font-family:ui-monospace,"Cascadia Mono","DejaVu Sans Mono","Noto Sans Mono CJK TC",monospace;font-size:.92rem}
`);

export interface PageOptions {
  title: string;
  script: Script;
  /** This page's path with its query string: where the script switch returns to. */
  path: string;
  body: Html;
  /** The illustrative-sample banner, when the data is the sample. */
  banner?: Html | null;
}

/** Where the script switch goes: after the page is converted, so that each script names itself. */
const SWITCH_PLACE = trusted("<!--script-switch-->");

function scriptSwitch(script: Script, path: string): string {
  const other: Script = script === "hans" ? "hant" : "hans";
  return html`<a class="script" lang="${languageTag(other)}" href="/script?to=${other}&amp;back=${encodeURIComponent(path)}">${other === "hans" ? "简体中文" : "繁體中文"}</a>`.text;
}

/** The whole page, in the resident's script. */
export function page({ title, script, path, body, banner }: PageOptions): string {
  return restoreKept(inScript(layout(title, script, body, banner ?? null).text, script)).replace(SWITCH_PLACE.text, () => scriptSwitch(script, path));
}

function layout(title: string, script: Script, body: Html, banner: Html | null): Html {
  return html`<!doctype html>
<html lang="${languageTag(script)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 重大行政決策公開</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">跳到主要內容</a>
<header class="site">
<a class="name" href="/">重大行政決策公開</a>
<nav aria-label="網站導覽"><ul><li><a href="/">查詢決策</a></li><li><a href="/open-data">開放數據</a></li><li><a href="/comments/status">意見處理情況</a></li></ul></nav>
${SWITCH_PLACE}
</header>
<main id="main">
${banner ?? ""}
${body}
</main>
<footer class="site">
<p>依《重大行政決策程序暫行條例》和《中華人民共和國政府信息公開條例》公開。依法不予公開的內容均註明法律依據。</p>
</footer>
</body>
</html>`;
}
