// Live panels: a form of number fields whose values a page's own module turns into results.
// This file is the plumbing the panels share (reading fields, the page address, the display of a
// number); the mathematics is in each panel's module (perceptron.js, softmax.js). No dependency,
// nothing loaded from anywhere.
//
// A panel is <form class="live-panel" data-live="NAME" hidden>: hidden until this script runs,
// so without JavaScript the page is the static page. Each <input name=...> is one input; each
// element with data-key=KEY shows the value the module computes under KEY, the same key as the
// Python routes' (derivations.symbolic / derivations.numeric).
"use strict";

window.livePanel = (function () {
  const EPSILON = Number.EPSILON;

  // A sum whose result lies within float64's rounding of its terms is zero: the inputs are
  // decimals, and 0.3 − 0.1·3 must read 0, not 5.55e-17 (as the exact route has it).
  function sum(...terms) {
    const total = terms.reduce((a, b) => a + b, 0);
    const size = terms.reduce((a, b) => a + Math.abs(b), 0);
    return Math.abs(total) <= 4 * terms.length * EPSILON * size ? 0 : total;
  }

  // Eight decimals, as the site prints; a nonzero value too small for eight decimals is shown
  // with eight significant digits and its power of ten (1.2345678e-9), never as 0.
  function show(value) {
    if (value === 0) return "0";
    return Math.abs(value) < 1e-8 ? value.toExponential(7) : value.toFixed(8);
  }

  // A field's number, or null: empty, text, NaN and ±Infinity are not numbers here.
  function read(input) {
    const text = input.value.trim();
    if (text === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  }

  // A panel's words are in the page's language, on its form (data-say-KIND, generated from
  // derivations/tables/live.py); {names} is the fields concerned.
  function words(form, kind, names = "") {
    return form.dataset[`say${kind[0].toUpperCase()}${kind.slice(1)}`].replace("{names}", names);
  }

  // compute(values by input name) returns {key: number} or throws RangeError naming the input
  // that is out of its range. Results that are not finite count as out of range for the input
  // last edited.
  function start(name, compute) {
    const panel = document.querySelector(`form.live-panel[data-live="${name}"]`);
    if (!panel) return null;
    const inputs = [...panel.querySelectorAll("input[name]")];
    const outputs = [...panel.querySelectorAll("[data-key]")];
    const status = panel.querySelector(".live-status");

    function mark(input, invalid) {
      input.classList.toggle("live-invalid", invalid);
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }

    function say(text) {
      if (status) status.textContent = text;
    }

    // Recompute from the fields; on any bad field, mark it and leave the last good values.
    function update(edited) {
      const values = {};
      const bad = [];
      for (const input of inputs) {
        const value = read(input);
        if (value === null) bad.push(input);
        values[input.name] = value;
      }
      for (const input of inputs) mark(input, bad.includes(input));
      if (bad.length) {
        say(words(panel, "invalid", bad.map((i) => i.name).join(", ")));
        return false;
      }
      let results;
      try {
        results = compute(values);
        if (!Object.values(results).every(Number.isFinite)) throw new RangeError(edited ? edited.name : inputs[0].name);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        const input = inputs.find((i) => i.name === error.message) || inputs[0];
        mark(input, true);
        say(words(panel, "range", input.name));
        return false;
      }
      for (const output of outputs) output.textContent = show(results[output.dataset.key]);
      say("");
      return true;
    }

    // The inputs live in the page address (?name=value&...), so a link reproduces them.
    function remember() {
      const query = new URLSearchParams(inputs.map((i) => [i.name, i.value.trim()]));
      history.replaceState(history.state, "", `${location.pathname}?${query}${location.hash}`);
    }

    // Inputs from the address: those it names, the page's own for the rest; one it gives that is
    // not a number is refused and the page's value kept. The page's own values are computed first,
    // so a link whose values are out of range still leaves numbers shown, the last valid ones.
    function recall() {
      const query = new URLSearchParams(location.search);
      for (const input of inputs) input.value = input.defaultValue;
      update(null);
      const refused = [];
      for (const input of inputs) {
        input.value = query.has(input.name) ? query.get(input.name) : input.defaultValue;
        if (read(input) === null) {
          refused.push(input.name);
          input.value = input.defaultValue;
        }
      }
      if (update(null) && refused.length) say(words(panel, "address", refused.join(", ")));
    }

    panel.addEventListener("input", (event) => {
      if (update(event.target)) remember();
    });
    panel.addEventListener("submit", (event) => event.preventDefault());
    panel.addEventListener("reset", () => {
      // After the form has put back each field's default value (the data file's number).
      setTimeout(() => {
        history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
        update(null);
      });
    });
    window.addEventListener("popstate", recall);
    panel.hidden = false;
    recall();
    return panel;
  }

  return { start, sum, show, read, words };
})();
