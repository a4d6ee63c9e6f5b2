// The live worked example of the backpropagation page: the panel's inputs in, every value of the
// page's example out, through solve() of backprop_2_2_2.js. On a page without the panel (a form
// with data-live="backprop_2_2_2", generated hidden, so the page without JavaScript is the static
// one) it does nothing.
import { INPUTS, shown, solve } from "./backprop_2_2_2.js";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// A field's number, or null if its text is not one (empty, a word, NaN, Infinity).
function parse(text) {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

// Whether an address's fragment holds the panel's inputs (not a heading's id).
const ours = (hash) => [...new URLSearchParams(hash.slice(1)).keys()].some((key) => INPUTS.includes(key));

// A number as a problem file writes it: JavaScript's shortest round-tripping form.
const written = (value) => String(value);

// An input as the page shows it: as written, unless longer than the values beside it (more than
// eight decimals, or an exponent); then as they are shown.
function input(value) {
  const text = written(value);
  return /e/.test(text) || (text.split(".")[1] || "").length > 8 ? shown(value) : text;
}

const OPERATORS = new Set(["+", "\u2212", "\u00d7", "="]);
const isOperator = (el) => el && el.localName === "mo" && OPERATORS.has(el.textContent.trim());

// A formula with your numbers is longer than with the notes': cut it after each operator at its
// top level into formulas a line may break between (as the generator cuts long ones, layout.py).
function cutAtOperators(math) {
  const row = math.firstElementChild;
  if (!row || row.localName !== "mrow" || math.childElementCount !== 1) return;
  const pieces = [[]];
  for (const child of [...row.children]) {
    pieces.at(-1).push(child);
    if (isOperator(child) && child !== row.firstElementChild) pieces.push([]);
  }
  if (pieces.at(-1).length === 0) pieces.pop();
  if (pieces.length < 2) return;
  const parts = pieces.map((children) => {
    const copy = math.cloneNode(false);
    const inner = row.cloneNode(false);
    inner.append(...children);
    copy.append(inner);
    return copy;
  });
  math.replaceWith(...parts.flatMap((part, i) => (i ? [" ", part] : [part])));
}

// A negative number right after an operator gets parentheses: 0.45 × (−0.5), not 0.45 × −0.5.
function parenthesize(mn, negative) {
  const opened = mn.previousElementSibling?.dataset?.liveParen !== undefined;
  if (negative === opened) return;
  if (negative) {
    const [left, right] = ["(", ")"].map((c) => {
      const mo = document.createElementNS(mn.namespaceURI, "mo");
      mo.textContent = c;
      mo.dataset.liveParen = "";
      return mo;
    });
    mn.before(left);
    mn.after(right);
  } else {
    mn.previousElementSibling.remove();
    mn.nextElementSibling.remove();
  }
}

// A figure's label, longer with your numbers, is narrowed to the room its place leaves: its own
// width on both sides of its centre within the figure, and no more than the gap to the next one.
function fitLabels(article) {
  for (const svg of article.querySelectorAll("figure.diagram svg")) {
    const width = svg.viewBox.baseVal.width;
    for (const line of svg.querySelectorAll("text, text > tspan[x]")) {
      if (line.localName === "text" && line.querySelector("tspan[x]")) continue;
      if (!line.querySelector("[data-key], [data-input]")) continue;
      line.removeAttribute("textLength");
      const x = Number(line.getAttribute("x"));
      const room = Math.min(2 * Math.min(x, width - x), 160) - 4;
      if (line.getComputedTextLength() > room) {
        line.setAttribute("textLength", room);
        line.setAttribute("lengthAdjust", "spacingAndGlyphs");
      }
    }
  }
}

function problemFile(p) {
  const list = (...names) => `[${names.map((n) => written(p[n])).join(", ")}]`;
  const lines = [
    "# python -m derivations solve THIS_FILE.toml",
    `x = ${list("x1", "x2")}`,
    `weights = ${list("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8")}   # W1..W8`,
    `targets = ${list("target_o1", "target_o2")}`,
    `learning_rate = ${written(p.learning_rate)}`,
  ];
  if (p.b_hidden !== 0 || p.b_output !== 0) lines.push(`biases = ${list("b_hidden", "b_output")}   # [hidden, output]`);
  return lines.join("\n") + "\n";
}

// What holds the notes' own numbers only (their printed column is hidden by the stylesheet): a
// line saying so before each, shown while the inputs differ from the notes'.
function markNotesOnly(article, words) {
  const places = [
    ...["where-the-notes-slip", "two-routes-one-answer"].map((id) => document.getElementById(id)),
    ...article.querySelectorAll("details.example"),
  ].filter(Boolean);
  // Columns are selected by their English name (data-column), the same in every edition.
  for (const th of article.querySelectorAll('table.steps th[data-column="note"]')) th.classList.add("live-note-column");
  const say = (place, where, text) => {
    const note = document.createElement("p");
    note.className = "live-note live-notes-only";
    note.textContent = text;
    place.insertAdjacentElement(where, note);
  };
  for (const place of places) {
    say(place, place.tagName === "DETAILS" ? "beforebegin" : "afterend", words("notesOnly"));
  }
  for (const caption of article.querySelectorAll("figure.backward-pass figcaption")) {
    say(caption, "beforeend", " " + words("figure"));
  }
}

function start(form) {
  // live.js (loaded on every page before this module) reads the panel's words off the form.
  const words = (kind, names) => window.livePanel.words(form, kind, names);
  const fields = Object.fromEntries(INPUTS.map((name) => [name, form.elements.namedItem(name)]));
  const defaults = Object.fromEntries(INPUTS.map((name) => [name, parse(fields[name].dataset.default)]));
  const status = form.querySelector(".live-note[role=status]");
  const toml = form.querySelector("textarea");
  const article = form.closest("article") || document.body;
  markNotesOnly(article, words);

  const afterOperator = new Set([...article.querySelectorAll("mn[data-key], mn[data-input]")]
    .filter((mn) => isOperator(mn.previousElementSibling)));
  let cut = false;

  function show(p, values) {
    const changed = INPUTS.some((name) => p[name] !== defaults[name]);
    if (changed && !cut) {
      for (const math of article.querySelectorAll('td[data-column="with the numbers"] math')) {
        cutAtOperators(math);
      }
      cut = true;
    }
    const write = (el, text, value) => {
      el.textContent = text;
      if (afterOperator.has(el)) parenthesize(el, value < 0);
    };
    for (const [key, value] of Object.entries(values)) {
      for (const el of article.querySelectorAll(`[data-key="${key}"]`)) write(el, shown(value), value);
    }
    for (const name of INPUTS) {
      for (const el of article.querySelectorAll(`[data-input="${name}"]`)) write(el, input(p[name]), p[name]);
    }
    fitLabels(article);
    document.body.classList.toggle("live-changed", changed);
    toml.value = problemFile(p);
    // The inputs live in the address's fragment (#x1=0.1&x2=…), so a link reproduces them; a
    // heading's fragment is left alone while the inputs are the notes'.
    if (changed) {
      const fragment = "#" + new URLSearchParams(INPUTS.map((n) => [n, written(p[n])]));
      if (location.hash !== fragment) history.replaceState(history.state, "", fragment);
    } else if (ours(location.hash)) {
      history.replaceState(history.state, "", location.pathname + location.search);
    }
    const biased = p.b_hidden !== 0 || p.b_output !== 0;
    document.body.classList.toggle("live-biased", biased);
    status.textContent = biased ? words("biased") : changed ? words("changed") : "";
  }

  // Recompute from the fields; an invalid field is marked and the page keeps its last values.
  function update() {
    const p = {};
    const invalid = [];
    for (const name of INPUTS) {
      const value = parse(fields[name].value);
      const bad = value === null || (name === "learning_rate" && !(value > 0));
      if (bad) fields[name].setAttribute("aria-invalid", "true");
      else fields[name].removeAttribute("aria-invalid");
      fields[name].closest(".live-field").classList.toggle("live-invalid", bad);
      if (bad) invalid.push(name);
      p[name] = value;
    }
    if (invalid.length) {
      status.textContent = words(invalid.includes("learning_rate") ? "invalidRate" : "invalid", invalid.join(", "));
      return;
    }
    let values;
    try {
      values = solve(p);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      status.textContent = words("range");
      return;
    }
    show(p, values);
  }

  // Inputs from the address: those it names, the notes' for the rest; one it gives that is not a
  // number is refused, the notes' value kept.
  function fromAddress() {
    const given = new URLSearchParams(location.hash.slice(1));
    const refused = [];
    for (const name of INPUTS) {
      const text = given.get(name);
      if (text !== null && parse(text) === null) refused.push(name);
      fields[name].value = text === null || parse(text) === null ? fields[name].dataset.default : text;
    }
    update();
    if (refused.length) status.textContent = words("address", refused.join(", "));
  }

  form.addEventListener("input", update);
  window.addEventListener("hashchange", () => { if (ours(location.hash)) fromAddress(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector('[data-action="reset"]').addEventListener("click", () => {
    for (const name of INPUTS) fields[name].value = fields[name].dataset.default;
    update();
  });
  form.querySelector('[data-action="copy"]').addEventListener("click", () => {
    const done = () => { status.textContent = words("copied"); };
    const select = () => { toml.select(); status.textContent = words("select"); };
    navigator.clipboard ? navigator.clipboard.writeText(toml.value).then(done, select) : select();
  });
  form.hidden = false;
  if (ours(location.hash)) fromAddress();
  else update();
}

const form = document.querySelector('form.live-panel[data-live="backprop_2_2_2"]');
if (form) start(form);
