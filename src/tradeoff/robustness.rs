//! Robustness beyond one flip (issue 9, item 10): how far the winner's lead survives changes
//! to the weights and impacts, against *all* options in play, not just the runner-up
//! (field-research.md part d shows a third option taking the lead while the runner-up never
//! does).
//!
//! - per criterion: the interval of its weight (within 0..=5, others fixed) over which the
//!   winner stays the winner, and the nearest weight that makes another option win;
//! - acceptability (SMAA-style, Lahdelma & Salminen): the share of weight vectors within ±1 of
//!   the current weights (clamped to 0..=5) in which each option wins. Exact up to
//!   [`EXACT_VECTORS`] vectors (3^12), a seeded sample of [`SAMPLE_VECTORS`] beyond, drawn with
//!   a small SplitMix64 generator (no RNG crate needed);
//! - the smallest change to one impact that changes the winner;
//! - a verdict: fragile when the winner's acceptability is under 60 % or its margin is ≤ 1.
//!
//! Every comparison goes through [`ImpactMatrix::beats`] (or, for a changed impact row, the
//! same rule in [`ImpactMatrix::wins_tie_rows`]), so ties are resolved exactly as in the ranking: by the
//! user's priorities at the weights being evaluated, then by the tree's tie-break order.

use serde::Serialize;

use super::rank::ImpactMatrix;
use crate::tree::analyze::SplitMix64;
use crate::tree::{IMPACT_RANGE, WEIGHT_RANGE};

/// Vectors enumerated exactly (3^12).
pub const EXACT_VECTORS: u64 = 531_441;
/// Vectors drawn beyond [`EXACT_VECTORS`].
pub const SAMPLE_VECTORS: u64 = 200_000;
/// The sample is drawn in this many chunks, each from its own seed (run on several cores).
const SAMPLE_CHUNKS: u64 = 4;
/// Seed of that sample.
pub const SAMPLE_SEED: u64 = 0x0AC0_E97A_B111_7EED;
/// A winner with less acceptability than this is fragile.
pub const FRAGILE_SHARE: f64 = 0.6;
/// A winner leading by this much or less is fragile.
pub const FRAGILE_MARGIN: i64 = 1;

/// A change of one criterion's weight that makes another option win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightChange {
    pub criterion: usize,
    pub from: i64,
    pub to: i64,
    pub new_winner: usize,
}

/// The weights of one criterion (others fixed) over which the winner stays the winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightInterval {
    pub criterion: usize,
    pub weight: i64,
    pub lo: i64,
    pub hi: i64,
    /// The nearest weight outside `lo..=hi` (the lower one when both are equally near), if any.
    pub change: Option<WeightChange>,
}

/// A change to one impact that makes another option win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpactChange {
    pub option: usize,
    pub criterion: usize,
    pub from: i64,
    pub to: i64,
    pub new_winner: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acceptability {
    /// Per option (matrix order): share of the weight vectors in which it wins; 0 for options
    /// out of play. Sums to 1.
    pub shares: Vec<f64>,
    /// Vectors in the ±1 neighbourhood.
    pub vectors: u64,
    /// `None` when every vector was evaluated; else the seed of the sample.
    pub seed: Option<u64>,
    /// Vectors evaluated (all, or the sample).
    pub evaluated: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    pub winner: usize,
    /// The best other option in play, and the winner's lead over it.
    pub runner_up: Option<usize>,
    pub margin: Option<i64>,
    /// One per criterion, in criterion order.
    pub intervals: Vec<WeightInterval>,
    /// The smallest single-weight change that makes any option win (ties: criterion order).
    pub nearest_weight_change: Option<WeightChange>,
    pub acceptability: Acceptability,
    /// The smallest change to one impact that changes the winner.
    pub impact_change: Option<ImpactChange>,
    pub fragile: bool,
}

fn winner_with(m: &ImpactMatrix, weights: &[i64], in_play: &[bool]) -> Option<usize> {
    m.winner(weights, in_play)
}

