//! A temporary directory per test and a command runner, in the style of ripgrep's tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch directory with the `rapport` binary pointed at it.
pub struct Dir {
    root: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Self {
            root: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path().join("data")
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `rapport` run in this directory with `--data-dir` pointing inside it and a clean
    /// environment for the variables it reads.
    pub fn rapport(&self, args: &[&str]) -> Run {
        let mut command = self.bare_rapport();
        command.arg("--data-dir").arg(self.data_dir()).args(args);
        Run::of(command)
    }

    /// `rapport` with no `--data-dir`, to test how settings resolve.
    pub fn bare_rapport(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rapport"));
        command
            .current_dir(self.path())
            .env_remove("RAPPORT_DATA_DIR")
            .env_remove("RAPPORT_DATABASE_URL")
            .env_remove("RAPPORT_CONFIG");
        command
    }
}

/// The result of one run.
pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn of(mut command: Command) -> Self {
        Self {
            output: command.output().unwrap(),
        }
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    /// Asserts success and returns stdout.
    pub fn ok(&self) -> String {
        assert_eq!(
            self.code(),
            0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self.stdout()
    }
}

/// One JSON event line.
pub fn message(user: &str, id: &str, text: &str) -> String {
    serde_json::json!({"user": user, "id": id, "type": "message", "role": "user", "text": text})
        .to_string()
}
