//! Optional data files named by an environment variable (the lexicons whose licences keep them
//! out of the repository), read once per process.

use std::path::Path;
use std::sync::OnceLock;

use crate::error::Error;

/// The file `variable` names, read by `load` on first use and kept in `loaded`; `None` when the
/// variable is unset or empty. A set but unreadable file is an error, every time it is asked for.
pub(crate) fn named_by_env<T: Send + Sync>(
    loaded: &'static OnceLock<Result<Option<T>, Error>>,
    variable: &str,
    load: impl FnOnce(&Path) -> Result<T, Error>,
) -> Result<Option<&'static T>, Error> {
    loaded
        .get_or_init(|| match std::env::var_os(variable) {
            Some(path) if !path.is_empty() => load(Path::new(&path)).map(Some),
            _ => Ok(None),
        })
        .as_ref()
        .map(Option::as_ref)
        .map_err(Clone::clone)
}
