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
    #[cfg(test)]
    pub fn cosines(&self, query: &[f32]) -> Option<Vec<f32>> {
        let mut out = Vec::new();
        self.cosines_into(query, &mut out).then_some(out)
    }

    /// [`cosines`](Self::cosines) into `out` (cleared first); returns `false`, leaving `out`
    /// empty, when the query's length differs from the stored vectors'.
    pub fn cosines_into(&self, query: &[f32], out: &mut Vec<f32>) -> bool {
        out.clear();
        if query.len() != self.dim || self.dim == 0 {
            return false;
        }
        let norm = query.iter().map(|x| x * x).sum::<f32>().sqrt();
        let max = query.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        if norm == 0.0 || max == 0.0 {
            out.resize(self.scales.len(), 0.0);
            return true;
        }
        // The query is quantized like the rows, so the dot product runs on integers (exact in
        // any order, so it can be split into lanes that vectorize); the scales bring it back to
        // a cosine.
        let q: Vec<i16> = query
            .iter()
            .map(|x| (x / max * 127.0).round() as i16)
            .collect();
        let query_scale = max / 127.0 / norm;
        out.extend(
            self.data
                .chunks_exact(self.dim)
                .zip(&self.scales)
                .map(|(row, scale)| dot_i8(row, &q) as f32 * scale * query_scale),
        );
        true
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

/// Values of a row (and of the query) paired per step of the integer dot product.
const DOT_LANES: usize = 8;

/// The dot product of a quantized row with a quantized query, exactly (integer arithmetic).
///
/// Both sides hold values in `-127..=127` (see [`VectorStore::push`] and
/// [`VectorStore::cosines_into`]), so a product fits an `i16` (at most 127² = 16,129 in
/// magnitude) and so does the sum of two (32,258 < 32,767): each step multiplies and adds two
/// halves of a 16-value chunk in 16-bit lanes, then widens the pair sums into 32-bit lanes. The
/// compiler turns that into 8-lane SSE2 multiplies (`pmullw`), half the instructions of
/// widening every product to 32 bits first. Integer sums are exact in any order.
#[inline]
fn dot_i8(row: &[i8], query: &[i16]) -> i32 {
    debug_assert!(query.iter().all(|q| (-127..=127).contains(q)));
    let mut lanes = [0i32; DOT_LANES];
    let mut rows = row.chunks_exact(2 * DOT_LANES);
    let mut queries = query.chunks_exact(2 * DOT_LANES);
    for (r, q) in (&mut rows).zip(&mut queries) {
        let (r0, r1) = r.split_at(DOT_LANES);
        let (q0, q1) = q.split_at(DOT_LANES);
        for (k, lane) in lanes.iter_mut().enumerate() {
            let pair = (i16::from(r0[k]) * q0[k]).wrapping_add(i16::from(r1[k]) * q1[k]);
            *lane += i32::from(pair);
        }
    }
    let tail: i32 = rows
        .remainder()
        .iter()
        .zip(queries.remainder())
        .map(|(a, b)| i32::from(*a) * i32::from(*b))
        .sum();
    lanes.iter().sum::<i32>() + tail
}

/// Rows scored together by [`ExactVectors`]: one SIMD lane each.
const ROW_LANES: usize = 16;

/// Full-precision vectors whose cosines with a query are exactly (bit for bit)
/// [`rapport_core::cosine`]'s, computed several rows at a time.
///
/// `cosine` sums `x * y` one dimension after the other; floating-point addition is not
/// associative, so splitting one row's sum into SIMD lanes would change the last bits (and the
/// scores a context shows). Here the rows are stored [`ROW_LANES`] to a block, dimension-major,
/// and the lanes are *rows*: each row's sum still runs over the dimensions in order, so the
/// result is identical, while the hardware adds [`ROW_LANES`] rows per instruction. The rows'
/// squared norms are summed once, when the row is added, in the same order `cosine` sums them.
#[derive(Debug, Default, Clone)]
pub struct ExactVectors {
    /// Length of every row; rows of another length are stored as zeros (cosine 0).
    dim: usize,
    len: usize,
    /// Blocks of `dim * ROW_LANES` values: `block[d * ROW_LANES + lane]`.
    data: Vec<f32>,
    /// Sum of squares of each row (0 for a row stored as zeros).
    norms: Vec<f32>,
}

impl ExactVectors {
    /// An empty store of rows of length `dim`.
    pub fn new(dim: usize) -> Self {
        Self {
            dim,
            ..Self::default()
        }
    }

    /// Length of the rows.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends a row; a row of another length than [`dim`](Self::dim) is stored as zeros, so its
    /// cosine with anything is 0.
    pub fn push(&mut self, row: &[f32]) {
        let lane = self.len % ROW_LANES;
        if lane == 0 {
            self.data
                .resize(self.data.len() + self.dim * ROW_LANES, 0.0);
        }
        self.norms.push(0.0);
        self.len += 1;
        self.set(self.len - 1, row);
    }

    /// Replaces row `i` (`i < len`); a row of another length than [`dim`](Self::dim) is stored
    /// as zeros.
    pub fn set(&mut self, i: usize, row: &[f32]) {
        let block = (i / ROW_LANES) * self.dim * ROW_LANES;
        let lane = i % ROW_LANES;
        let zeros;
        let row = if row.len() == self.dim {
            row
        } else {
            zeros = vec![0.0f32; self.dim];
            &zeros
        };
        let mut norm = 0.0f32;
        for (d, x) in row.iter().enumerate() {
            self.data[block + d * ROW_LANES + lane] = *x;
            norm += x * x;
        }
        self.norms[i] = norm;
    }

    /// Row `i`, as added (zeros for a row of another length).
    pub fn row(&self, i: usize) -> impl Iterator<Item = f32> + '_ {
        let block = (i / ROW_LANES) * self.dim * ROW_LANES;
        let lane = i % ROW_LANES;
        (0..self.dim).map(move |d| self.data[block + d * ROW_LANES + lane])
    }

    /// The cosine of `query` with every row, in order, into `out` (cleared first): for each row
    /// exactly `rapport_core::cosine(row, query)`, and 0 for every row when the query's length
    /// differs from [`dim`](Self::dim).
    pub fn cosines_into(&self, query: &[f32], out: &mut Vec<f32>) {
        out.clear();
        if query.len() != self.dim {
            out.resize(self.len, 0.0);
            return;
        }
        let mut query_norm = 0.0f32;
        for y in query {
            query_norm += y * y;
        }
        for (b, block) in self
            .data
            .chunks_exact((self.dim * ROW_LANES).max(1))
            .enumerate()
        {
            let mut dots = [0.0f32; ROW_LANES];
            for (values, y) in block.chunks_exact(ROW_LANES).zip(query) {
                for (dot, x) in dots.iter_mut().zip(values) {
                    *dot += x * y;
                }
            }
            let rows = (self.len - b * ROW_LANES).min(ROW_LANES);
            for (lane, dot) in dots.iter().take(rows).enumerate() {
                let norm = self.norms[b * ROW_LANES + lane];
                out.push(if norm == 0.0 || query_norm == 0.0 {
                    0.0
                } else {
                    dot / (norm.sqrt() * query_norm.sqrt())
                });
            }
        }
        // Rows of a zero-length store (dim 0) have no block: their cosine is 0.
        out.resize(self.len, 0.0);
    }

    /// Heap and inline size in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.data.capacity() * 4 + self.norms.capacity() * 4 + std::mem::size_of::<Self>()
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

    /// The integer dot product as first written: one running sum, no lanes.
    fn naive_dot(row: &[i8], query: &[i16]) -> i32 {
        row.iter()
            .zip(query)
            .map(|(a, b)| i32::from(i16::from(*a) * b))
            .sum()
    }

    /// The largest magnitudes the quantization produces, where 16-bit pair sums come closest
    /// to overflowing.
    #[test]
    fn lane_dot_product_is_exact_at_the_extremes() {
        for (a, b) in [(-127i8, -127i16), (127, 127), (-127, 127), (127, -127)] {
            for len in [16, 17, 256, 300] {
                let row = vec![a; len];
                let query = vec![b; len];
                assert_eq!(dot_i8(&row, &query), naive_dot(&row, &query));
                assert_eq!(
                    naive_dot(&row, &query),
                    i32::from(a) * i32::from(b) * len as i32
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn lane_dot_product_is_exact(
            pairs in proptest::collection::vec((-127i8..=127, -127i16..=127), 0..300),
        ) {
            let (row, query): (Vec<i8>, Vec<i16>) = pairs.into_iter().unzip();
            proptest::prop_assert_eq!(dot_i8(&row, &query), naive_dot(&row, &query));
        }

        #[test]
        fn exact_vectors_are_bit_identical_to_cosine(
            dim in 0usize..40,
            seeds in proptest::collection::vec(proptest::collection::vec(-2.0f32..2.0, 40), 0..40),
            query in proptest::collection::vec(-2.0f32..2.0, 40),
            zero_rows in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let rows: Vec<Vec<f32>> = seeds
                .iter()
                .zip(&zero_rows)
                .map(|(r, zero)| if *zero { vec![0.0; dim] } else { r[..dim].to_vec() })
                .collect();
            let query = &query[..dim];
            let mut store = ExactVectors::new(dim);
            for row in &rows {
                store.push(row);
            }
            let mut got = Vec::new();
            store.cosines_into(query, &mut got);
            proptest::prop_assert_eq!(got.len(), rows.len());
            for (i, (g, row)) in got.iter().zip(&rows).enumerate() {
                let want = rapport_core::cosine(row, query);
                proptest::prop_assert_eq!(g.to_bits(), want.to_bits(), "row {}", i);
                proptest::prop_assert!(store.row(i).eq(row.iter().copied()));
            }
            // Rows replaced in place score as if pushed so.
            let mut replaced = ExactVectors::new(dim);
            for row in rows.iter().rev() {
                replaced.push(row);
            }
            for (i, row) in rows.iter().enumerate() {
                replaced.set(i, row);
            }
            let mut again = Vec::new();
            replaced.cosines_into(query, &mut again);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&again), bits(&got));
            // A query of another length scores every row 0.
            store.cosines_into(&[1.0; 41], &mut got);
            proptest::prop_assert!(got.len() == rows.len() && got.iter().all(|g| *g == 0.0));
        }
    }

    #[test]
    fn exact_vectors_score_rows_of_another_length_zero() {
        let mut store = ExactVectors::new(2);
        store.push(&[1.0, 0.0]);
        store.push(&[1.0, 0.0, 0.0]);
        let mut got = Vec::new();
        store.cosines_into(&[1.0, 0.0], &mut got);
        assert_eq!(got, [1.0, 0.0]);
    }

    #[test]
    fn quantized_cosines_into_matches_cosines() {
        let mut store = VectorStore::default();
        store.push(Some(&[0.5, -0.25, 0.75]));
        store.push(None);
        let mut out = vec![9.0];
        assert!(store.cosines_into(&[0.1, 0.2, 0.3], &mut out));
        assert_eq!(Some(out.clone()), store.cosines(&[0.1, 0.2, 0.3]));
        assert!(!store.cosines_into(&[0.1], &mut out) && out.is_empty());
    }
}
