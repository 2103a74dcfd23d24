// Compiles the Foundry training jobs and datasets TypeSpec to OpenAPI 3 with the official compiler (@typespec/compiler and
// @typespec/openapi3, pinned in ../package.json). Run on every conformance run, so the document cannot go stale.
//
//   node foundry-typespec/compile.mjs [--routes routes.later-revision.tsp] [--out DIR]
//
// 1. Lays the verbatim files of ../specs/foundry-training-jobs/ and ../specs/foundry-datasets/ out as upstream keeps
//    them (their imports are relative): servicepatterns.tsp, common/models.tsp, common/service.tsp,
//    training_jobs/models.tsp, training_jobs/routes.tsp, datasets/models.tsp, datasets/routes.tsp
// 2. Applies edits.json to those working copies (never to the verbatim files); an edit that no longer matches fails.
// 3. Adds main.tsp and stubs.tsp, compiles, and writes DIR/foundry-training-jobs.openapi.json (the v1 version).
// Prints one line: what it compiled, the diagnostics and the time. Exits non-zero on any compile error.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, formatDiagnostic, NodeHost } from "@typespec/compiler";

const here = dirname(fileURLToPath(import.meta.url));
const compilerVersion = JSON.parse(await readFile(join(here, "..", "node_modules", "@typespec", "compiler", "package.json"), "utf8")).version;
const conformance = resolve(here, "..");
const specs = join(conformance, "specs", "foundry-training-jobs");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const routes = option("--routes", "routes.later-revision.tsp");
const out = resolve(option("--out", join(conformance, "obj", "foundry-typespec")));
if (!out.startsWith(conformance + "/")) fail(`--out must be below ${conformance}, where the compiler finds its libraries`);
// Below eng/conformance, so the compiler finds the libraries in eng/conformance/node_modules.
const work = join(out, "src");
const started = performance.now();

const layout = {
  "servicepatterns.tsp": "servicepatterns.tsp",
  "common-models.tsp": "common/models.tsp",
  "service.tsp": "common/service.tsp",
  "models.tsp": "training_jobs/models.tsp",
  [routes]: "training_jobs/routes.tsp",
  // The datasets routes (specs/foundry-datasets/), which build on the same servicepatterns.tsp and common/models.tsp.
  "../foundry-datasets/models.tsp": "datasets/models.tsp",
  "../foundry-datasets/routes.tsp": "datasets/routes.tsp",
};

function fail(message) {
  console.error("foundry-typespec: " + message);
  process.exit(1);
}

function count(text, part) {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

/** The end (exclusive) of the declaration starting at `start`: its closing brace, or for alias/op its `;`. */
function declarationEnd(text, start, keyword) {
  const block = keyword === "model" || keyword === "union" || keyword === "enum" || keyword === "interface";
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i);
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i) + 1;
    } else if (c === "{" || c === "(" || c === "[") {
      depth++;
    } else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0 && c === "}" && block) return i + 1;
    } else if (c === ";" && depth === 0 && !block) {
      return i + 1;
    }
  }
  return -1;
}

/** Removes one declaration named by its header ("alias X", "op X", ...) with the doc comment and decorators above it. */
function drop(text, header, file) {
  const pattern = new RegExp("^" + header.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\b", "gm");
  const matches = [...text.matchAll(pattern)];
  if (matches.length !== 1) fail(`${file}: expected one '${header}', found ${matches.length}`);
  const start = matches[0].index;
  const end = declarationEnd(text, start, header.split(" ")[0]);
  if (end < 0) fail(`${file}: cannot find the end of '${header}'`);
  // Take in the lines just above that belong to it: decorators, #suppress, doc comments.
  let from = start;
  for (;;) {
    const lineStart = text.lastIndexOf("\n", from - 2) + 1;
    const line = text.slice(lineStart, from).trim();
    if (from === 0 || !(line.startsWith("@") || line.startsWith("#suppress") || line.startsWith("/**") || line.startsWith("*"))) break;
    from = lineStart;
  }
  return text.slice(0, from) + text.slice(end).replace(/^[ \t]*\r?\n/, "");
}

/** Gives the bare `Record` property documented as `doc` its element type. */
function record(text, doc, element, file) {
  const pattern = new RegExp('(@doc\\("' + doc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + '"\\)[^\\n;]*?\\??:\\s*)Record;', "g");
  const matches = [...text.matchAll(pattern)];
  if (matches.length !== 1) fail(`${file}: expected one bare Record property documented "${doc}", found ${matches.length}`);
  return text.replace(pattern, `$1Record<${element}>;`);
}

// 1 + 2: the working copies.
await rm(out, { recursive: true, force: true });
const edits = JSON.parse(await readFile(join(here, "edits.json"), "utf8")).edits;
let applied = 0;
for (const [source, target] of Object.entries(layout)) {
  let text;
  try {
    text = await readFile(join(specs, source), "utf8");
  } catch {
    fail(`${join(specs, source)} does not exist`);
  }
  for (const edit of edits.filter((e) => e.file === source)) {
    for (const header of edit.drop ?? []) {
      text = drop(text, header, source);
      applied++;
    }
    for (const { find, with: replacement, count: expected = 1 } of edit.replace ?? []) {
      const found = count(text, find);
      if (found !== expected) fail(`${source}: expected the text to replace ${expected} time(s), found it ${found} time(s): ${find.trim()}`);
      text = text.split(find).join(replacement);
      applied++;
    }
    for (const [doc, element] of Object.entries(edit.records ?? {})) {
      text = record(text, doc, element, source);
      applied++;
    }
  }
  if (count(text, "Record;") > 0 && source === "models.tsp") fail(`${source}: a bare Record property has no entry in edits.json`);
  await mkdir(dirname(join(work, target)), { recursive: true });
  await writeFile(join(work, target), text);
}
for (const file of ["main.tsp", "stubs.tsp"]) await copyFile(join(here, file), join(work, file));

// 3: compile.
const emitterOutput = join(out, "emitted");
const program = await compile(NodeHost, join(work, "main.tsp"), {
  emit: ["@typespec/openapi3"],
  options: { "@typespec/openapi3": { "emitter-output-dir": emitterOutput, "file-type": "json" } },
  outputDir: emitterOutput,
});
const errors = program.diagnostics.filter((d) => d.severity === "error");
const warnings = program.diagnostics.filter((d) => d.severity !== "error");
for (const d of errors) console.error(formatDiagnostic(d, { pretty: false }));
if (errors.length > 0) fail(`${errors.length} compile error(s), ${warnings.length} warning(s)`);

// With @versioned(Versions) the emitter writes one document per version; the service's is v1.
const emitted = (await readdir(emitterOutput, { recursive: true })).filter((f) => f.endsWith(".json"));
const v1 = emitted.find((f) => /(^|[./])v1[./]/.test(f) || f.endsWith("openapi.v1.json"));
if (!v1) fail(`no v1 document among ${emitted.join(", ")}`);
const document = JSON.parse(await readFile(join(emitterOutput, v1), "utf8"));
const result = join(out, "foundry-training-jobs.openapi.json");
await writeFile(result, JSON.stringify(document, null, 2) + "\n");
const operations = Object.values(document.paths ?? {}).flatMap((p) => Object.keys(p).filter((k) => ["get", "put", "post", "delete", "patch"].includes(k)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `foundry-typespec: compiled ${routes} (TypeSpec ${compilerVersion}) with ${applied} edit(s) and stubs.tsp: ` +
    `${operations.length} operations, ${warnings.length} warning(s), ${seconds} s -> ${result}`,
);
