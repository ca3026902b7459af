//! `spapi-sim`: runs the local SP-API simulator until Ctrl-C.
//!
//! ```text
//! spapi-sim [--port N] [--seed N] [--time-scale F] [--frozen] [--no-limits]
//!           [--sandbox off|mixed|only] [--print-credentials]
//! ```

use std::process::ExitCode;

use amazon_spapi::sim::{SandboxMode, SimConfig, Simulator};

const USAGE: &str = "usage: spapi-sim [--port N] [--seed N] [--time-scale F] [--frozen] [--no-limits] \
[--sandbox off|mixed|only] [--print-credentials]";

fn parse(args: &[String]) -> Result<(SimConfig, bool), String> {
    let mut cfg = SimConfig::new(1);
    let mut print_credentials = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--port" => {
                cfg.port = value("--port")?
                    .parse()
                    .map_err(|_| "--port must be a number from 0 to 65535")?;
            }
            "--seed" => {
                cfg.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed must be a whole number")?;
            }
            "--time-scale" => {
                cfg.time_scale = value("--time-scale")?
                    .parse()
                    .map_err(|_| "--time-scale must be a number")?;
            }
            "--frozen" => cfg.time_scale = 0.0,
            "--no-limits" => cfg.limits.enabled = false,
            "--sandbox" => {
                cfg.sandbox = match value("--sandbox")?.as_str() {
                    "off" => SandboxMode::Off,
                    "mixed" => SandboxMode::Mixed,
                    "only" => SandboxMode::Only,
                    other => return Err(format!("--sandbox must be off, mixed or only, not {other}")),
                }
            }
            "--print-credentials" => print_credentials = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok((cfg, print_credentials))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cfg, print_credentials) = match parse(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let seed = cfg.seed;
    let scale = cfg.time_scale;
    let sim = match Simulator::start(cfg).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("spapi-sim: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "SP-API simulator (seed {seed}, time x{scale}, simulated now {})",
        sim.now()
    );
    println!("  endpoint: {}", sim.base_url());
    println!("  LWA:      {}", sim.lwa_url());
    println!("  client id: {}", sim.client_id());
    if print_credentials {
        println!(
            "  client secret: {} (simulator-only)",
            sim.client_secret().expose()
        );
    }
    for s in sim.sellers() {
        print!(
            "  seller {} in {}",
            s.selling_partner_id,
            s.marketplace_ids.join(",")
        );
        if print_credentials {
            print!(" refresh token {}", s.refresh_token.expose());
        }
        println!();
    }
    if !print_credentials {
        println!("  (pass --print-credentials to show the simulator's client secret and refresh tokens)");
    }
    println!("Ctrl-C to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("spapi-sim: cannot wait for Ctrl-C: {e}");
    }
    let n = sim.recorded_requests().len();
    sim.shutdown().await;
    println!("stopped after {n} requests");
    ExitCode::SUCCESS
}
