//! Weighted-sum ranking: score = Σ weight × impact. Integers throughout, so scores and ties are
//! exact.
//!
//! Two options with equal scores are compared by the user's own priorities first
//! ([`tie_level`]): the summed contribution (weight × impact) over the criteria with the
//! highest weight, then over those with the next weight, and so on. Only when they are equal at
//! every level does the tree's `tie_break.order` (carried here as a rank per option) decide,
//! never the id. Every output reports the tie and what decided it (see [`top_tie`]).
//!
//! Why this is the user's answer and not ours: it is exactly the winner when the weights are
//! nudged by an infinitesimal amount in the direction of the user's own order, each priority
//! level infinitely more than the one below it: w ↦ w·(1 + ε^r) as ε → 0, where r = 1 for the
//! highest weight in use, 2 for the next, … Among options with equal scores, the first level
//! (from the top) where their contributions differ decides the sign of the nudged difference.
//! (A single uniform nudge such as w^(1+ε) would instead weigh the levels by ln w and let a large
//! difference at a lower level outvote a small one at the top; the per-level rule is the one
//! that can be stated as "decided by your top priorities".) The property tests check the rule
//! against that nudge in exact integer arithmetic.

/// A tree's options × criteria impacts in one flat row-major table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactMatrix {
    pub options: Vec<String>,
    pub criteria: Vec<String>,
    impacts: Vec<i64>,
    /// Per option: its place in the tree's tie-break order (lower wins a tie).
    pub tie_rank: Vec<usize>,
    /// The tree's `tie_break.priorities_first`: at equal score, the user's priorities decide
    /// before the tie-break order.
    pub priorities_first: bool,
}

impl ImpactMatrix {
    /// # Panics
    /// When `impacts` is not `options.len() × criteria.len()` long: a programming error.
    pub fn new(options: Vec<String>, criteria: Vec<String>, impacts: Vec<i64>) -> Self {
        assert_eq!(impacts.len(), options.len() * criteria.len());
        let tie_rank = (0..options.len()).collect();
        ImpactMatrix {
            options,
            criteria,
            impacts,
            tie_rank,
            priorities_first: false,
        }
    }

    /// Lets the user's priorities decide a tie at equal score before the tie-break order.
    pub fn with_priorities_first(mut self, on: bool) -> Self {
        self.priorities_first = on;
        self
    }

    /// Sets the tie-break order (a rank per option; lower wins a tie). Without it, the listing
    /// order decides.
    ///
    /// # Panics
    /// When the length differs from the number of options: a programming error.
    pub fn with_tie_rank(mut self, tie_rank: Vec<usize>) -> Self {
        assert_eq!(tie_rank.len(), self.options.len());
        self.tie_rank = tie_rank;
        self
    }

    /// The impacts of one option, in criterion order.
    pub fn row(&self, option: usize) -> &[i64] {
        let c = self.criteria.len();
        &self.impacts[option * c..(option + 1) * c]
    }

    /// True when option `a` with score `sa` ranks above option `b` with score `sb` under
    /// `weights`: higher score, else higher at the first priority level where they differ
    /// ([`tie_level`]), else earlier in the tie-break order. The one comparison every part of
    /// the engine uses (ranking, analyze, robustness), so they always agree.
    #[inline]
    pub fn beats(&self, a: usize, sa: i64, b: usize, sb: i64, weights: &[i64]) -> bool {
        sa > sb || (sa == sb && self.wins_tie(a, b, weights))
    }

    /// At equal scores: true when `a` ranks above `b` (priorities when the tree puts them
    /// first, then the tie-break order).
    #[inline]
    pub fn wins_tie(&self, a: usize, b: usize, weights: &[i64]) -> bool {
        self.wins_tie_rows(self.row(a), a, self.row(b), b, weights)
    }

    /// [`Self::wins_tie`] for options `a` and `b` given their impact rows, for callers that
    /// compare a changed row with the matrix's own (robustness).
    #[inline]
    pub fn wins_tie_rows(
        &self,
        ra: &[i64],
        a: usize,
        rb: &[i64],
        b: usize,
        weights: &[i64],
    ) -> bool {
        match self
            .priorities_first
            .then(|| tie_level(ra, rb, weights))
            .flatten()
        {
            Some(l) => l.a > l.b,
            None => self.tie_rank[a] < self.tie_rank[b],
        }
    }

