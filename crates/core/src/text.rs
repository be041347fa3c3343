use crate::{Error, Result};

/// The largest text accepted in one event, in bytes (64 KiB). Longer documents should be split.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Checks that a text field is non-blank and within [`MAX_TEXT_BYTES`].
pub fn validate_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::InvalidText("must not be empty".into()));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::InvalidText(format!(
            "{} bytes is longer than the limit of {MAX_TEXT_BYTES}",
            text.len()
        )));
    }
    Ok(())
}
