//! Mean, median and 90th percentile of a set of durations, and how many records they count.

use serde::Serialize;

/// One duration figure over the incidents that have what it measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// Incidents measured.
    pub counted: usize,
    /// Incidents considered: the difference lacked the milestone, knew it (or `started`) only
    /// to the day, or (for time to resolve) are ongoing.
    pub of: usize,
    pub mean_seconds: Option<i64>,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

impl Figure {
    /// The figure of `values` (seconds), out of `of` incidents considered.
    pub(crate) fn of(mut values: Vec<i64>, of: usize) -> Figure {
        values.sort_unstable();
        Figure {
            counted: values.len(),
            of,
            mean_seconds: mean(&values),
            median_seconds: median(&values),
            p90_seconds: percentile(&values, 90),
        }
    }
}

/// The arithmetic mean, rounded to the nearest second (halves away from zero).
fn mean(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
    Some(divide_rounded(sum, values.len() as i128))
}

/// The middle value of the sorted `values`; for an even count, the mean of the two middle
/// ones rounded to the nearest second (halves away from zero).
fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    let pair = i128::from(sorted[n / 2 - 1]) + i128::from(sorted[n / 2]);
    Some(divide_rounded(pair, 2))
}

/// The `p`th percentile of the sorted `values` by the nearest-rank method: the smallest
/// value such that at least `p`% of the values are at most it, i.e. the value at rank
/// ⌈p/100 × n⌉ (1-based). Always one of the values, never interpolated: with 10 values the
/// 90th percentile is the 9th smallest, with 3 values it is the largest.
fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (p * n).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

fn divide_rounded(sum: i128, count: i128) -> i64 {
    let half = count / 2;
    let rounded = if sum >= 0 {
        (sum + half) / count
    } else {
        (sum - half) / count
    };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentile_picks_a_value_at_rank_ceil_p_n() {
        let ten: Vec<i64> = (1..=10).map(|v| v * 60).collect();
        assert_eq!(percentile(&ten, 90), Some(540)); // rank 9
        assert_eq!(percentile(&ten, 91), Some(600)); // rank ⌈9.1⌉ = 10
        assert_eq!(percentile(&[5, 7, 100], 90), Some(100)); // rank ⌈2.7⌉ = 3
        assert_eq!(percentile(&[42], 90), Some(42));
        assert_eq!(percentile(&[1, 2], 50), Some(1)); // rank 1
        assert_eq!(percentile(&[1, 2], 0), Some(1)); // never rank 0
        assert_eq!(percentile(&[], 90), None);
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(percentile(&eleven, 90), Some(10)); // rank ⌈9.9⌉ = 10
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two_rounded() {
        assert_eq!(median(&[10, 20, 1000]), Some(20));
        assert_eq!(median(&[10, 20]), Some(15));
        assert_eq!(median(&[10, 21]), Some(16)); // 15.5 rounds up
        assert_eq!(median(&[-21, -10]), Some(-16));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn mean_rounds_to_the_nearest_second_without_overflow() {
        assert_eq!(mean(&[1, 2]), Some(2)); // 1.5
        assert_eq!(mean(&[1, 1, 2]), Some(1)); // 1.33
        assert_eq!(mean(&[i64::MAX, i64::MAX]), Some(i64::MAX));
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn a_figure_sorts_its_values_and_says_how_many_it_counted() {
        let figure = Figure::of(vec![900, 60, 300], 5);
        assert_eq!(
            figure,
            Figure {
                counted: 3,
                of: 5,
                mean_seconds: Some(420),
                median_seconds: Some(300),
                p90_seconds: Some(900),
            }
        );
        assert_eq!(Figure::of(Vec::new(), 2).mean_seconds, None);
    }
}
