//! Recommendation evaluation (EVAL.md §4) on `movielens/{items,train,test}.jsonl`.
//!
//! Record types, a pure scorer ([`score`]: predictions + train + test → [`RecommendationReport`],
//! usable to re-score a prediction file), a driver ([`rank_users`]: parsed train and items →
//! ranked lists, so the data path can be swapped for an engine later), and [`tune`], which picks
//! a configuration on a validation split carved from train only.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use rapport_core::Verb;
use rapport_recommend::{ActionEvent, Catalog, Collaborative, CollaborativeConfig, Item, top_k};
use serde::{Deserialize, Serialize};

/// Items ranked per user in a prediction record.
pub const RANKED_ITEMS: usize = 100;
/// The cut-off of the metrics.
pub const K: usize = 10;

/// A catalog line: `{"item_id", "title", "tags", "released"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct MovieItem {
    /// Item id.
    pub item_id: String,
    /// Title.
    pub title: String,
    /// Genres.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Release date, as given.
    #[serde(default)]
    pub released: Option<String>,
}

/// An interaction line: `{"user_id", "item_id", "rating", "ts"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Rating {
    /// User id.
    pub user_id: String,
    /// Item id.
    pub item_id: String,
    /// Rating 1–5.
    pub rating: f64,
    /// Unix seconds.
    pub ts: i64,
}

/// A prediction record: the user's top [`RANKED_ITEMS`] items, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// User id.
    pub user_id: String,
    /// Item ids, best first.
    pub ranked_items: Vec<String>,
}

/// Metrics over the users with at least one liked (≥ 4) test item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RecommendationReport {
    /// Users scored.
    pub users: usize,
    /// Mean NDCG@10 (binary relevance).
    pub ndcg_at_10: f64,
    /// Mean share of the user's liked test items found in the top 10.
    pub recall_at_10: f64,
    /// Share of users with at least one liked test item in the top 10.
    pub hr_at_10: f64,
}

impl fmt::Display for RecommendationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| users | NDCG@10 | Recall@10 | HR@10 |")?;
        writeln!(f, "|---|---|---|---|")?;
        writeln!(
            f,
            "| {} | {:.3} | {:.3} | {:.3} |",
            self.users, self.ndcg_at_10, self.recall_at_10, self.hr_at_10
        )
    }
}

/// Errors of the recommendation harness.
#[derive(Debug, thiserror::Error)]
pub enum RecommendationError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not a valid record.
    #[error("{path} line {line}: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// The model could not be fitted.
    #[error(transparent)]
    Model(#[from] rapport_recommend::RecommendError),
}

/// Reads a JSON-lines file of records.
pub fn read_jsonl<T: for<'de> Deserialize<'de>>(
    path: &Path,
) -> Result<Vec<T>, RecommendationError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| RecommendationError::Io {
        path: name.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| RecommendationError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|source| RecommendationError::Json {
            path: name.clone(),
            line: i + 1,
            source,
        })?;
        out.push(record);
    }
    Ok(out)
}

/// Scores ranked lists against the protocol: users with a test rating ≥ 4; relevant items are
/// their test items rated ≥ 4; a user without a prediction scores 0.
pub fn score(test: &[Rating], predictions: &HashMap<String, Vec<String>>) -> RecommendationReport {
    let mut relevant: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in test.iter().filter(|r| r.rating >= 4.0) {
        relevant.entry(&r.user_id).or_default().insert(&r.item_id);
    }
    let (mut ndcg, mut recall, mut hits) = (0.0, 0.0, 0.0);
    for (user, liked) in &relevant {
        let ranked = predictions
            .get(*user)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let gains: Vec<bool> = ranked
            .iter()
            .take(K)
            .map(|i| liked.contains(i.as_str()))
            .collect();
        let dcg: f64 = gains
            .iter()
            .enumerate()
            .filter(|(_, g)| **g)
            .map(|(k, _)| discount(k))
            .sum();
        let ideal: f64 = (0..liked.len().min(K)).map(discount).sum();
        let found = gains.iter().filter(|g| **g).count();
        ndcg += dcg / ideal;
        recall += found as f64 / liked.len() as f64;
        hits += f64::from(u8::from(found > 0));
    }
    let n = relevant.len().max(1) as f64;
    RecommendationReport {
        users: relevant.len(),
        ndcg_at_10: ndcg / n,
        recall_at_10: recall / n,
        hr_at_10: hits / n,
    }
}

fn discount(rank: usize) -> f64 {
    1.0 / ((rank + 2) as f64).log2()
}

/// The catalog of the recommender from the data set's items.
pub fn catalog(items: &[MovieItem]) -> Catalog {
    Catalog::new(items.iter().map(|m| {
        let mut item = Item::new(&m.item_id, &m.title);
        item.tags = m.tags.clone();
        item
    }))
}

/// Ratings as rate actions.
pub fn actions(ratings: &[Rating]) -> Vec<ActionEvent> {
    ratings
        .iter()
        .map(|r| ActionEvent {
            user: r.user_id.clone(),
            item: r.item_id.clone(),
            verb: Verb::Rate,
            value: Some(r.rating),
            time: r.ts,
        })
        .collect()
}

