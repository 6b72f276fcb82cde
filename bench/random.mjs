/** Deterministic pseudo-random numbers (an LCG), so every bench run measures the same corpus. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
