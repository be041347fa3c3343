//! Settings resolve as command line > environment > config file > default.

use crate::harness::{Dir, Run, message};

fn users_in(dir: &Dir, configure: impl FnOnce(&mut std::process::Command)) -> Run {
    let mut command = dir.bare_rapport();
    configure(&mut command);
    command.arg("users");
    Run::of(command)
}

#[test]
fn data_dir_precedence() {
    let dir = Dir::new();
    // Put one user in each of three stores.
    for (name, user) in [("from-file", "f"), ("from-env", "e"), ("from-cli", "c")] {
        let file = dir.write("x.jsonl", message(user, "1", "hello"));
        let mut command = dir.bare_rapport();
        command.args(["--data-dir", name, "ingest", file.to_str().unwrap()]);
        Run::of(command).ok();
    }
    dir.write("rapport.toml", "data_dir = \"from-file\"\n");
    let file_only = users_in(&dir, |_| {}).ok();
    assert!(file_only.contains("\tf\t"), "{file_only}");
    let env = users_in(&dir, |c| {
        c.env("RAPPORT_DATA_DIR", "from-env");
    })
    .ok();
    assert!(env.contains("\te\t"), "{env}");
    let cli = users_in(&dir, |c| {
        c.env("RAPPORT_DATA_DIR", "from-env")
            .args(["--data-dir", "from-cli"]);
    })
    .ok();
    assert!(cli.contains("\tc\t"), "{cli}");
}

#[test]
fn default_data_dir_is_rapport_data() {
    let dir = Dir::new();
    let file = dir.write("x.jsonl", message("d", "1", "hello"));
    let mut command = dir.bare_rapport();
    command.args(["ingest", file.to_str().unwrap()]);
    Run::of(command).ok();
    assert!(dir.path().join("rapport-data/rapport.db").exists());
}

#[test]
fn a_bad_config_file_is_a_clear_error() {
    let dir = Dir::new();
    dir.write("rapport.toml", "data_directory = 1\n");
    let run = users_in(&dir, |_| {});
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr().contains("invalid config file rapport.toml"),
        "{}",
        run.stderr()
    );
}
