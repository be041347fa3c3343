//! Command-line flags of the eval examples: `--name VALUE` options and bare `--name` switches.
//! (Shared by the examples through `mod args;`; a directory without `main.rs` is not an
//! example of its own.)

// Each example compiles its own copy and uses a part of it.
#![allow(dead_code)]

/// The process's arguments.
pub struct Args(Vec<String>);

impl Args {
    /// Reads the process's arguments.
    pub fn from_env() -> Self {
        Self(std::env::args().collect())
    }

    /// The value after `flag`, if given.
    pub fn value(&self, flag: &str) -> Option<String> {
        self.0
            .iter()
            .position(|a| a == flag)
            .and_then(|i| self.0.get(i + 1))
            .cloned()
    }

    /// Whether the switch `flag` is given.
    pub fn has(&self, flag: &str) -> bool {
        self.0.iter().any(|a| a == flag)
    }
}
