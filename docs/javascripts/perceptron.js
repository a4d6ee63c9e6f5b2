// 004's worked problem in the page: w(0), b(0), x, t and η in, the output and both update rules
// out, in float64, written from the formulas on the page (the same as the NumPy code beside it).
// The plumbing (fields, address, display) is live.js; this file is only the mathematics.
"use strict";

// --8<-- [start:rules]
// s = w1·x1 + w2·x2 + b; the delta rule takes y = s, the perceptron rule y = τ(s) (1 if s > 0,
// else −1); both then step w_i ← w_i + η(t − y)x_i and b ← b + η(t − y).
function perceptronWorked(w1, w2, b, x1, x2, t, eta) {
  const sum = window.livePanel.sum;
  const tau = (s) => (s > 0 ? 1 : -1);
  const weighted = (v1, v2, c) => sum(v1 * x1, v2 * x2, c);
  const s = weighted(w1, w2, b);
  const values = { w1x1: w1 * x1, w2x2: w2 * x2, s };
  for (const [rule, output] of [["delta", (v) => v], ["perceptron", tau]]) {
    const y = output(s);
    const error = sum(t, -y);
    const new1 = sum(w1, eta * error * x1);
    const new2 = sum(w2, eta * error * x2);
    const newB = sum(b, eta * error);
    const sNew = weighted(new1, new2, newB);
    Object.assign(values, {
      [`${rule}_y`]: y, [`${rule}_t_minus_y`]: error, [`${rule}_w1`]: new1, [`${rule}_w2`]: new2,
      [`${rule}_b`]: newB, [`${rule}_s_new`]: sNew, [`${rule}_y_new`]: output(sNew),
    });
  }
  return values;
}
// --8<-- [end:rules]

window.livePanel.start("perceptron", (v) => {
  if (!(v.learning_rate > 0)) throw new RangeError("learning_rate");
  return perceptronWorked(v["w0[0]"], v["w0[1]"], v.b0, v["x[0]"], v["x[1]"], v.t, v.learning_rate);
});