/// The weight interval of criterion `k` and the nearest change of it that alters the winner.
pub fn weight_interval(
    m: &ImpactMatrix,
    weights: &[i64],
    in_play: &[bool],
    winner: usize,
    k: usize,
) -> WeightInterval {
    let (wlo, whi) = (*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
    let mut w = weights.to_vec();
    let cur = weights[k];
    let mut at = |x: i64| {
        w[k] = x;
        winner_with(m, &w, in_play)
    };
    let mut lo = cur;
    let mut below = None;
    while lo > wlo {
        let o = at(lo - 1);
        if o != Some(winner) {
            below = o.map(|o| (lo - 1, o));
            break;
        }
        lo -= 1;
    }
    let mut hi = cur;
    let mut above = None;
    while hi < whi {
        let o = at(hi + 1);
        if o != Some(winner) {
            above = o.map(|o| (hi + 1, o));
            break;
        }
        hi += 1;
    }
    let pick = match (below, above) {
        (Some(b), Some(a)) => Some(if cur - b.0 <= a.0 - cur { b } else { a }),
        (b, a) => b.or(a),
    };
    WeightInterval {
        criterion: k,
        weight: cur,
        lo,
        hi,
        change: pick.map(|(to, new_winner)| WeightChange {
            criterion: k,
            from: cur,
            to,
            new_winner,
        }),
    }
}

/// The inputs and result of the last [`acceptability`] call on this thread. The TUI rebuilds
/// the decision object on every keystroke; most keystrokes (moving a cursor) change nothing it
/// depends on, and 3^12 vectors cost a few milliseconds, so the last result is reused.
type AcceptabilityMemo = (
    Vec<i64>,
    (Vec<usize>, bool),
    Vec<i64>,
    Vec<bool>,
    Acceptability,
);

thread_local! {
    static LAST: std::cell::RefCell<Option<AcceptabilityMemo>> =
        const { std::cell::RefCell::new(None) };
}

/// Acceptability shares over the ±1 neighbourhood of `weights`.
pub fn acceptability(m: &ImpactMatrix, weights: &[i64], in_play: &[bool]) -> Acceptability {
    let impacts: Vec<i64> = (0..m.options.len())
        .flat_map(|o| m.row(o).iter().copied())
        .collect();
    let hit = LAST.with(|last| {
        last.borrow().as_ref().and_then(|(i, t, w, p, a)| {
            (*i == impacts
                && t.0 == m.tie_rank
                && t.1 == m.priorities_first
                && w == weights
                && p == in_play)
                .then(|| a.clone())
        })
    });
    if let Some(a) = hit {
        return a;
    }
    let a = acceptability_with_limit(m, weights, in_play, EXACT_VECTORS, SAMPLE_VECTORS);
    LAST.with(|last| {
        *last.borrow_mut() = Some((
            impacts,
            (m.tie_rank.clone(), m.priorities_first),
            weights.to_vec(),
            in_play.to_vec(),
            a.clone(),
        ));
    });
    a
}

/// [`acceptability`] with explicit limits (tests force the sampled mode on small cases).
pub fn acceptability_with_limit(
    m: &ImpactMatrix,
    weights: &[i64],
    in_play: &[bool],
    exact_limit: u64,
    sample: u64,
) -> Acceptability {
    let (wlo, whi) = (*WEIGHT_RANGE.start(), *WEIGHT_RANGE.end());
    let c = m.criteria.len();
    let lo: Vec<i64> = weights.iter().map(|&w| (w - 1).max(wlo)).collect();
    let hi: Vec<i64> = weights.iter().map(|&w| (w + 1).min(whi)).collect();
    let vectors = (0..c).fold(1u64, |acc, k| {
        acc.saturating_mul((hi[k] - lo[k] + 1) as u64)
    });
    // In-play options in tie-break order, so "first with the highest score" is the winner.
    let mut play: Vec<usize> = (0..m.options.len()).filter(|&o| in_play[o]).collect();
    play.sort_by_key(|&o| m.tie_rank[o]);
    // An option that scores below some other option in play at every weight vector of the
    // box never wins and never ties for the top, so leaving it out changes no share (and no
    // sampled draw); the enumeration then adds up fewer scores. The lowest value over the box
    // of a score difference is the sum over criteria of its lower end, weight by weight.
    let always_below = |j: usize| {
        play.iter().any(|&k| {
            k != j
                && (0..c)
                    .map(|cr| {
                        let d = m.impact(k, cr) - m.impact(j, cr);
                        (lo[cr] * d).min(hi[cr] * d)
                    })
                    .sum::<i64>()
                    > 0
        })
    };
    let play: Vec<usize> = play.iter().copied().filter(|&j| !always_below(j)).collect();
    let mut wins = vec![0u64; m.options.len()];
    let p = play.len();
    if p == 0 {
        return Acceptability {
            shares: vec![0.0; m.options.len()],
            vectors,
            seed: None,
            evaluated: 0,
        };
    }
    if p == 1 {
        // The one option left wins every vector.
        let (evaluated, seed) = if vectors <= exact_limit {
            (vectors, None)
        } else {
            (sample, Some(SAMPLE_SEED))
        };
        wins[play[0]] = evaluated;
        return Acceptability {
            shares: wins.iter().map(|&x| x as f64 / evaluated as f64).collect(),
            vectors,
            seed,
            evaluated,
        };
    }
    if p == 2 && !m.priorities_first && vectors <= exact_limit {
        // Two options and ties decided by the tree's order alone: the winner depends only on
        // the score difference, a sum of one independent term per criterion, so counting the
        // vectors is a convolution over criteria (a few hundred values) instead of visiting
        // every vector. A tie goes to the first in tie-break order, as below.
        let (first, second) = (play[0], play[1]);
        let mut counts: Vec<u64> = vec![1];
        let mut low = 0i64;
        for cr in 0..c {
            let d = m.impact(second, cr) - m.impact(first, cr);
            let terms: Vec<i64> = (lo[cr]..=hi[cr]).map(|w| w * d).collect();
            let (tmin, tmax) = (
                *terms.iter().min().unwrap_or(&0),
                *terms.iter().max().unwrap_or(&0),
            );
            let mut next = vec![0u64; counts.len() + (tmax - tmin) as usize];
            for (i, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                for t in &terms {
                    next[i + (t - tmin) as usize] += n;
                }
            }
            counts = next;
            low += tmin;
        }
        let second_wins: u64 = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| low + *i as i64 > 0)
            .map(|(_, n)| n)
            .sum();
        wins[second] = second_wins;
        wins[first] = vectors - second_wins;
        return Acceptability {
            shares: wins.iter().map(|&x| x as f64 / vectors as f64).collect(),
            vectors,
            seed: None,
            evaluated: vectors,
        };
    }
    // Column-major impacts of the options in play, flat: cols[k * p + i].
    let mut cols = vec![0i64; c * p];
    for k in 0..c {
        for (i, &o) in play.iter().enumerate() {
            cols[k * p + i] = m.impact(o, k);
        }
    }
    // Index of the highest score (the first on equal scores), and whether another shares it.
    #[inline]
    fn argmax<T: Copy + Ord>(scores: &[T]) -> (usize, bool) {
        let mut best = 0;
        let mut top = scores[0];
        let mut tied = false;
        for (i, &x) in scores.iter().enumerate().skip(1) {
            if x > top {
                best = i;
                top = x;
                tied = false;
            } else if x == top {
                tied = true;
            }
        }
        (best, tied)
    }
    // Among the options sharing the top score with `best`, the one that wins the tie under
    // the weights `w` (the same rule as the ranking). Only needed when the tree puts the
    // user's priorities first (else the first in `play`, which is in tie-break order, wins)
    // and only on a tie, so the common case costs one comparison more per option.
    let pf = m.priorities_first;
    fn resolve<T: Copy + Eq>(
        m: &ImpactMatrix,
        play: &[usize],
        scores: &[T],
        best: usize,
        w: &[i64],
    ) -> usize {
        let mut b = best;
        for i in best + 1..scores.len() {
            if scores[i] == scores[best] && m.wins_tie(play[i], play[b], w) {
                b = i;
            }
        }
        b
    }
    let mut wbuf = weights.to_vec();
    let mut play_wins = vec![0u64; p];
    let (evaluated, seed) = if vectors <= exact_limit {
        // Odometer over criteria 1.. with scores kept incrementally in `base`; criterion 0 is
        // swept innermost from a scratch copy, so most vectors cost p additions and an argmax.
        let mut cur = lo.clone();
        let mut base: Vec<i64> = play.iter().map(|&o| m.score(o, &cur)).collect();
        let mut scratch = base.clone();
        let col0 = &cols[0..p];
        'outer: loop {
            scratch.copy_from_slice(&base);
            for w0 in lo[0]..=hi[0] {
                if w0 > lo[0] {
                    for (s, a) in scratch.iter_mut().zip(col0) {
                        *s += a;
                    }
                }
                let best = match argmax(&scratch) {
                    (b, true) if pf => {
                        wbuf.copy_from_slice(&cur);
                        wbuf[0] = w0;
                        resolve(m, &play, &scratch, b, &wbuf)
                    }
                    (b, _) => b,
                };
                play_wins[best] += 1;
            }
            let mut k = 1;
            loop {
                if k >= c {
                    break 'outer;
                }
                let col = &cols[k * p..(k + 1) * p];
                if cur[k] < hi[k] {
                    cur[k] += 1;
                    for (s, a) in base.iter_mut().zip(col) {
                        *s += a;
                    }
                    break;
                }
                let d = cur[k] - lo[k];
                cur[k] = lo[k];
                if d != 0 {
                    for (s, a) in base.iter_mut().zip(col) {
                        *s -= d * a;
                    }
                }
                k += 1;
            }
        }
        (vectors, None)
    } else {
        // Each sampled vector differs from the current weights by at most 1 per criterion, so
        // its scores are the current scores plus or minus a few impact columns (i32, which
        // vectorises). The sample is drawn in a fixed number of chunks, each from its own
        // seed, and the chunks run on the available cores: the result depends only on the
        // seed, never on the machine, and many criteria no longer make `decide` slow.
        let base: Vec<i64> = play.iter().map(|&o| m.score(o, weights)).collect();
        let narrow = base.iter().all(|s| i32::try_from(*s).is_ok())
            && cols.iter().all(|a| i32::try_from(*a).is_ok());
        // Meet in the middle: the score change of every combination of the first half of the
        // criteria, and of the second half, is tabulated once; a sample is then the current
        // scores plus one row of each table (p additions instead of one column per criterion).
        let range: Vec<u64> = (0..c).map(|k| (hi[k] - lo[k] + 1) as u64).collect();
        let half = c / 2;
        let size_a: u64 = range[..half].iter().product();
        let size_b: u64 = range[half..].iter().product();
        let cols32: Vec<i32> = cols.iter().map(|&a| a as i32).collect();
        let tabulate = |ks: std::ops::Range<usize>, size: u64| -> Vec<i32> {
            let mut t = vec![0i32; size as usize * p];
            for i in 0..size {
                let mut rest = i;
                let row = &mut t[i as usize * p..(i as usize + 1) * p];
                for k in ks.clone() {
                    let digit = rest % range[k];
                    rest /= range[k];
                    let d = (lo[k] + digit as i64 - weights[k]) as i32;
                    if d != 0 {
                        for (s, a) in row.iter_mut().zip(&cols32[k * p..(k + 1) * p]) {
                            *s += d * a;
                        }
                    }
                }
            }
            t
        };
        let tables = (narrow && size_a <= 60_000 && size_b <= 60_000)
            .then(|| (tabulate(0..half, size_a), tabulate(half..c, size_b)));
        let run_chunk = |chunk: u64, n: u64| -> Vec<u64> {
            let mut wins = vec![0u64; p];
            let mut rng = SplitMix64(SAMPLE_SEED ^ chunk.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let base32: Vec<i32> = base.iter().map(|&s| s as i32).collect();
            if let Some((ta, tb)) = &tables {
                let mut scores32 = vec![0i32; p];
                let mut w = weights.to_vec();
                for _ in 0..n {
                    let mut bits = rng.next_u64();
                    let mut used = 0u32;
                    let (mut ia, mut ib, mut ma, mut mb) = (0u64, 0u64, 1u64, 1u64);
                    for (k, &r) in range.iter().enumerate() {
                        if used >= 20 {
                            bits = rng.next_u64();
                            used = 0;
                        }
                        let wide = u128::from(bits) * u128::from(r);
                        bits = wide as u64;
                        used += 1;
                        let digit = (wide >> 64) as u64;
                        if k < half {
                            ia += digit * ma;
                            ma *= r;
                        } else {
                            ib += digit * mb;
                            mb *= r;
                        }
                    }
                    let ra = &ta[ia as usize * p..(ia as usize + 1) * p];
                    let rb = &tb[ib as usize * p..(ib as usize + 1) * p];
                    for (((s, &b), &x), &y) in scores32.iter_mut().zip(&base32).zip(ra).zip(rb) {
                        *s = b + x + y;
                    }
                    let best = match argmax(&scores32) {
                        (b, true) if pf => {
                            // Rebuild this sample's weights from its two table rows.
                            let (mut ra, mut rb) = (ia, ib);
                            for (k, &r) in range.iter().enumerate() {
                                let rest = if k < half { &mut ra } else { &mut rb };
                                w[k] = lo[k] + (*rest % r) as i64;
                                *rest /= r;
                            }
                            resolve(m, &play, &scores32, b, &w)
                        }
                        (b, _) => b,
                    };
                    wins[best] += 1;
                }
                return wins;
            }
            let mut scores32 = vec![0i32; p];
            let mut scores = vec![0i64; p];
            let mut wv = weights.to_vec();
            for _ in 0..n {
                if narrow {
                    scores32.copy_from_slice(&base32);
                } else {
                    scores.copy_from_slice(&base);
                }
                // One 64-bit draw yields many small uniform digits: each multiply by the
                // range takes the high word as the digit and keeps the low word for the next
                // (at most 3 values per criterion, so 64 bits serve about 20 criteria).
                let mut bits = rng.next_u64();
                let mut used = 0u32;
                for k in 0..c {
                    let n = (hi[k] - lo[k] + 1) as u64;
                    if used >= 20 {
                        bits = rng.next_u64();
                        used = 0;
                    }
                    let wide = u128::from(bits) * u128::from(n);
                    bits = wide as u64;
                    used += 1;
                    let wk = lo[k] + (wide >> 64) as i64;
                    wv[k] = wk;
                    let d = wk - weights[k];
                    if d == 0 {
                        continue;
                    }
                    if narrow {
                        let d = d as i32;
                        for (s, a) in scores32.iter_mut().zip(&cols32[k * p..(k + 1) * p]) {
                            *s += d * a;
                        }
                    } else {
                        for (s, a) in scores.iter_mut().zip(&cols[k * p..(k + 1) * p]) {
                            *s += d * a;
                        }
                    }
                }
                if narrow {
                    scores
                        .iter_mut()
                        .zip(&scores32)
                        .for_each(|(s, &x)| *s = i64::from(x));
                }
                let best = match argmax(&scores) {
                    (b, true) if pf => resolve(m, &play, &scores, b, &wv),
                    (b, _) => b,
                };
                wins[best] += 1;
            }
            wins
        };
        let sizes: Vec<u64> = (0..SAMPLE_CHUNKS)
            .map(|i| sample / SAMPLE_CHUNKS + u64::from(i < sample % SAMPLE_CHUNKS))
            .collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(SAMPLE_CHUNKS as usize);
        let results: Vec<Vec<u64>> = if threads <= 1 {
            (0..SAMPLE_CHUNKS)
                .map(|i| run_chunk(i, sizes[i as usize]))
                .collect()
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let run_chunk = &run_chunk;
                        let sizes = &sizes;
                        scope.spawn(move || {
                            (t as u64..SAMPLE_CHUNKS)
                                .step_by(threads)
                                .map(|i| run_chunk(i, sizes[i as usize]))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().expect("a sampling thread does not panic"))
                    .collect()
            })
        };
        for w in results {
            for (total, x) in play_wins.iter_mut().zip(w) {
                *total += x;
            }
        }
        (sample, Some(SAMPLE_SEED))
    };
    for (i, &o) in play.iter().enumerate() {
        wins[o] = play_wins[i];
    }
    Acceptability {
        shares: wins.iter().map(|&x| x as f64 / evaluated as f64).collect(),
        vectors,
        seed,
        evaluated,
    }
}