    /// What decides between `a` and `b` when their scores are equal.
    pub fn tie_decision(&self, a: usize, b: usize, weights: &[i64]) -> TieDecision {
        match self
            .priorities_first
            .then(|| tie_level(self.row(a), self.row(b), weights))
            .flatten()
        {
            Some(l) => TieDecision::Priorities(l),
            None => TieDecision::PreferenceOrder,
        }
    }

    /// The winner among `in_play` options under `weights`, or `None` when none is in play.
    pub fn winner(&self, weights: &[i64], in_play: &[bool]) -> Option<usize> {
        let mut best: Option<(usize, i64)> = None;
        for (o, _) in in_play.iter().enumerate().filter(|(_, p)| **p) {
            let s = self.score(o, weights);
            if best.is_none_or(|(b, bs)| self.beats(o, s, b, bs, weights)) {
                best = Some((o, s));
            }
        }
        best.map(|(o, _)| o)
    }

    pub fn impact(&self, option: usize, criterion: usize) -> i64 {
        self.impacts[option * self.criteria.len() + criterion]
    }

    pub fn score(&self, option: usize, weights: &[i64]) -> i64 {
        let row = &self.impacts[option * self.criteria.len()..(option + 1) * self.criteria.len()];
        row.iter().zip(weights).map(|(i, w)| i * w).sum()
    }
}

/// The first priority level, from the top, at which two options' contributions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// The weight shared by the criteria of this level (1..=5).
    pub weight: i64,
    /// Σ weight × impact over the level's criteria, for the first and the second option.
    pub a: i64,
    pub b: i64,
}

/// How a tie at equal score was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieDecision {
    /// By the user's priorities: the first level at which the contributions differ.
    Priorities(Level),
    /// The tree's `tie_break.order` decided: the options are equal at every priority level,
    /// or the tree does not put priorities first.
    PreferenceOrder,
}

/// The first priority level (highest weight first; weight-0 criteria count for nothing) at
/// which the contributions of two impact rows differ, or `None` when equal at every level.
pub fn tie_level(ra: &[i64], rb: &[i64], weights: &[i64]) -> Option<Level> {
    let mut above = i64::MAX;
    loop {
        let weight = weights
            .iter()
            .copied()
            .filter(|&w| w > 0 && w < above)
            .max()?;
        let (mut a, mut b) = (0, 0);
        for ((&w, &x), &y) in weights.iter().zip(ra).zip(rb) {
            if w == weight {
                a += w * x;
                b += w * y;
            }
        }
        if a != b {
            return Some(Level { weight, a, b });
        }
        above = weight;
    }
}

/// What one criterion added to an option's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contribution {
    pub criterion: usize,
    pub weight: i64,
    pub impact: i64,
    pub value: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub option: usize,
    pub score: i64,
    pub ruled_out: bool,
    /// Every criterion's contribution, largest magnitude first.
    pub contributions: Vec<Contribution>,
}

/// Ranks all options: those in play first, then the ruled-out ones; within each group by score
/// (highest first), then by priorities ([`tie_level`]), then by the tie-break order.
pub fn rank(m: &ImpactMatrix, weights: &[i64], ruled_out: &[bool]) -> Vec<Ranked> {
    let mut out: Vec<Ranked> = (0..m.options.len())
        .map(|o| {
            let mut contributions: Vec<Contribution> = (0..m.criteria.len())
                .map(|k| {
                    let impact = m.impact(o, k);
                    Contribution {
                        criterion: k,
                        weight: weights[k],
                        impact,
                        value: weights[k] * impact,
                    }
                })
                .collect();
            contributions.sort_by(|a, b| {
                b.value
                    .abs()
                    .cmp(&a.value.abs())
                    .then(b.impact.abs().cmp(&a.impact.abs()))
                    .then(a.criterion.cmp(&b.criterion))
            });
            Ranked {
                option: o,
                score: contributions.iter().map(|c| c.value).sum(),
                ruled_out: ruled_out.get(o).copied().unwrap_or(false),
                contributions,
            }
        })
        .collect();
    out.sort_by(|a, b| order(m, weights, a, b));
    out
}

/// The ranking order between two options.
pub fn order(m: &ImpactMatrix, weights: &[i64], a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    a.ruled_out
        .cmp(&b.ruled_out)
        .then(b.score.cmp(&a.score))
        .then_with(|| {
            if a.option == b.option {
                Ordering::Equal
            } else if m.wins_tie(a.option, b.option, weights) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        })
}

