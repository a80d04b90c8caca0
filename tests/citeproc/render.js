// Renders each CSL-JSON item alone as a bibliography entry with citeproc-js, in plain text.
// Usage: node render.js STYLE.csl LOCALE.xml < items.json > [{"id": ..., "text": ...}, ...]
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const [stylePath, localePath] = process.argv.slice(2);
if (!stylePath || !localePath) {
  process.stderr.write("usage: node render.js STYLE.csl LOCALE.xml < items.json\n");
  process.exit(2);
}
const style = fs.readFileSync(stylePath, "utf8");
const locale = fs.readFileSync(localePath, "utf8");
const items = JSON.parse(fs.readFileSync(0, "utf8"));

const byId = new Map(items.map((item) => [item.id, item]));
const sys = {
  retrieveLocale: () => locale,
  retrieveItem: (id) => byId.get(id),
};
const engine = new CSL.Engine(sys, style, "en-US", true);
engine.setOutputFormat("text");
// One item at a time, as nkru renders them: the registry then holds that item alone, so no
// entry is disambiguated against another.
const rendered = items.map((item) => {
  engine.updateItems([item.id]);
  const [, entries] = engine.makeBibliography();
  return { id: item.id, text: entries.join("").trim() };
});
process.stdout.write(JSON.stringify(rendered) + "\n");
