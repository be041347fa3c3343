//! The crate's one error type.

/// What can go wrong when fitting or using a model.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RecommendError {
    /// The regularized Gram matrix was not positive definite (λ must be > 0).
    #[error("matrix is not positive definite at row {row}; use a positive regularization")]
    NotPositiveDefinite {
        /// The row where the Cholesky factorization failed.
        row: usize,
    },
}
