//! `kaltura-sim --port PORT [--fixtures DIR] [--latency-ms N] [--error-rate R]
//! [--timeout-rate R] [--truncate-rate R] [--hang-ms N] [--seed N]`
//!
//! Prints one line, `kaltura-sim listening on http://127.0.0.1:PORT
//! partner_id=N admin_secret=S`, then serves until killed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use kaltura_sim::{fixtures, Catalog, FaultSettings, Simulator};

const USAGE: &str =
    "usage: kaltura-sim [--port PORT] [--fixtures DIR] [--latency-ms N] [--error-rate R] \
[--timeout-rate R] [--truncate-rate R] [--hang-ms N] [--seed N]";

struct Options {
    port: u16,
    fixtures: PathBuf,
    faults: FaultSettings,
    seed: u64,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        port: 0,
        fixtures: fixtures::default_dir(),
        faults: FaultSettings::default(),
        seed: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.into());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("{flag} expects {what}, got {value:?}");
        let rate = || {
            value
                .parse::<f64>()
                .ok()
                .filter(|r| (0.0..=1.0).contains(r))
                .ok_or_else(|| bad("a rate between 0 and 1"))
        };
        match flag.as_str() {
            "--port" => options.port = value.parse().map_err(|_| bad("a port number"))?,
            "--fixtures" => options.fixtures = PathBuf::from(&value),
            "--latency-ms" => {
                options.faults.latency_ms = value.parse().map_err(|_| bad("milliseconds"))?
            }
            "--hang-ms" => {
                options.faults.hang_ms = value.parse().map_err(|_| bad("milliseconds"))?
            }
            "--error-rate" => options.faults.error_rate = rate()?,
            "--timeout-rate" => options.faults.timeout_rate = rate()?,
            "--truncate-rate" => options.faults.truncate_rate = rate()?,
            "--seed" => options.seed = value.parse().map_err(|_| bad("an integer"))?,
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let catalog = match Catalog::load(&options.fixtures) {
        Ok(catalog) => catalog,
        Err(error) => {
            eprintln!("kaltura-sim: {error}");
            return ExitCode::FAILURE;
        }
    };
    let simulator = Arc::new(Simulator::new(catalog, options.faults, options.seed));
    let address = match kaltura_sim::spawn(Arc::clone(&simulator), options.port) {
        Ok(address) => address,
        Err(error) => {
            eprintln!(
                "kaltura-sim: cannot listen on 127.0.0.1:{}: {error}",
                options.port
            );
            return ExitCode::FAILURE;
        }
    };
    println!("{}", simulator.listening_line(address));
    let _ = std::io::stdout().flush();
    loop {
        std::thread::park();
    }
}
