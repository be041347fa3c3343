//! `rapport mcp`: the MCP stdio transport. One JSON-RPC message per line in, one answer per
//! line out; nothing else is written to standard output (logs go to standard error).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use rapport_core::TenantId;
use rapport_engine::Engine;
use rapport_server::mcp::McpServer;

pub fn run(engine: &Engine, tenant: TenantId) -> anyhow::Result<ExitCode> {
    let server = McpServer::new(engine, tenant, rapport_engine::Actor::mcp());
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(answer) = server.handle_text(&line) {
            serde_json::to_writer(&mut stdout, &answer)?;
            stdout.write_all(b"\n")?;
            stdout.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
