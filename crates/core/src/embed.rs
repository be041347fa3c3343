/// Turns text into a dense vector. Implementations must be deterministic: the same text and the
/// same [`model_id`](Embedder::model_id) always give the same vector, because stored vectors are
/// only rebuilt when the model id changes.
pub trait Embedder: Send + Sync {
    /// A stable identifier of the model and its version, recorded next to stored vectors.
    fn model_id(&self) -> &str;
    /// Length of every vector this embedder returns.
    fn dim(&self) -> usize;
    /// Embeds one text into an L2-normalized vector of length [`dim`](Embedder::dim).
    fn embed(&self, text: &str) -> Vec<f32>;
}

/// Cosine similarity of two vectors of equal length (0 when either is all zeros).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na.sqrt() * nb.sqrt())
    }
}
