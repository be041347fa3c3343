//! Hand-written cue vocabularies: a phrase (lowercase words; a final `*` matches a prefix), the
//! value it suggests and how strongly. These are word lists, not weights fitted to data: the
//! weights say how directly a phrase implies the value (3 = says it, 1 = typical of it,
//! 0.5 = weakly associated).

mod compiled;
mod life;
mod work;

pub use compiled::{TABLES, matches};

pub use life::{AGE, RELATIONSHIP, SEX};
pub use work::{EDUCATION, INCOME, OCCUPATION};

/// One cue.
pub type Rule = (&'static str, &'static str, f32);
