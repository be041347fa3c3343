//! Document vectors, quantized to one signed byte per dimension (a quarter of `f32`), scored by
//! brute force: a user's few thousand vectors take well under a millisecond.

/// A flat store of quantized vectors, one slot per document.
#[derive(Debug, Default, Clone)]
pub struct VectorStore {
    dim: usize,
    data: Vec<i8>,
    /// Per-document factor back to the original scale (0 for documents without a vector).
    scales: Vec<f32>,
}

impl VectorStore {
    /// Appends the next document's vector, or an empty slot. The first vector fixes the dimension;
    /// a vector of another length is stored as an empty slot.
    pub fn push(&mut self, vector: Option<&[f32]>) {
        if let Some(v) = vector
            && self.dim == 0
            && !v.is_empty()
        {
            self.dim = v.len();
            self.data = vec![0; self.scales.len() * self.dim];
        }
        if self.data.len() + self.dim > self.data.capacity() {
            // Grow by a quarter rather than doubling: vectors are most of an index's memory.
            self.data
                .reserve_exact((self.data.capacity() / 4).max(self.dim * 16));
        }
        match vector.filter(|v| v.len() == self.dim && self.dim > 0) {
            Some(v) => {
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
                if norm == 0.0 || max == 0.0 {
                    self.push_empty();
                    return;
                }
                self.data
                    .extend(v.iter().map(|x| (x / max * 127.0).round() as i8));
                self.scales.push(max / 127.0 / norm);
            }
            None => self.push_empty(),
        }
    }

    fn push_empty(&mut self) {
        self.data.extend(std::iter::repeat_n(0, self.dim));
        self.scales.push(0.0);
    }

    /// Whether any document has a vector.
    pub fn is_empty(&self) -> bool {
        self.scales.iter().all(|s| *s == 0.0)
    }

    /// Cosine similarity of `query` with every document (0 for documents without a vector).
    /// Returns `None` when the query's length differs from the stored vectors'.
    pub fn cosines(&self, query: &[f32]) -> Option<Vec<f32>> {
        if query.len() != self.dim || self.dim == 0 {
            return None;
        }
        let norm = query.iter().map(|x| x * x).sum::<f32>().sqrt();
        let max = query.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        if norm == 0.0 || max == 0.0 {
            return Some(vec![0.0; self.scales.len()]);
        }
        // The query is quantized like the rows, so the dot product runs on integers (and
        // vectorizes well); the scales bring it back to a cosine.
        let q: Vec<i16> = query
            .iter()
            .map(|x| (x / max * 127.0).round() as i16)
            .collect();
        let query_scale = max / 127.0 / norm;
        let scores = self
            .data
            .chunks_exact(self.dim)
            .zip(&self.scales)
            .map(|(row, scale)| {
                let dot: i32 = row
                    .iter()
                    .zip(&q)
                    .map(|(a, b)| i32::from(i16::from(*a) * b))
                    .sum();
                dot as f32 * scale * query_scale
            })
            .collect();
        Some(scores)
    }

    /// Releases spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.data.shrink_to_fit();
        self.scales.shrink_to_fit();
    }

    /// Heap and inline size in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.data.capacity() + self.scales.capacity() * 4 + std::mem::size_of::<Self>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantized_cosine_is_close_to_exact() {
        let docs = [
            vec![0.3, -0.2, 0.9, 0.1],
            vec![-0.5, 0.5, 0.5, -0.5],
            vec![1.0, 0.0, 0.0, 0.0],
        ];
        let query = [0.2, 0.1, 0.7, -0.3];
        let mut store = VectorStore::default();
        store.push(None);
        for d in &docs {
            store.push(Some(d));
        }
        let got = store.cosines(&query).unwrap();
        assert_eq!(got[0], 0.0);
        for (g, d) in got[1..].iter().zip(&docs) {
            let exact = rapport_core::cosine(d, &query);
            assert!((g - exact).abs() < 0.02, "{g} vs {exact}");
        }
        assert!(store.cosines(&[1.0]).is_none());
    }
}
