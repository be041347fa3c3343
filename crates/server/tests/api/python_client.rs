//! The Python client (`clients/python`) against a real server with the built-in learner: its
//! own unittest suite runs in a `python3` child process and must pass without skipping.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_client_passes_its_suite_against_a_live_server() {
    let server = TestServer::start_builtin().await;
    let key = server.tenant_key("pyclient").await;
    let tests = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../clients/python/tests");
    let url = format!("http://{}", server.addr);
    let output = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .args(["-m", "unittest", "discover", "-v", "-s"])
            .arg(&tests)
            .env("RAPPORT_URL", url)
            .env("RAPPORT_KEY", key)
            .output()
            .expect("python3 runs (scripts/test needs it)")
    })
    .await
    .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the Python suite failed:\n{report}"
    );
    assert!(report.contains("OK"), "{report}");
    assert!(
        !report.contains("skipped"),
        "nothing may be skipped:\n{report}"
    );
    assert!(report.contains("Ran 6 tests"), "{report}");
}
