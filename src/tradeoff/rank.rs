//! Weighted-sum ranking: score = Σ weight × impact. Integers throughout, so scores and ties are
//! exact. A tie at equal score is broken by the tree's `tie_break.order` (carried here as a
//! rank per option), never by id; every output reports the tie (see [`top_tie`]).

/// A tree's options × criteria impacts in one flat row-major table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactMatrix {
    pub options: Vec<String>,
    pub criteria: Vec<String>,
    impacts: Vec<i64>,
    /// Per option: its place in the tree's tie-break order (lower wins a tie).
    pub tie_rank: Vec<usize>,
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
        }
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

    /// True when option `a` with score `sa` ranks above option `b` with score `sb`: higher
    /// score, else earlier in the tie-break order. The one comparison every part of the engine
    /// uses (ranking, analyze, robustness), so they always agree.
    #[inline]
    pub fn beats(&self, a: usize, sa: i64, b: usize, sb: i64) -> bool {
        sa > sb || (sa == sb && self.tie_rank[a] < self.tie_rank[b])
    }

    /// The winner among `in_play` options under `weights`, or `None` when none is in play.
    pub fn winner(&self, weights: &[i64], in_play: &[bool]) -> Option<usize> {
        let mut best: Option<(usize, i64)> = None;
        for (o, _) in in_play.iter().enumerate().filter(|(_, p)| **p) {
            let s = self.score(o, weights);
            if best.is_none_or(|(b, bs)| self.beats(o, s, b, bs)) {
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
/// (highest first), then by the tie-break order.
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
    out.sort_by(|a, b| order(m, a, b));
    out
}

/// The ranking order between two options.
pub fn order(m: &ImpactMatrix, a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    a.ruled_out
        .cmp(&b.ruled_out)
        .then(b.score.cmp(&a.score))
        .then(m.tie_rank[a.option].cmp(&m.tie_rank[b.option]))
        .then(a.option.cmp(&b.option))
}

/// The options in play that share the top score, in tie-break order (the first wins), when
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
    fn contributions_come_largest_magnitude_first() {
        let m = matrix();
        let r = rank(&m, &[1, 3], &[false; 3]);
        let c = r.iter().find(|r| r.option == 2).unwrap();
        assert_eq!(c.contributions[0].criterion, 1);
        assert_eq!(c.contributions[0].value, 6);
        assert_eq!(c.contributions[1].value, -2);
    }
}
