/**
 * Seeded pseudo-random numbers for the Monte Carlo forecast: the core takes randomness only as an
 * argument, and the same seed must reproduce the same forecast on every machine.
 */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast, period 2^32, passes gjrand's tests; ample
 * for a few million draws per forecast. `seed` is taken modulo 2^32.
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