/// The driver: fits the model on `train` and ranks, for each of `users`, every catalog item they
/// did not rate in train; top [`RANKED_ITEMS`].
pub fn rank_users(
    items: &[MovieItem],
    train: &[Rating],
    users: &[String],
    config: &CollaborativeConfig,
) -> Result<Vec<Prediction>, RecommendationError> {
    let catalog = catalog(items);
    let model = Collaborative::fit(&catalog, &actions(train), config)?;
    let mut rated: HashMap<&str, HashSet<usize>> = HashMap::new();
    for r in train {
        if let Some(at) = catalog.position(&r.item_id) {
            rated.entry(&r.user_id).or_default().insert(at);
        }
    }
    let empty = HashSet::new();
    Ok(users
        .iter()
        .map(|user| {
            let scores = match model.interactions.user_position(user) {
                Some(at) => model.scores(at),
                None => model.cold_scores(),
            };
            let seen = rated.get(user.as_str()).unwrap_or(&empty);
            let ranked = top_k(&scores, RANKED_ITEMS, |i| !seen.contains(&i));
            Prediction {
                user_id: user.clone(),
                ranked_items: ranked
                    .iter()
                    .map(|(i, _)| catalog.item(*i).item_id.clone())
                    .collect(),
            }
        })
        .collect())
}

/// Users the protocol scores: at least one rating ≥ 4 in `test`, sorted.
pub fn scored_users(test: &[Rating]) -> Vec<String> {
    let set: HashSet<&str> = test
        .iter()
        .filter(|r| r.rating >= 4.0)
        .map(|r| r.user_id.as_str())
        .collect();
    let mut users: Vec<String> = set.into_iter().map(str::to_string).collect();
    users.sort_by(|a, b| {
        a.parse::<u64>()
            .ok()
            .cmp(&b.parse::<u64>().ok())
            .then(a.cmp(b))
    });
    users
}

/// Splits train into (fit, validation) by a deterministic hash of (user, item): one rating in
/// `one_in` goes to validation, like the random u1 split does with test.
pub fn validation_split(train: &[Rating], one_in: u64) -> (Vec<Rating>, Vec<Rating>) {
    train
        .iter()
        .cloned()
        .partition(|r| !fnv1a(&format!("{}/{}", r.user_id, r.item_id)).is_multiple_of(one_in))
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Evaluates each configuration on a validation split of `train` (one rating in five held out)
/// and returns every (configuration, report), best NDCG@10 first. Test data is never read.
pub fn tune(
    items: &[MovieItem],
    train: &[Rating],
    grid: &[CollaborativeConfig],
) -> Result<Vec<(CollaborativeConfig, RecommendationReport)>, RecommendationError> {
    let (fit, validation) = validation_split(train, 5);
    let users = scored_users(&validation);
    let mut results = Vec::new();
    for config in grid {
        let predictions = rank_users(items, &fit, &users, config)?;
        let map = predictions
            .into_iter()
            .map(|p| (p.user_id, p.ranked_items))
            .collect();
        results.push((config.clone(), score(&validation, &map)));
    }
    results.sort_by(|a, b| b.1.ndcg_at_10.total_cmp(&a.1.ndcg_at_10));
    Ok(results)
}

/// Runs the protocol on a `movielens` directory: fit on train, rank for the scored test users,
/// write predictions to `out` when given, score.
pub fn run_recommendation_eval(
    dir: &Path,
    out: Option<&Path>,
    config: &CollaborativeConfig,
) -> Result<RecommendationReport, RecommendationError> {
    let items: Vec<MovieItem> = read_jsonl(&dir.join("items.jsonl"))?;
    let train: Vec<Rating> = read_jsonl(&dir.join("train.jsonl"))?;
    let test: Vec<Rating> = read_jsonl(&dir.join("test.jsonl"))?;
    let predictions = rank_users(&items, &train, &scored_users(&test), config)?;
    if let Some(path) = out {
        write_predictions(path, &predictions)?;
    }
    let map = predictions
        .into_iter()
        .map(|p| (p.user_id, p.ranked_items))
        .collect();
    Ok(score(&test, &map))
}

/// Writes prediction records as JSON lines.
pub fn write_predictions<T: Serialize>(
    path: &Path,
    records: &[T],
) -> Result<(), RecommendationError> {
    let io = |source| RecommendationError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut w = BufWriter::new(std::fs::File::create(path).map_err(io)?);
    for r in records {
        writeln!(
            w,
            "{}",
            serde_json::to_string(r).expect("a record serializes")
        )
        .map_err(io)?;
    }
    w.flush().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(user: &str, item: &str, r: f64) -> Rating {
        Rating {
            user_id: user.into(),
            item_id: item.into(),
            rating: r,
            ts: 0,
        }
    }

    #[test]
    fn scores_only_liked_test_items_of_users_with_one() {
        let test = [
            rating("1", "a", 5.0),
            rating("1", "b", 4.0),
            rating("1", "c", 2.0),
            rating("2", "a", 1.0),
        ];
        let predictions =
            HashMap::from([("1".to_string(), vec!["a".to_string(), "c".to_string()])]);
        let report = score(&test, &predictions);
        assert_eq!(report.users, 1, "user 2 has no liked test item");
        let ideal = 1.0 + 1.0 / 3f64.log2();
        assert!((report.ndcg_at_10 - 1.0 / ideal).abs() < 1e-9);
        assert!((report.recall_at_10 - 0.5).abs() < 1e-9);
        assert_eq!(report.hr_at_10, 1.0);
    }

    #[test]
    fn validation_split_is_deterministic_and_disjoint() {
        let train: Vec<Rating> = (0..200)
            .map(|i| rating(&(i % 7).to_string(), &i.to_string(), 4.0))
            .collect();
        let (fit, held) = validation_split(&train, 5);
        let (fit2, _) = validation_split(&train, 5);
        assert_eq!(fit.len() + held.len(), train.len());
        assert_eq!(fit.len(), fit2.len());
        assert!(!held.is_empty() && held.len() < 80);
    }
}
