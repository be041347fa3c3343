//! EASE (Steck, 2019): a linear item-to-item model fitted in closed form on the interaction
//! matrix `X`: `P = (XᵀX + λI)⁻¹`, `B = I − P·diag(1/diag(P))` with a zero diagonal. A user's
//! score for item `j` is `Σᵢ x_i B[i][j]`, and each term is a readable reason ("because you liked
//! i").

use crate::RecommendError;
use crate::linalg::SquareMatrix;

/// A fitted EASE model over `n` items.
#[derive(Debug, Clone)]
pub struct EaseModel {
    n: usize,
    /// `B` row-major in f32: `weights[i * n + j]` is how much having `i` raises `j`.
    weights: Vec<f32>,
}

impl EaseModel {
    /// Fits the model on sparse weighted rows over `n` items with regularization `lambda`.
    pub fn fit(rows: &[Vec<(usize, f32)>], n: usize, lambda: f64) -> Result<Self, RecommendError> {
        let mut gram = SquareMatrix::zeros(n);
        for row in rows {
            for (a, &(i, wi)) in row.iter().enumerate() {
                let wi = f64::from(wi);
                for &(j, wj) in &row[..=a] {
                    gram.add(i.max(j), i.min(j), wi * f64::from(wj));
                }
            }
        }
        for i in 0..n {
            gram.add(i, i, lambda);
        }
        let p = gram.spd_inverse()?;
        let mut weights = vec![0f32; n * n];
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    weights[i * n + j] = (-p.get(i, j) / p.get(j, j)) as f32;
                }
            }
        }
        Ok(Self { n, weights })
    }

    /// Number of items.
    pub fn items(&self) -> usize {
        self.n
    }

    /// Scores of every item for a user with the given row.
    pub fn score(&self, row: &[(usize, f32)]) -> Vec<f32> {
        let mut scores = vec![0f32; self.n];
        for &(i, x) in row {
            let from = &self.weights[i * self.n..(i + 1) * self.n];
            scores.iter_mut().zip(from).for_each(|(s, w)| *s += x * w);
        }
        scores
    }

    /// How much item `from` raises item `to`.
    pub fn weight(&self, from: usize, to: usize) -> f32 {
        self.weights[from * self.n + to]
    }

    /// The items of `row` that raise `target` most, largest first, at most `limit`, positive
    /// contributions only.
    pub fn top_contributors(
        &self,
        row: &[(usize, f32)],
        target: usize,
        limit: usize,
    ) -> Vec<(usize, f32)> {
        let mut parts: Vec<(usize, f32)> = row
            .iter()
            .map(|&(i, x)| (i, x * self.weight(i, target)))
            .filter(|(_, c)| *c > 0.0)
            .collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        parts.truncate(limit);
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_watched_items_raise_each_other() {
        // Items 0 and 1 always go together; 2 and 3 go together.
        let mut rows = Vec::new();
        for _ in 0..20 {
            rows.push(vec![(0, 1.0), (1, 1.0)]);
            rows.push(vec![(2, 1.0), (3, 1.0)]);
        }
        let model = EaseModel::fit(&rows, 4, 1.0).unwrap();
        let scores = model.score(&[(0, 1.0)]);
        assert!(scores[1] > scores[2] && scores[1] > scores[3]);
        assert_eq!(model.top_contributors(&[(0, 1.0)], 1, 2)[0].0, 0);
        assert_eq!(model.weight(0, 0), 0.0);
    }
}
