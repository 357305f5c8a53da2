//! How robust is the lead? For the leader i and runner-up j, changing only weight w_k by δ moves
//! the gap P_i − P_j by −δ·(a_jk − a_ik) (Triantaphyllou & Sánchez 1997; see DESIGN.md). Weights
//! are integers in 0..=5, so the answer is the smallest whole step that makes j rank above i
//! under the same comparison the ranking uses (at equal scores: the user's priorities at the
//! changed weights, then the tree's tie-break order).

use super::rank::{ImpactMatrix, Ranked};
use crate::tree::WEIGHT_RANGE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sensitivity {
    /// Fewer than two options in play: nothing to compare.
    Alone,
    /// Changing `criterion` from `from` to `to` makes the runner-up lead.
    Flip {
        leader: usize,
        runner_up: usize,
        margin: i64,
        criterion: usize,
        from: i64,
        to: i64,
    },
    /// No change to a single weight within its range reverses the pair.
    Stable {
        leader: usize,
        runner_up: usize,
        margin: i64,
    },
}

/// `ranking` must come from [`super::rank`] with the same weights.
pub fn sensitivity(m: &ImpactMatrix, weights: &[i64], ranking: &[Ranked]) -> Sensitivity {
    let mut in_play = ranking.iter().filter(|r| !r.ruled_out);
    let (Some(lead), Some(second)) = (in_play.next(), in_play.next()) else {
        return Sensitivity::Alone;
    };
    let (i, j) = (lead.option, second.option);
    let gap = lead.score - second.score;
    let mut best: Option<(i64, usize, i64)> = None; // (|δ|, criterion, new weight)
    let mut w = weights.to_vec();
    for (k, &weight) in weights.iter().enumerate().take(m.criteria.len()) {
        let d = m.impact(j, k) - m.impact(i, k);
        if d == 0 {
            continue;
        }
        // Step the weight towards the runner-up until it ranks above the leader under the
        // same comparison as the ranking (at equal scores, priorities at the new weights, then
        // the tie-break order). At most five steps.
        let mut step = 1;
        loop {
            if best.is_some_and(|(s, _, _)| step >= s) {
                break;
            }
            let to = weight + step * d.signum();
            if !WEIGHT_RANGE.contains(&to) {
                break;
            }
            w[k] = to;
            let (si, sj) = (m.score(i, &w), m.score(j, &w));
            if m.beats(j, sj, i, si, &w) {
                best = Some((step, k, to));
                break;
            }
            step += 1;
        }
        w[k] = weight;
    }
    match best {
        Some((_, criterion, to)) => Sensitivity::Flip {
            leader: i,
            runner_up: j,
            margin: gap,
            criterion,
            from: weights[criterion],
            to,
        },
        None => Sensitivity::Stable {
            leader: i,
            runner_up: j,
            margin: gap,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tradeoff::rank;

    #[test]
    fn reports_the_smallest_single_weight_flip() {
        // a leads on x, b on y.
        let m = ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into()],
            vec!["t.x".into(), "t.y".into()],
            vec![2, 0, 0, 1],
        );
        let w = [3, 3];
        let r = rank(&m, &w, &[false, false]);
        // a = 6, b = 3. Raising y: gap 3 shrinks by 1 per step, b wins ties? b is second in the
        // tie-break order: no.
        // so y must rise by 4 → 7 (out of range). Lowering x: gap shrinks 2 per step; 2 steps
        // → x = 1: a = 2, b = 3: b leads.
        assert_eq!(
            sensitivity(&m, &w, &r),
            Sensitivity::Flip {
                leader: 0,
                runner_up: 1,
                margin: 3,
                criterion: 0,
                from: 3,
                to: 1
            }
        );
    }

    #[test]
    fn says_when_no_single_weight_flips() {
        let m = ImpactMatrix::new(
            vec!["t.a".into(), "t.b".into()],
            vec!["t.x".into()],
            vec![2, 1],
        );
        let r = rank(&m, &[5], &[false, false]);
        assert!(matches!(
            sensitivity(&m, &[5], &r),
            Sensitivity::Stable { margin: 5, .. }
        ));
        let r = rank(&m, &[5], &[false, true]);
        assert_eq!(sensitivity(&m, &[5], &r), Sensitivity::Alone);
    }
}
