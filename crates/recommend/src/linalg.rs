//! Dense symmetric linear algebra in f64, just enough for EASE: the inverse of a symmetric
//! positive-definite matrix through its Cholesky factor.

use crate::RecommendError;

/// A dense square matrix, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct SquareMatrix {
    /// Number of rows (and columns).
    pub n: usize,
    /// `n * n` entries, row-major.
    pub data: Vec<f64>,
}

impl SquareMatrix {
    /// The zero matrix of size `n`.
    pub fn zeros(n: usize) -> Self {
        Self {
            n,
            data: vec![0.0; n * n],
        }
    }

    /// Entry `(i, j)`.
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.n + j]
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.n..(i + 1) * self.n]
    }

    /// Adds `value` to entry `(i, j)`.
    pub fn add(&mut self, i: usize, j: usize, value: f64) {
        self.data[i * self.n + j] += value;
    }

    /// The inverse of a symmetric positive-definite matrix (only the lower triangle is read).
    pub fn spd_inverse(&self) -> Result<SquareMatrix, RecommendError> {
        let l = cholesky(self)?;
        let l_inv = lower_inverse(&l);
        Ok(gram_of_lower(&l_inv))
    }
}

/// Lower-triangular `L` with `A = L Lᵀ`.
fn cholesky(a: &SquareMatrix) -> Result<SquareMatrix, RecommendError> {
    let n = a.n;
    let mut l = SquareMatrix::zeros(n);
    for i in 0..n {
        for j in 0..=i {
            let (ri, rj) = (i * n, j * n);
            let dot: f64 = l.data[ri..ri + j]
                .iter()
                .zip(&l.data[rj..rj + j])
                .map(|(x, y)| x * y)
                .sum();
            let value = a.get(i, j) - dot;
            if i == j {
                if value <= 0.0 || !value.is_finite() {
                    return Err(RecommendError::NotPositiveDefinite { row: i });
                }
                l.data[ri + i] = value.sqrt();
            } else {
                l.data[ri + j] = value / l.data[rj + j];
            }
        }
    }
    Ok(l)
}

/// The inverse of a lower-triangular matrix, row by row: `row_i = (e_i − Σ_k L[i][k] row_k) / L[i][i]`.
fn lower_inverse(l: &SquareMatrix) -> SquareMatrix {
    let n = l.n;
    let mut inv = SquareMatrix::zeros(n);
    let mut row = vec![0.0; n];
    for i in 0..n {
        row[..=i].iter_mut().for_each(|x| *x = 0.0);
        row[i] = 1.0;
        for k in 0..i {
            let factor = l.get(i, k);
            if factor != 0.0 {
                let source = &inv.data[k * n..k * n + k + 1];
                row[..=k]
                    .iter_mut()
                    .zip(source)
                    .for_each(|(r, s)| *r -= factor * s);
            }
        }
        let diagonal = l.get(i, i);
        for (j, value) in row[..=i].iter().enumerate() {
            inv.data[i * n + j] = value / diagonal;
        }
    }
    inv
}

/// `MᵀM` for a lower-triangular `M` (symmetric, both triangles filled).
fn gram_of_lower(m: &SquareMatrix) -> SquareMatrix {
    let n = m.n;
    let mut out = SquareMatrix::zeros(n);
    for k in 0..n {
        let row = &m.data[k * n..k * n + k + 1];
        for (a, &factor) in row.iter().enumerate() {
            if factor != 0.0 {
                let target = &mut out.data[a * n..a * n + k + 1];
                target
                    .iter_mut()
                    .zip(row)
                    .for_each(|(t, s)| *t += factor * s);
            }
        }
    }
    for i in 0..n {
        for j in i + 1..n {
            out.data[i * n + j] = out.data[j * n + i];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_times_matrix_is_identity() {
        let n = 6;
        let mut a = SquareMatrix::zeros(n);
        for i in 0..n {
            for j in 0..n {
                a.data[i * n + j] =
                    ((i * 7 + j * 3) % 5) as f64 * 0.1 + if i == j { 3.0 } else { 0.0 };
            }
        }
        // Symmetrize.
        let mut s = a.clone();
        for i in 0..n {
            for j in 0..n {
                s.data[i * n + j] = a.get(i, j) + a.get(j, i);
            }
        }
        let inv = s.spd_inverse().unwrap();
        for i in 0..n {
            for j in 0..n {
                let v: f64 = (0..n).map(|k| s.get(i, k) * inv.get(k, j)).sum();
                assert!(
                    (v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-9,
                    "({i},{j}) = {v}"
                );
            }
        }
    }

    #[test]
    fn not_positive_definite_is_an_error() {
        let a = SquareMatrix {
            n: 2,
            data: vec![1.0, 2.0, 2.0, 1.0],
        };
        assert!(a.spd_inverse().is_err());
    }
}
