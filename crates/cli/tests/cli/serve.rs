use crate::harness::Dir;

#[test]
fn an_operator_bootstraps_tenants_and_keys_without_http() {
    let dir = Dir::new();
    assert!(
        dir.rapport(&["tenants", "create", "acme"])
            .ok()
            .contains("Created tenant acme.")
    );
    assert!(
        dir.rapport(&["tenants", "create", "acme"])
            .ok()
            .contains("already exists")
    );
    assert_eq!(dir.rapport(&["tenants", "list"]).ok(), "acme\n");
    let created = dir.rapport(&["keys", "create", "acme"]);
    let secret = created.ok();
    assert!(
        secret.starts_with("rpk_") && secret.trim().len() == 68,
        "{secret}"
    );
    let id = created
        .stderr()
        .split_whitespace()
        .find(|w| w.starts_with("key_"))
        .unwrap()
        .to_string();
    assert!(
        dir.rapport(&["keys", "revoke", &id])
            .ok()
            .contains("Revoked")
    );
    assert_eq!(dir.rapport(&["keys", "revoke", &id]).code(), 1);
    let unknown = dir.rapport(&["keys", "create", "nobody"]);
    assert_eq!(unknown.code(), 1);
    assert!(
        unknown.stderr().contains("unknown tenant `nobody`"),
        "{}",
        unknown.stderr()
    );
}

#[test]
fn the_example_config_parses() {
    let dir = Dir::new();
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../rapport.example.toml"
    ))
    .unwrap();
    let config = dir.write("rapport.toml", example);
    let run = dir.rapport(&["--config", config.to_str().unwrap(), "tenants", "list"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
}

/// `rapport bench http --serve` tells an outside load generator where and how to send context
/// requests, answers them, and stops when its standard input ends.
#[test]
fn bench_http_serves_its_store_to_an_outside_load_generator() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::Stdio;

    let dir = Dir::new();
    let mut child = dir
        .bare_rapport()
        .args(["bench", "http", "--serve", "--users", "2", "--turns", "30"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut said = std::collections::HashMap::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if line == "ready" {
            break;
        }
        let (name, value) = line.split_once(' ').unwrap();
        said.insert(name.to_string(), value.to_string());
    }
    assert_eq!(said["users"], "u0,u1");
    let query = said["queries"].split('|').next().unwrap();
    let body = serde_json::json!({ "query": query }).to_string();
    let mut stream = std::net::TcpStream::connect(&said["address"]).unwrap();
    write!(
        stream,
        "POST /v1/users/u1/context HTTP/1.1\r\nHost: rapport\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        said["key"],
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("content-type: application/json"),
        "{response}"
    );
    let json: serde_json::Value =
        serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap();
    assert!(
        json["block"]
            .as_str()
            .unwrap()
            .contains("What you know about u1")
    );
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}
