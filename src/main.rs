//! Starts things: the command line, or the window.

use clap::Parser;

use carte_mixite::cli::{Cli, Command, run};

/// mimalloc keeps and reuses large blocks: the map's meshes (hundreds of thousands of vertices)
/// are rebuilt every frame, and the system allocator would map and unmap them each time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // a double click on a project runs `carte-mixite FILE`
    let args: Vec<String> = std::env::args().collect();
    if let Some((file, lang)) = carte_mixite::cli::file_to_open(&args) {
        return carte_mixite::app::run_window(Some(file), lang);
    }
    let cli = Cli::parse();
    match &cli.command {
        None => carte_mixite::app::run_window(None, cli.lang),
        Some(Command::Open { territory }) => {
            carte_mixite::app::run_window(territory.clone(), cli.lang)
        }
        Some(command) => match run(command, cli.lang) {
            Ok(text) => {
                // a reader that stops early (`| head`) closes the pipe: that is no failure,
                // and never a panic
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        eprintln!("carte-mixite: {e}");
                        std::process::ExitCode::FAILURE
                    }
                    _ => std::process::ExitCode::SUCCESS,
                }
            }
            Err(message) => {
                eprintln!("carte-mixite: {message}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
