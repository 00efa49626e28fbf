//! The `hindsight` binary: argument types and printing (in `cmd`), over the library's
//! pipeline. This is the one exit point: 0 clean, 1 findings in the input, 2 the tool could
//! not run, 130 interrupted.

mod allocator;
mod cmd;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use hindsight::publish;

#[global_allocator]
static ALLOCATOR: allocator::Split = allocator::Split;

fn main() -> ExitCode {
    // A completion script calling back for candidates: answer and exit before parsing.
    cmd::answer_completion_request();
    let cli = match cmd::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
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

/// Help, version and usage errors, coloured as `--color` and the environment say (clap's own
/// choice is not used: colour is decided in one place).
fn usage(error: &clap::Error) -> ExitCode {
    let (stream, code) = if error.use_stderr() {
        (cmd::Stream::Stderr, 2)
    } else {
        (cmd::Stream::Stdout, 0)
    };
    let choice = cmd::color_in_args(std::env::args_os());
    let styled = error.render();
    let text = if cmd::colour_with(choice, stream) {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let _ = match stream {
        cmd::Stream::Stderr => std::io::stderr().write_all(text.as_bytes()),
        cmd::Stream::Stdout => std::io::stdout().write_all(text.as_bytes()),
    };
    ExitCode::from(code)
}
