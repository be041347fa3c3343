use thiserror::Error;

/// What can go wrong in inference. The inputs that are not a user's text are the gazetteer
/// compiled into the crate and the optional Big Five and gender lexicon files.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// A line of the gazetteer could not be read.
    #[error("gazetteer line {line}: {reason}")]
    Gazetteer {
        /// 1-based line number.
        line: usize,
        /// What was wrong with it.
        reason: String,
    },
    /// A line of the gender lexicon could not be read.
    #[error("gender lexicon line {line}: {reason}")]
    GenderLexicon {
        /// 1-based line number (0: the lexicon as a whole).
        line: usize,
        /// What was wrong with it.
        reason: String,
    },
    /// The gender lexicon file could not be read.
    #[error("gender lexicon {path}: {reason}")]
    GenderLexiconFile {
        /// The file.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// A line of the Big Five lexicon could not be read.
    #[error("personality lexicon line {line}: {reason}")]
    Lexicon {
        /// 1-based line number (0: the lexicon as a whole).
        line: usize,
        /// What was wrong with it.
        reason: String,
    },
    /// The Big Five lexicon file could not be read.
    #[error("personality lexicon {path}: {reason}")]
    LexiconFile {
        /// The file.
        path: String,
        /// What went wrong.
        reason: String,
    },
}