/// The options in play that share the top score, in ranking order (the first wins), when
/// there are two or more; empty otherwise. `ranking` comes from [`rank`].
pub fn top_tie(ranking: &[Ranked]) -> Vec<usize> {
    let mut in_play = ranking.iter().filter(|r| !r.ruled_out);
    let Some(top) = in_play.next() else {
        return Vec::new();
    };
    let tied: Vec<usize> = std::iter::once(top)
        .chain(in_play.take_while(|r| r.score == top.score))
        .map(|r| r.option)
        .collect();
    if tied.len() > 1 { tied } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix() -> ImpactMatrix {
        ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into(), "t.c".into()],
            vec!["t.x".into(), "t.y".into()],
            vec![2, -1, 1, 1, -2, 2],
        )
    }

    #[test]
    fn scores_are_weighted_sums() {
        let m = matrix();
        let r = rank(&m, &[3, 1], &[false; 3]);
        let scores: Vec<(usize, i64)> = r.iter().map(|r| (r.option, r.score)).collect();
        assert_eq!(scores, vec![(0, 5), (1, 4), (2, -4)]);
    }

    #[test]
    fn ties_break_by_tie_order_and_ruled_out_go_last() {
        let m = matrix();
        // a: 2-1=1, b: 1+1=2, c: -2+2=0 with weights 1,1; rule b out.
        let r = rank(&m, &[1, 1], &[false, true, false]);
        assert_eq!(
            r.iter().map(|r| r.option).collect::<Vec<_>>(),
            vec![0, 2, 1]
        );
        // Equal scores: the tie-break order decides, not the ids.
        let r = rank(&m, &[0, 0], &[false; 3]);
        assert_eq!(
            r.iter().map(|r| r.option).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        let m = m.with_tie_rank(vec![2, 0, 1]);
        let r = rank(&m, &[0, 0], &[false; 3]);
        assert_eq!(
            r.iter().map(|r| r.option).collect::<Vec<_>>(),
            vec![1, 2, 0]
        );
        assert_eq!(top_tie(&r), vec![1, 2, 0]);
    }

    #[test]
    fn equal_scores_are_decided_by_the_highest_priority_level_that_differs() {
        let m = ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into(), "t.c".into()],
            vec!["t.x".into(), "t.y".into(), "t.z".into()],
            vec![1, -2, 0, 1, 0, -2, -1, 2, 1],
        )
        .with_tie_rank(vec![2, 1, 0])
        .with_priorities_first(true);
        let w = [5, 2, 2];
        // a = 5 − 4, b = 5 − 4, c = −5 + 4 + 2: a three-way tie at 1.
        assert_eq!((m.score(0, &w), m.score(1, &w), m.score(2, &w)), (1, 1, 1));
        // Weight 5: a and b +5, c −5; weight 2: a and b −4, c +6. a and b are equal at every
        // level, so the tree's order (b before a) decides between them; c loses on the top
        // priority although the tree's order puts it first.
        assert_eq!(
            tie_level(m.row(0), m.row(2), &w),
            Some(Level {
                weight: 5,
                a: 5,
                b: -5
            })
        );
        assert_eq!(m.tie_decision(0, 1, &w), TieDecision::PreferenceOrder);
        let r = rank(&m, &w, &[false; 3]);
        assert_eq!(
            r.iter().map(|r| r.option).collect::<Vec<_>>(),
            vec![1, 0, 2]
        );
        assert_eq!(m.winner(&w, &[true; 3]), Some(1));
        assert_eq!(top_tie(&r), vec![1, 0, 2]);
        // Without priorities first, the tree's order alone decides: c, b, a.
        let plain = m.clone().with_priorities_first(false);
        assert_eq!(plain.winner(&w, &[true; 3]), Some(2));
        assert_eq!(plain.tie_decision(2, 1, &w), TieDecision::PreferenceOrder);
        // A lower level decides when the higher ones are equal; weight-0 criteria count for
        // nothing.
        assert_eq!(tie_level(&[1, 2, 0], &[1, 0, 2], &[4, 1, 1]), None);
        assert_eq!(
            tie_level(&[1, 2, 0], &[1, 0, 1], &[4, 2, 1]),
            Some(Level {
                weight: 2,
                a: 4,
                b: 0
            })
        );
        assert_eq!(tie_level(&[2, 0], &[0, 0], &[0, 3]), None);
    }

    #[test]
    fn contributions_come_largest_magnitude_first() {
        let m = matrix();
        let r = rank(&m, &[1, 3], &[false; 3]);
        let c = r.iter().find(|r| r.option == 2).unwrap();
        assert_eq!(c.contributions[0].criterion, 1);
        assert_eq!(c.contributions[0].value, 6);
        assert_eq!(c.contributions[1].value, -2);
    }
}
