//! The `hindsight` binary: argument types and printing (in `cmd`), over the library's
//! pipeline. This is the one exit point: 0 clean, 1 findings in the input, 2 the tool could
//! not run, 130 interrupted.

mod cmd;

use std::process::ExitCode;

use clap::Parser as _;
use hindsight::publish;

fn main() -> ExitCode {
    // A completion script calling back for candidates: answer and exit before parsing.
    cmd::answer_completion_request();
    let cli = match cmd::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    // Ctrl-C (or a termination signal) ends the command at once, unless it is writing: then
    // the write stops at its next step and removes what it staged.
    let _ = ctrlc::set_handler(|| {
        if publish::interrupt::on_signal() {
            std::process::exit(130);
        }
    });
    match cmd::run(cli) {
        Ok(cmd::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::Findings) => ExitCode::from(1),
        Err(error) if cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if error.is::<publish::Interrupted>() => {
            eprintln!("error: {error:#}");
            ExitCode::from(130)
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
