/**
 * Seeded pseudo-random numbers for the Monte Carlo forecast: the core takes randomness only as an
 * argument, and the same seed must reproduce the same forecast on every machine. `mulberry32` is a
 * sequential stream (data generators); the forecast uses the counter-based draws at the end of this file.
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

/**
 * Murmur3's 32-bit finalizer: a bijection on 32-bit integers with full avalanche (each input bit flips
 * each output bit with probability about 1/2), which is what makes the counter-based draws below independent.
 */
function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes a string's UTF-16 code units from `basis` (a murmur-style multiply–xorshift per unit, then fmix32). */
function hashText(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return fmix32(h ^ text.length);
}

/**
 * A stream key for counter-based draws: two independent 32-bit hashes of an id (a constraint's), so two
 * different ids share their draws only if both hashes collide (about 2^-64 per pair; one 32-bit hash would
 * collide about once among 100,000 ids). Compute once per id, then draw with `counterUniform`.
 */
export interface StreamKey {
  readonly a: number;
  readonly b: number;
}

/** The stream key of an id (see StreamKey). */
export function streamKey(id: string): StreamKey {
  return { a: hashText(id, 0x9747b28c), b: hashText(id, 0x3c6ef372) };
}

/** The per-trial part of a counter-based draw: mixes the seed (modulo 2^32) and the trial number. */
export function trialKey(seed: number, trial: number): number {
  return fmix32((fmix32(seed >>> 0) + Math.imul(trial >>> 0, 0x9e3779b9)) >>> 0);
}

/**
 * A counter-based uniform in [0, 1): a pure function of (seed, trial, id) given `trialMix` = `trialKey(seed, trial)`
 * and `streamKey(id)`, with no state. A draw therefore does not depend on which other ids are drawn or in
 * what order, so a forecast over a subgraph draws exactly what the whole graph draws for the same constraints.
 */
export function counterUniform(trialMix: number, key: StreamKey): number {
  return mix(trialMix, key.a, key.b);
}

/** Stream keys of many ids as two columns (index i: ids[i]), for `fillUniforms`. */
export interface StreamKeys {
  readonly a: Uint32Array;
  readonly b: Uint32Array;
}

/** The stream keys of `ids`, in order. */
export function streamKeys(ids: readonly string[]): StreamKeys {
  const a = new Uint32Array(ids.length);
  const b = new Uint32Array(ids.length);
  ids.forEach((id, i) => {
    const key = streamKey(id);
    a[i] = key.a;
    b[i] = key.b;
  });
  return { a, b };
}

/**
 * Writes `counterUniform(trialMix, key i)` for every key into `out[i]`: the same draws, in a flat loop over
 * typed arrays (a forecast of 100,000 constraints draws tens of millions of them).
 */
export function fillUniforms(trialMix: number, keys: StreamKeys, out: Float64Array): void {
  const { a, b } = keys;
  for (let i = 0; i < a.length; i++) out[i] = mix(trialMix, a[i] ?? 0, b[i] ?? 0);
}

function mix(trialMix: number, a: number, b: number): number {
  return fmix32((fmix32(trialMix ^ a) + b) >>> 0) / 4_294_967_296;
}
