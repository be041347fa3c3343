//! `rapport mcp`: a real JSON-RPC session with the running binary over standard input/output.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

use serde_json::{Value, json};

use crate::harness::Dir;

struct Session {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: u64,
}

impl Session {
    fn start(dir: &Dir) -> Self {
        let mut command = dir.bare_rapport();
        command
            .arg("--data-dir")
            .arg(dir.data_dir())
            .args(["mcp", "--tenant", "acme"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = command.spawn().unwrap();
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        Self {
            child,
            input,
            output,
            next_id: 0,
        }
    }

    fn send(&mut self, message: &Value) {
        writeln!(self.input, "{message}").unwrap();
        self.input.flush().unwrap();
    }

    fn read(&mut self) -> Value {
        let mut line = String::new();
        self.output.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer = self.read();
        assert_eq!(answer["id"], json!(id), "{answer}");
        answer
    }

    fn call(&mut self, tool: &str, arguments: Value) -> Value {
        let answer = self.request("tools/call", json!({"name": tool, "arguments": arguments}));
        answer["result"].clone()
    }
}

#[test]
fn an_agent_initializes_lists_tools_remembers_recalls_and_forgets() {
    let dir = Dir::new();
    let mut session = Session::start(&dir);
    let init = session.request(
        "initialize",
        json!({"protocolVersion": "2025-03-26", "capabilities": {},
               "clientInfo": {"name": "test", "version": "1"}}),
    );
    assert_eq!(init["result"]["protocolVersion"], "2025-03-26");
    assert_eq!(init["result"]["serverInfo"]["name"], "rapport");
    assert!(init["result"]["capabilities"]["tools"].is_object());
    // The initialized notification gets no answer: the next line answers the next request.
    session.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));

    let tools = session.request("tools/list", json!({}));
    let names: Vec<&str> = tools["result"]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["remember", "recall", "profile", "forget"]);
    assert!(tools["result"]["tools"][1]["inputSchema"]["required"].is_array());

    let stored = session.call(
        "remember",
        json!({"user": "ana", "text": "My dog Rex loves the beach in Porto."}),
    );
    assert_eq!(stored["isError"], false, "{stored}");
    session.call(
        "remember",
        json!({"user": "ana", "text": "Work has been busy lately."}),
    );
    let recalled = session.call(
        "recall",
        json!({"user": "ana", "query": "What is my dog's name?"}),
    );
    assert_eq!(recalled["isError"], false, "{recalled}");
    let block = recalled["content"][0]["text"].as_str().unwrap();
    assert!(block.contains("Rex"), "{block}");
    assert!(recalled["structuredContent"]["tokens"].as_u64().unwrap() > 0);

    let profile = session.call("profile", json!({"user": "ana"}));
    assert!(
        profile["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("ana"),
        "{profile}"
    );

    // An unknown user is a tool error the model can read, not a protocol error.
    let unknown = session.call("recall", json!({"user": "nobody", "query": "hi"}));
    assert_eq!(unknown["isError"], true);
    assert!(
        unknown["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("unknown user `nobody`")
    );

    let forgot = session.call("forget", json!({"user": "ana"}));
    assert_eq!(forgot["isError"], false, "{forgot}");
    let gone = session.call("profile", json!({"user": "ana"}));
    assert_eq!(gone["isError"], true);

    drop(session.input);
    assert!(session.child.wait().unwrap().success());
    // The tools acted on the tenant given on the command line.
    let users = dir.rapport(&["users", "--tenant", "acme"]).ok();
    assert!(!users.contains("ana"), "{users}");
}

#[test]
fn protocol_mistakes_get_json_rpc_errors() {
    let dir = Dir::new();
    let mut session = Session::start(&dir);
    session.send(&json!("not an object"));
    let invalid = session.read();
    assert_eq!(invalid["error"]["code"], -32600);
    writeln!(session.input, "{{not json").unwrap();
    session.input.flush().unwrap();
    let parse = session.read();
    assert_eq!(parse["error"]["code"], -32700);
    assert_eq!(parse["id"], Value::Null);
    let unknown = session.request("resources/list", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let no_tool = session.request(
        "tools/call",
        json!({"name": "teleport", "arguments": {"user": "a"}}),
    );
    assert_eq!(no_tool["error"]["code"], -32602);
    assert!(
        no_tool["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown tool `teleport`")
    );
    let bad_budget = session.request(
        "tools/call",
        json!({"name": "recall", "arguments": {"user": "a", "query": "q", "budget": 0}}),
    );
    assert_eq!(bad_budget["error"]["code"], -32602);
    let no_user = session.request("tools/call", json!({"name": "profile", "arguments": {}}));
    assert!(
        no_user["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`user`")
    );
    let ping = session.request("ping", json!({}));
    assert_eq!(ping["result"], json!({}));
}
