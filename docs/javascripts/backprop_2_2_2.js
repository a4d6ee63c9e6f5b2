// The 2-2-2 sigmoid network of the backpropagation page, one gradient-descent step, in float64.
//
// The third route beside SymPy (exact) and NumPy (float64): written from the same formulas, in
// the notes' names, with no dependency. solve(problem) returns a flat object whose keys are those
// of `python -m derivations solve --format json` for the 2-2-2 form and of every chain-rule factor
// solve derives (dE_do1, do1_dz3, dz3_dW5, …); the page shows each under data-key="<key>".
//
// problem: {x1, x2, W1 … W8, target_o1, target_o2, learning_rate, b_hidden, b_output}, numbers.

export const INPUTS = ["x1", "x2", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8",
  "target_o1", "target_o2", "learning_rate", "b_hidden", "b_output"];

// A product that left float64's range (an overflow, or a nonzero result rounded to 0) would show a
// wrong number; refuse the problem instead.
function times(...factors) {
  const product = factors.reduce((a, b) => a * b, 1);
  if (!Number.isFinite(product) || (product === 0 && factors.every((f) => f !== 0))) {
    throw new RangeError("outside float64's range");
  }
  return product;
}

// σ(z) = 1 / (1 + e^(−z)), never exponentiating a positive number.
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  if (e === 0 && z !== 0) throw new RangeError("outside float64's range");
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

// dσ/dz = σ(z)·(1 − σ(z)) = σ(z)·σ(−z): the second form loses nothing when σ(z) is near 1.
function sigmoidSlope(z) {
  return times(sigmoid(z), sigmoid(-z));
}

function sum(...terms) {
  const total = terms.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(total)) throw new RangeError("outside float64's range");
  return total;
}

// z1 … E_total for weights W (W[1] … W[8]): z1 = W1·x1 + W2·x2 + b_hidden, h1 = σ(z1), …,
// E_o1 = ½(target_o1 − o1)².
function forward(p, W) {
  const z1 = sum(times(W[1], p.x1), times(W[2], p.x2), p.b_hidden);
  const z2 = sum(times(W[3], p.x1), times(W[4], p.x2), p.b_hidden);
  const h1 = sigmoid(z1), h2 = sigmoid(z2);
  const z3 = sum(times(W[5], h1), times(W[6], h2), p.b_output);
  const z4 = sum(times(W[7], h1), times(W[8], h2), p.b_output);
  const o1 = sigmoid(z3), o2 = sigmoid(z4);
  const E_o1 = times(0.5, p.target_o1 - o1, p.target_o1 - o1);
  const E_o2 = times(0.5, p.target_o2 - o2, p.target_o2 - o2);
  return { z1, z2, h1, h2, z3, z4, o1, o2, E_o1, E_o2, E_total: sum(E_o1, E_o2) };
}

export function solve(p) {
  for (const name of INPUTS) {
    if (typeof p[name] !== "number" || !Number.isFinite(p[name])) {
      throw new TypeError(`${name} must be a finite number`);
    }
  }
  if (!(p.learning_rate > 0)) throw new RangeError("learning_rate must be > 0");
  const W = [null, p.W1, p.W2, p.W3, p.W4, p.W5, p.W6, p.W7, p.W8];
  const f = forward(p, W);
  const v = { ...f };

  // Step 1, the output weights: ∂E_total/∂W5 = ∂E_total/∂o1 · ∂o1/∂z3 · ∂z3/∂W5.
  v.dE_do1 = f.o1 - p.target_o1;
  v.dE_do2 = f.o2 - p.target_o2;
  v.do1_dz3 = sigmoidSlope(f.z3);
  v.do2_dz4 = sigmoidSlope(f.z4);
  v.dz3_dW5 = f.h1; v.dz3_dW6 = f.h2; v.dz4_dW7 = f.h1; v.dz4_dW8 = f.h2;
  v.dE_dW5 = times(v.dE_do1, v.do1_dz3, v.dz3_dW5);
  v.dE_dW6 = times(v.dE_do1, v.do1_dz3, v.dz3_dW6);
  v.dE_dW7 = times(v.dE_do2, v.do2_dz4, v.dz4_dW7);
  v.dE_dW8 = times(v.dE_do2, v.do2_dz4, v.dz4_dW8);

  // Step 2, the hidden weights: h1 feeds both outputs, so ∂E_total/∂h1 = ∂E_o1/∂h1 + ∂E_o2/∂h1,
  // each ∂E_ok/∂ok · ∂ok/∂z · ∂z/∂h1; then ∂E_total/∂W1 = ∂E_total/∂h1 · ∂h1/∂z1 · ∂z1/∂W1.
  v.dEo1_do1 = v.dE_do1;
  v.dEo2_do2 = v.dE_do2;
  v.dz3_dh1 = p.W5; v.dz3_dh2 = p.W6; v.dz4_dh1 = p.W7; v.dz4_dh2 = p.W8;
  v.dEo1_dh1 = times(v.dEo1_do1, v.do1_dz3, v.dz3_dh1);
  v.dEo2_dh1 = times(v.dEo2_do2, v.do2_dz4, v.dz4_dh1);
  v.dEo1_dh2 = times(v.dEo1_do1, v.do1_dz3, v.dz3_dh2);
  v.dEo2_dh2 = times(v.dEo2_do2, v.do2_dz4, v.dz4_dh2);
  v.dE_dh1 = sum(v.dEo1_dh1, v.dEo2_dh1);
  v.dE_dh2 = sum(v.dEo1_dh2, v.dEo2_dh2);
  v.dh1_dz1 = sigmoidSlope(f.z1);
  v.dh2_dz2 = sigmoidSlope(f.z2);
  v.dz1_dW1 = p.x1; v.dz1_dW2 = p.x2; v.dz2_dW3 = p.x1; v.dz2_dW4 = p.x2;
  v.dE_dW1 = times(v.dE_dh1, v.dh1_dz1, v.dz1_dW1);
  v.dE_dW2 = times(v.dE_dh1, v.dh1_dz1, v.dz1_dW2);
  v.dE_dW3 = times(v.dE_dh2, v.dh2_dz2, v.dz2_dW3);
  v.dE_dW4 = times(v.dE_dh2, v.dh2_dz2, v.dz2_dW4);

  // The update W⁺ = W − α·∂E_total/∂W (the biases stay), and the second forward pass with W⁺.
  const updated = [null];
  for (let i = 1; i <= 8; i++) {
    v[`W${i}_new`] = sum(W[i], -times(p.learning_rate, v[`dE_dW${i}`]));
    updated.push(v[`W${i}_new`]);
  }
  for (const [key, value] of Object.entries(forward(p, updated))) v[`${key}_new`] = value;
  return v;
}

// A value as the page prints it: eight decimals, rounded half away from zero (as the notes
// round); a nonzero value too small for eight decimals with three significant digits, never as 0.
export function shown(value) {
  if (value !== 0 && Math.abs(value) < 5e-9) return value.toExponential(2);
  return value.toFixed(8);
}
