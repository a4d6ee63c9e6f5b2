// Softmax, its Jacobian, and categorical cross-entropy with its gradient, in the page: logits and
// a true class in, float64 out, written from the formulas on the page and computed the stable way
// the NumPy code is. The plumbing (fields, address, display) is live.js.
"use strict";

// --8<-- [start:softmax]
// s_i = e^(z_i − m) / Σ_j e^(z_j − m) with m the largest logit: no exponent is positive, nothing
// overflows. Where a value is 1 minus something, the something is summed directly, so a
// probability within rounding of 1 loses no digit: s_i(1 − s_i) is s_i Σ_{j≠i} s_j, and
// L = −ln s_k = (m − z_k) + ln(1 + Σ_{j≠top} e^(z_j − m)) uses log1p.
function softmaxCrossEntropy(z, k) {
  const n = z.length;
  const m = Math.max(...z);
  const top = z.indexOf(m);
  const e = z.map((zj) => Math.exp(zj - m));
  const others = (i) => e.reduce((total, ej, j) => (j === i ? total : total + ej), 0);
  const total = 1 + others(top);  // e[top] is exactly 1
  const s = e.map((ej) => ej / total);
  const rest = s.map((_, i) => others(i) / total);  // Σ_{j≠i} s_j, that is 1 − s_i
  const values = {};
  for (let i = 0; i < n; i++) {
    values[`s${i + 1}`] = s[i];
    for (let j = 0; j < n; j++) values[`ds${i + 1}_dz${j + 1}`] = i === j ? s[i] * rest[i] : -s[i] * s[j];
    values[`dL_dz${i + 1}`] = i === k - 1 ? -rest[i] : s[i];  // s_j − y_j
  }
  values.L = (m - z[k - 1]) + Math.log1p(others(top));
  return values;
}
// --8<-- [end:softmax]

window.livePanel.start("softmax", (v) => {
  const z = Object.keys(v).filter((name) => name.startsWith("logits[")).map((name) => v[name]);
  if (!Number.isInteger(v.class) || v.class < 1 || v.class > z.length) throw new RangeError("class");
  return softmaxCrossEntropy(z, v.class);
});