/// The smallest change to one impact (of any option in play, within −2..=2) that changes the
/// winner. Ties: by size, then tie-break order of the option changed, then criterion order,
/// then the new value (lowest first).
pub fn impact_change(
    m: &ImpactMatrix,
    weights: &[i64],
    in_play: &[bool],
    winner: usize,
) -> Option<ImpactChange> {
    let scores: Vec<i64> = (0..m.options.len()).map(|o| m.score(o, weights)).collect();
    let mut play: Vec<usize> = (0..m.options.len()).filter(|&o| in_play[o]).collect();
    play.sort_by_key(|&o| m.tie_rank[o]);
    // The winner when option `changed` has the impact row `row` (and so `new_score`): a tie is
    // decided by the same rule as the ranking, on the changed row.
    let win_of = |changed: usize, row: &[i64], new_score: i64| {
        let row_of = |o: usize| if o == changed { row } else { m.row(o) };
        let mut best: Option<(usize, i64)> = None;
        for &o in &play {
            let s = if o == changed { new_score } else { scores[o] };
            let better = best.is_none_or(|(b, bs)| {
                s > bs || (s == bs && m.wins_tie_rows(row_of(o), o, row_of(b), b, weights))
            });
            if better {
                best = Some((o, s));
            }
        }
        best.map(|(o, _)| o)
    };
    let mut row: Vec<i64> = Vec::new();
    let mut best: Option<(i64, ImpactChange)> = None;
    for &o in &play {
        for (k, &w) in weights.iter().enumerate().take(m.criteria.len()) {
            if w == 0 {
                continue;
            }
            let a = m.impact(o, k);
            for v in IMPACT_RANGE {
                let size = (v - a).abs();
                if size == 0 || best.as_ref().is_some_and(|(s, _)| size >= *s) {
                    continue;
                }
                row.clear();
                row.extend_from_slice(m.row(o));
                row[k] = v;
                let nw = win_of(o, &row, scores[o] + (v - a) * w);
                if let Some(nw) = nw
                    && nw != winner
                {
                    best = Some((
                        size,
                        ImpactChange {
                            option: o,
                            criterion: k,
                            from: a,
                            to: v,
                            new_winner: nw,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Everything above for the current weights; `None` when no option is in play.
pub fn robustness(m: &ImpactMatrix, weights: &[i64], in_play: &[bool]) -> Option<Robustness> {
    let winner = m.winner(weights, in_play)?;
    let win_score = m.score(winner, weights);
    let mut runner: Option<(usize, i64)> = None;
    for (o, _) in in_play
        .iter()
        .enumerate()
        .filter(|&(o, p)| *p && o != winner)
    {
        let s = m.score(o, weights);
        if runner.is_none_or(|(r, rs)| m.beats(o, s, r, rs, weights)) {
            runner = Some((o, s));
        }
    }
    let intervals: Vec<WeightInterval> = (0..m.criteria.len())
        .map(|k| weight_interval(m, weights, in_play, winner, k))
        .collect();
    let nearest_weight_change = intervals
        .iter()
        .filter_map(|i| i.change.clone())
        .min_by_key(|c| ((c.to - c.from).abs(), c.criterion));
    let acceptability = acceptability(m, weights, in_play);
    let impact_change = impact_change(m, weights, in_play, winner);
    let margin = runner.map(|(_, s)| win_score - s);
    let fragile =
        acceptability.shares[winner] < FRAGILE_SHARE || margin.is_some_and(|x| x <= FRAGILE_MARGIN);
    Some(Robustness {
        winner,
        runner_up: runner.map(|(o, _)| o),
        margin,
        intervals,
        nearest_weight_change,
        acceptability,
        impact_change,
        fragile,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// field-research.md part (d): a third option takes the lead while the runner-up never does.
    #[test]
    fn a_third_option_can_take_the_lead() {
        // Criteria x, y. A = (2, 0), B = (0, -2)... B never catches A; C = (-1, 2) does when y
        // rises.
        let m = ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into(), "t.c".into()],
            vec!["t.x".into(), "t.y".into()],
            vec![2, 0, 1, 0, -1, 2],
        );
        let w = [3, 2];
        // A = 6, B = 3, C = 1.
        let r = robustness(&m, &w, &[true; 3]).unwrap();
        assert_eq!(r.winner, 0);
        assert_eq!(r.runner_up, Some(1));
        // y at 5: A = 6, C = 7: C wins.
        let y = &r.intervals[1];
        assert_eq!((y.lo, y.hi), (0, 4));
        assert_eq!(y.change.as_ref().unwrap().new_winner, 2);
        assert_eq!(y.change.as_ref().unwrap().to, 5);
    }

    #[test]
    fn shares_sum_to_one_and_fragility_follows_the_margin() {
        let m = ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into()],
            vec!["t.x".into(), "t.y".into()],
            vec![1, 0, 0, 1],
        );
        let r = robustness(&m, &[3, 3], &[true, true]).unwrap();
        let sum: f64 = r.acceptability.shares.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert_eq!(r.margin, Some(0));
        assert!(r.fragile);
        assert_eq!(r.acceptability.vectors, 9);
    }
}
